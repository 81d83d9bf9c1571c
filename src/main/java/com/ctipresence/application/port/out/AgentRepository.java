package com.ctipresence.application.port.out;

import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.Transition;

import java.time.Instant;

import java.util.List;
import java.util.Optional;

/** Where agents' presence, history and processed call events are kept. */
public interface AgentRepository {
    Optional<AgentPresence> find(String callCenterId, String agentId);

    List<AgentPresence> findByCallCenter(String callCenterId);

    /**
     * Up to {@code limit} agents of the call center with an agent id after {@code startAfterAgentId} (null: from the
     * first), in agent id order, and where the next page starts. Stores override this with a paged query; this
     * default pages through {@link #findByCallCenter}.
     */
    default AgentPage page(String callCenterId, String startAfterAgentId, int limit) {
        List<AgentPresence> rest = findByCallCenter(callCenterId).stream()
                .filter(a -> startAfterAgentId == null || a.agentId().compareTo(startAfterAgentId) > 0)
                .sorted(java.util.Comparator.comparing(AgentPresence::agentId)).toList();
        List<AgentPresence> page = rest.subList(0, Math.min(limit, rest.size()));
        return new AgentPage(page, rest.size() > limit ? page.get(page.size() - 1).agentId() : null);
    }

    /** Every agent, of any call center, whose wrap-up is still running. */
    List<AgentPresence> findInWrapUp();

    /** History entries with {@code from <= at < to}, oldest first. */
    List<Transition> history(String callCenterId, String agentId, Instant from, Instant to);

    Optional<ProcessedEvent> findProcessedEvent(String callCenterId, String agentId, String eventId);

    /** The agent and whether it already processed a call event, read together. */
    record AgentAndEvent(Optional<AgentPresence> agent, Optional<ProcessedEvent> event) {
    }

    /**
     * The agent and the processed call event {@code eventId}, if any, read at once. Stores override this with one
     * request (DynamoDB: a consistent {@code BatchGetItem}); this default makes two.
     */
    default AgentAndEvent findWithEvent(String callCenterId, String agentId, String eventId) {
        Optional<ProcessedEvent> event = findProcessedEvent(callCenterId, agentId, eventId);
        return new AgentAndEvent(find(callCenterId, agentId), event);
    }

    /**
     * Writes the commit atomically: the agent (with its running day totals), its history entries, the closed
     * day-total increments and the processed event, or nothing. A commit that only moves the agent's accounting
     * ({@link com.ctipresence.domain.Change#checkpointOnly()}) is one single-item conditional write.
     *
     * @throws ConcurrentUpdateException when the agent changed since it was read (or the event was stored meanwhile)
     */
    void commit(AgentCommit commit);
}
