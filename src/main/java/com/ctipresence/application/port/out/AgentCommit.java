package com.ctipresence.application.port.out;

import com.ctipresence.application.port.out.delivery.PendingDelivery;
import com.ctipresence.domain.Change;

import java.util.List;

/**
 * Everything one command writes, to be stored in a single transaction: the agent's new presence (conditional on
 * the version and accounting mark it was computed from), its history entries, its day-total increments, the
 * processed call event, and the transactional outbox: per enabled delivery target the agent's desired target state
 * ({@code deliveries}, written only when the presence version grew; each item never goes back to an older version).
 * {@code event} may be null; when {@code change} changed nothing, only the event is written, still conditional on
 * the agent being unchanged.
 */
public record AgentCommit(Change change, ProcessedEvent event, List<PendingDelivery> deliveries) {

    public AgentCommit {
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }

    /** A commit that sends nothing on. */
    public AgentCommit(Change change, ProcessedEvent event) {
        this(change, event, List.of());
    }
}
