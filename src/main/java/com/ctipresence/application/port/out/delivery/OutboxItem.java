package com.ctipresence.application.port.out.delivery;

import java.time.Instant;

/**
 * One outbox item: an agent's latest desired state at one target (or, for {@code SALESFORCE_TIME}, a call center's
 * pending time-tracking sync, {@code agentId} null and {@code version} the epoch millisecond of the latest tick that
 * asked for it) and where its delivery stands.
 *
 * @param attempts         sends of this version so far
 * @param nextAttemptAt    when it is sent (again): now for a new version, after a back-off or Retry-After, or when a
 *                         delivered Teams session presence is to be refreshed; null when nothing is to be sent
 * @param deliveredVersion the newest version the target accepted (0: none); never sent anything older
 * @param leaseUntil       a worker is sending it until then (null: nobody); after it, another worker may take it
 */
public record OutboxItem(DeliveryTarget target, String callCenterId, String agentId, long version, Instant at,
                         String stateId, String label, String reasonCode, int presenceStatus, Instant enqueuedAt,
                         DeliveryStatus status, int attempts, Instant nextAttemptAt, String lastError,
                         long deliveredVersion, Instant leaseUntil) {

    /** Due to be sent now: pending (or a delivered Teams presence to refresh), its time has come, not leased. */
    public boolean due(Instant now) {
        return status != DeliveryStatus.FAILED && nextAttemptAt != null && !nextAttemptAt.isAfter(now)
                && (leaseUntil == null || !leaseUntil.isAfter(now));
    }
}
