package com.ctipresence.application.service;

import com.ctipresence.application.UnavailableException;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.port.out.TimeTotalsRepository;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.Change;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.domain.PresenceMachine;
import com.ctipresence.domain.PresenceState;
import com.ctipresence.domain.TimeLedger;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads that show presence, exact at read time and without writing: an overdue wrap-up is shown as expired
 * (Ready since {@code wrapUpUntil}), and time not yet booked by a tick is added to the stored day totals.
 *
 * <p>Stored totals and the agent must come from one moment: if a tick or change booked time between reading the
 * agent and its totals, they would overlap or leave a gap. So the agent is read again after its totals, and the
 * pair is read again while it moved — per agent, never by giving up: after {@link #AGENT_ATTEMPTS} moves the read
 * answers 503. One agent's view reads only that agent's items.
 */
@ApplicationScoped
public class PresenceViews {
    static final int AGENT_ATTEMPTS = 20;

    private final AgentRepository agents;
    private final TimeTotalsRepository totals;
    private final Clock clock;

    public PresenceViews(AgentRepository agents, TimeTotalsRepository totals, Clock clock) {
        this.agents = agents;
        this.totals = totals;
        this.clock = clock;
    }

    /** One agent now, or empty if the agent has no presence yet. */
    public Optional<PresenceView> one(CallCenterConfig config, String agentId) {
        Instant now = Millis.now(clock);
        LocalDate today = today(config, now);
        return agentSnapshot(config, agentId, today, today).map(s -> view(config, s.agent(), s.rows(), now));
    }

    /** Every agent of the call center now. */
    public List<PresenceView> all(CallCenterConfig config) {
        Instant now = Millis.now(clock);
        LocalDate today = today(config, now);
        return callCenterSnapshot(config, today, today).stream()
                .map(s -> view(config, s.agent(), s.rows(), now)).toList();
    }

    /** Day totals of the range, exact now (open intervals included), current labels; of one agent or all. */
    public List<DayTotal> report(CallCenterConfig config, LocalDate from, LocalDate to, String agentId) {
        Instant now = Millis.now(clock);
        List<AgentSnapshot> snapshots = agentId == null ? callCenterSnapshot(config, from, to)
                : agentSnapshot(config, agentId, from, to).map(List::of).orElse(List.of());
        List<DayTotal> rows = new ArrayList<>();
        for (AgentSnapshot s : snapshots) {
            rows.addAll(s.rows());
            PresenceMachine.project(config, s.agent(), now).bookings().stream()
                    .filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).forEach(rows::add);
        }
        if (agentId != null && snapshots.isEmpty()) {
            rows.addAll(totals.find(config.callCenterId(), from, to, agentId)); // a removed agent's history
        }
        List<DayTotal> merged = new ArrayList<>(TimeLedger.merge(rows).stream().map(r -> relabel(config, r))
                .toList());
        merged.sort(Comparator.comparing(DayTotal::agentId).thenComparing(DayTotal::date)
                .thenComparing(byStateOrder(config)));
        return merged;
    }

    /**
     * The answer to a command: the presence it {@code committed}, with the agent's time figures. Its day rows are
     * read, then the agent again to make sure nothing was booked in between; if something was (a concurrent change
     * or tick), the figures come from a fresh snapshot while the presence shown stays the command's own result.
     */
    public PresenceView afterCommit(CallCenterConfig config, AgentPresence committed) {
        Instant now = Millis.now(clock);
        LocalDate today = today(config, now);
        List<DayTotal> rows = totals.find(config.callCenterId(), today, today, committed.agentId());
        Optional<AgentPresence> after = agents.find(config.callCenterId(), committed.agentId());
        if (after.isPresent() && sameBooking(committed, after.get())) {
            return view(config, after.get(), rows, now);
        }
        PresenceView fresh = one(config, committed.agentId()).orElseThrow();
        AgentPresence shown = PresenceMachine.project(config, committed, now).after();
        return new PresenceView(shown, TimeLedger.seconds(shown.since(), now), fresh.today());
    }

    private PresenceView view(CallCenterConfig config, AgentPresence stored, List<DayTotal> storedRows,
                              Instant now) {
        LocalDate today = today(config, now);
        Change projected = PresenceMachine.project(config, stored, now);
        List<DayTotal> rows = new ArrayList<>();
        storedRows.stream().filter(t -> t.date().equals(today)).forEach(rows::add);
        projected.bookings().stream().filter(b -> b.date().equals(today)).forEach(rows::add);
        Map<String, Long> perState = new LinkedHashMap<>();
        TimeLedger.merge(rows).stream().sorted(byStateOrder(config))
                .forEach(t -> perState.put(t.stateId(), t.seconds()));
        AgentPresence shown = projected.after();
        return new PresenceView(shown, TimeLedger.seconds(shown.since(), now), perState);
    }

    private record AgentSnapshot(AgentPresence agent, List<DayTotal> rows) {
    }

    private Optional<AgentSnapshot> agentSnapshot(CallCenterConfig config, String agentId, LocalDate from,
                                                  LocalDate to) {
        String cc = config.callCenterId();
        Optional<AgentPresence> before = agents.find(cc, agentId);
        for (int attempt = 1; before.isPresent(); attempt++) {
            List<DayTotal> rows = totals.find(cc, from, to, agentId);
            Optional<AgentPresence> after = agents.find(cc, agentId);
            if (after.isPresent() && sameBooking(before.get(), after.get())) {
                return Optional.of(new AgentSnapshot(after.get(), rows));
            }
            if (attempt >= AGENT_ATTEMPTS) {
                throw new UnavailableException("agent '" + agentId + "' keeps changing; please retry");
            }
            pause(attempt);
            before = after;
        }
        return Optional.empty();
    }

    /** The whole call center in three reads, then the agents that moved meanwhile one by one. */
    private List<AgentSnapshot> callCenterSnapshot(CallCenterConfig config, LocalDate from, LocalDate to) {
        String cc = config.callCenterId();
        Map<String, AgentPresence> before = new LinkedHashMap<>();
        agents.findByCallCenter(cc).forEach(a -> before.put(a.agentId(), a));
        Map<String, List<DayTotal>> rows = new HashMap<>();
        totals.find(cc, from, to, null).forEach(r -> rows.computeIfAbsent(r.agentId(), k -> new ArrayList<>())
                .add(r));
        List<AgentSnapshot> result = new ArrayList<>();
        for (AgentPresence after : agents.findByCallCenter(cc)) {
            AgentPresence first = before.get(after.agentId());
            if (first != null && sameBooking(first, after)) {
                result.add(new AgentSnapshot(after, rows.getOrDefault(after.agentId(), List.of())));
            } else {
                agentSnapshot(config, after.agentId(), from, to).ifPresent(result::add);
            }
        }
        return result;
    }

    /** Nothing was booked between the two reads. */
    private static boolean sameBooking(AgentPresence a, AgentPresence b) {
        return a.version() == b.version() && a.accountedUntil().equals(b.accountedUntil());
    }

    private static void pause(int attempt) {
        long maxMicros = Math.min(20_000, 200L << Math.min(attempt, 7));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50, maxMicros) * 1000);
    }

    /** A state's current label while it is configured; a removed state keeps its last label and is marked. */
    private static DayTotal relabel(CallCenterConfig config, DayTotal row) {
        return config.state(row.stateId())
                .map(s -> new DayTotal(row.agentId(), row.date(), row.stateId(), s.label(), s.status().code(),
                        row.seconds(), false))
                .orElseGet(() -> new DayTotal(row.agentId(), row.date(), row.stateId(), row.label(),
                        row.presenceStatus(), row.seconds(), true));
    }

    private static LocalDate today(CallCenterConfig config, Instant now) {
        return LocalDate.ofInstant(now, config.timeZone());
    }

    /** Rows in the order of the configured states (states no longer configured last). */
    static Comparator<DayTotal> byStateOrder(CallCenterConfig config) {
        Map<String, Integer> order = new HashMap<>();
        for (PresenceState state : config.states()) {
            order.putIfAbsent(state.id(), order.size());
        }
        return Comparator.comparing(t -> order.getOrDefault(t.stateId(), Integer.MAX_VALUE));
    }
}
