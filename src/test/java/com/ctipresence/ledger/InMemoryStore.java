package com.ctipresence.ledger;

import com.ctipresence.application.port.out.AgentCommit;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.port.out.ConcurrentUpdateException;
import com.ctipresence.application.port.out.ProcessedEvent;
import com.ctipresence.application.port.out.TimeTotalsRepository;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.Change;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.domain.Transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The three store ports in memory, with the semantics of the DynamoDB adapter: {@link #commit} is atomic and
 * conditional (agent unchanged in version and accountedUntil, or absent if new; event id not yet stored), history
 * is kept per agent in commit order, day totals are rows keyed by call center + {@link DayTotal#key()} that add up.
 */
final class InMemoryStore implements CallCenterRepository, AgentRepository, TimeTotalsRepository {
    private final Map<String, CallCenterConfig> callCenters = new LinkedHashMap<>();
    private final Map<String, AgentPresence> agents = new LinkedHashMap<>();
    private final Map<String, List<Transition>> history = new HashMap<>();
    private final Map<String, ProcessedEvent> events = new HashMap<>();
    private final Map<String, Map<String, DayTotal>> totals = new HashMap<>();

    private static String key(String... parts) {
        return String.join("|", parts);
    }

    // CallCenterRepository

    @Override
    public synchronized Optional<CallCenterConfig> find(String callCenterId) {
        return Optional.ofNullable(callCenters.get(callCenterId));
    }

    @Override
    public synchronized List<CallCenterConfig> findAll() {
        return List.copyOf(callCenters.values());
    }

    @Override
    public synchronized void save(CallCenterConfig config) {
        callCenters.put(config.callCenterId(), config);
    }

    @Override
    public boolean writtenOnlyHere() {
        return false; // the model tests write it directly too
    }

    // AgentRepository

    @Override
    public synchronized Optional<AgentPresence> find(String callCenterId, String agentId) {
        return Optional.ofNullable(agents.get(key(callCenterId, agentId)));
    }

    @Override
    public synchronized List<AgentPresence> findByCallCenter(String callCenterId) {
        return agents.values().stream().filter(a -> a.callCenterId().equals(callCenterId)).toList();
    }

    @Override
    public synchronized List<AgentPresence> findInWrapUp() {
        return agents.values().stream().filter(AgentPresence::inWrapUp).toList();
    }

    @Override
    public synchronized List<Transition> history(String callCenterId, String agentId, Instant from, Instant to) {
        return history.getOrDefault(key(callCenterId, agentId), List.of()).stream()
                .filter(t -> !t.at().isBefore(from) && t.at().isBefore(to)).toList();
    }

    @Override
    public synchronized Optional<ProcessedEvent> findProcessedEvent(String callCenterId, String agentId,
                                                                    String eventId) {
        return Optional.ofNullable(events.get(key(callCenterId, agentId, eventId)));
    }

    @Override
    public synchronized void commit(AgentCommit commit) {
        Change change = commit.change();
        AgentPresence before = change.before();
        AgentPresence subject = change.after() != null ? change.after() : before;
        String agentKey = key(subject.callCenterId(), subject.agentId());
        AgentPresence stored = agents.get(agentKey);
        boolean unchanged = before == null ? stored == null
                : stored != null && stored.version() == before.version()
                && stored.accountedUntil().equals(before.accountedUntil());
        if (!unchanged) {
            throw new ConcurrentUpdateException("agent " + agentKey + " changed: stored " + stored);
        }
        ProcessedEvent event = commit.event();
        String eventKey = event == null ? null : key(event.callCenterId(), event.agentId(), event.eventId());
        if (event != null && events.containsKey(eventKey)) {
            throw new ConcurrentUpdateException("event " + eventKey + " already stored");
        }
        // every condition holds: write it all
        if (change.changed()) {
            agents.put(agentKey, change.after());
        }
        history.computeIfAbsent(agentKey, k -> new ArrayList<>()).addAll(change.transitions());
        Map<String, DayTotal> rows = totals.computeIfAbsent(subject.callCenterId(), k -> new TreeMap<>());
        change.closed().forEach(b -> rows.merge(b.key(), b, (row, add) -> row.plus(add.millis())));
        if (event != null) {
            events.put(eventKey, event);
        }
    }

    // TimeTotalsRepository

    @Override
    public synchronized List<DayTotal> find(String callCenterId, LocalDate from, LocalDate to, String agentId) {
        return totals.getOrDefault(callCenterId, Map.of()).values().stream()
                .filter(t -> !t.date().isBefore(from) && !t.date().isAfter(to))
                .filter(t -> agentId == null || agentId.equals(t.agentId()))
                .toList();
    }
}
