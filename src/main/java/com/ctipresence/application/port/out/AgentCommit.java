package com.ctipresence.application.port.out;

import com.ctipresence.domain.Change;

/**
 * Everything one command writes, to be stored in a single transaction: the agent's new presence (conditional on
 * the version and accounting mark it was computed from), its history entries, its day-total increments, and the
 * processed call event.
 * {@code event} may be null; when {@code change} changed nothing, only the event is written, still conditional on
 * the agent being unchanged.
 */
public record AgentCommit(Change change, ProcessedEvent event) {
}
