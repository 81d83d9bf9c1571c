package com.ctipresence.application.port.out.delivery;

import com.ctipresence.domain.delivery.AgentProfile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transactional outbox (items are written by {@code AgentRepository.commit}, in the agent's transaction) as the
 * delivery worker and the presence answers use it. Every change of an item is conditional: on its version (a newer
 * version that arrived meanwhile is never overwritten by the outcome of an older one) and on the worker's lease.
 */
public interface Outbox {

    /** No outbox (services wired by hand without delivery): nothing is ever pending. */
    Outbox NONE = new Outbox() {
        public AgentTargets agent(String callCenterId, String agentId) {
            return new AgentTargets(null, List.of());
        }

        public Map<String, AgentTargets> callCenter(String callCenterId) {
            return Map.of();
        }

        public Optional<OutboxItem> find(String callCenterId, String agentId, DeliveryTarget target) {
            return Optional.empty();
        }

        public List<OutboxItem> due(Instant now, int limit) {
            return List.of();
        }

        public boolean claim(OutboxItem item, String leaseId, Instant now, Instant leaseUntil) {
            return false;
        }

        public boolean record(OutboxItem item, String leaseId, DeliveryStatus status, int attempts,
                              Instant nextAttemptAt, String lastError, Instant now) {
            return false;
        }

        public void requestTimeSync(String callCenterId, Instant tickAt) {
        }
    };

    /** What one agent has at the targets, with its profile: one read. */
    record AgentTargets(AgentProfile profile, List<OutboxItem> items) {
    }

    /** The agent's profile (null if none) and outbox items, in one read. */
    AgentTargets agent(String callCenterId, String agentId);

    /** Every agent's profile and items of the call center, by agent id (agents with neither are missing). */
    Map<String, AgentTargets> callCenter(String callCenterId);

    /** One item (consistent read). */
    Optional<OutboxItem> find(String callCenterId, String agentId, DeliveryTarget target);

    /**
     * Items due now (pending with its back-off over, or a delivered Teams presence to refresh; not leased), of any
     * call center; at most {@code limit}.
     */
    List<OutboxItem> due(Instant now, int limit);

    /**
     * Takes the item for sending until {@code leaseUntil}: only if it is still this version, pending, due and not
     * leased by someone else. False when another worker has it or a newer version arrived.
     */
    boolean claim(OutboxItem item, String leaseId, Instant now, Instant leaseUntil);

    /**
     * Records the outcome of sending {@code item}'s version under {@code leaseId} and ends the lease
     * ({@code nextAttemptAt} null: nothing more to send for this version). Only while
     * the item still holds this version; otherwise only the lease ends (the newer version stays pending, untouched)
     * and the answer is false.
     */
    boolean record(OutboxItem item, String leaseId, DeliveryStatus status, int attempts, Instant nextAttemptAt,
                   String lastError, Instant now);

    /** Asks for a time-tracking sync of the call center (its latest tick at {@code tickAt}); refreshes a pending one. */
    void requestTimeSync(String callCenterId, Instant tickAt);
}
