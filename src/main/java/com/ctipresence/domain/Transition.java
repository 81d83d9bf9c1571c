package com.ctipresence.domain;

import java.time.Instant;

/**
 * One immutable history entry: at {@code at} the agent went from one state to another. {@code fromStateId} is null
 * for the agent's first state. {@code eventId} names the call event that caused it, {@code actorId} who asked for it.
 */
public record Transition(Instant at, String fromStateId, String toStateId, TransitionCause cause, String eventId,
                         String actorId, long version) {
}
