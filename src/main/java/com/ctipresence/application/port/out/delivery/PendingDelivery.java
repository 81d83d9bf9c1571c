package com.ctipresence.application.port.out.delivery;

import java.time.Instant;

/**
 * One agent's desired state at one target, as a commit writes it into the outbox: the presence version and the state
 * it is (as it was when it began), and when it was enqueued (the start of the delivery lag).
 */
public record PendingDelivery(DeliveryTarget target, String callCenterId, String agentId, long version, Instant at,
                              String stateId, String label, String reasonCode, int presenceStatus,
                              Instant enqueuedAt) {
}
