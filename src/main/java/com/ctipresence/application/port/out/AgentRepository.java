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
