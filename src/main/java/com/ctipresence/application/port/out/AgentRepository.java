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

    /**
     * Writes the commit atomically: the agent, its history entries, its day-total increments and the processed
     * event, or nothing.
     *
     * @throws ConcurrentUpdateException when the agent changed since it was read (or the event was stored meanwhile)
     */
    void commit(AgentCommit commit);
}
