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
 * (Ready since {@code wrapUpUntil}), and time not yet booked by a tick is added to the booked totals.
 *
 * <p>An agent's item holds its current local day's running totals, so one agent's view is one read of that item
 * (and a list one paged read of the call center's agents). Only an agent stored before running totals existed
 * ({@code RunningTotals.LEGACY}, until its first booking on a later day) and reports also read the day-total rows;
 * those rows and the agent must come from one moment (a roll-over between the two reads would count a day twice or
 * not at all), so the agent is read again after its rows, and the pair again while it moved — per agent, never by
 * giving up: after {@link #AGENT_ATTEMPTS} moves the read answers 503.
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

    /** One agent now (one read of its item), or empty if the agent has no presence yet. */
    public Optional<PresenceView> one(CallCenterConfig config, String agentId) {
        return agents.find(config.callCenterId(), agentId).map(a -> of(config, a));
    }

    /** Every agent of the call center now: one paged read of its agents. */
    public List<PresenceView> all(CallCenterConfig config) {
        Instant now = Millis.now(clock);
        LocalDate today = today(config, now);
        List<PresenceView> result = new ArrayList<>();
        for (AgentPresence agent : agents.findByCallCenter(config.callCenterId())) {
            if (!PresenceMachine.project(config, agent, now).after().running().legacy()) {
                result.add(view(config, agent, List.of(), now));
            } else {
                agentSnapshot(config, agent.agentId(), today, today, Optional.of(agent))
                        .ifPresent(s -> result.add(view(config, s.agent(), s.rows(), now)));
            }
        }
        return result;
    }

    /**
     * An agent as just read or committed by the caller, with its time figures now: no further read (except for a
     * legacy agent's stored rows of today).
     */
    public PresenceView of(CallCenterConfig config, AgentPresence agent) {
        Instant now = Millis.now(clock);
        if (!PresenceMachine.project(config, agent, now).after().running().legacy()) {
            return view(config, agent, List.of(), now);
        }
        LocalDate today = today(config, now);
        Optional<AgentSnapshot> fresh = agentSnapshot(config, agent.agentId(), today, today, Optional.of(agent));
        if (fresh.isPresent() && sameBooking(fresh.get().agent(), agent)) {
            return view(config, agent, fresh.get().rows(), now);
        }
        // it moved since: the figures come from a fresh snapshot, the presence shown stays the caller's own
        PresenceView figures = fresh.map(s -> view(config, s.agent(), s.rows(), now))
                .orElseGet(() -> view(config, agent, List.of(), now));
        AgentPresence shown = PresenceMachine.project(config, agent, now).after();
        return new PresenceView(shown, TimeLedger.seconds(shown.since(), now), figures.today(),
                figures.todayMillis());
    }

    /**
     * The agent's view now from what it carries, without any read: empty for an agent still in the legacy layout
     * (today's totals in the stored day rows).
     */
    public Optional<PresenceView> withoutReading(CallCenterConfig config, AgentPresence agent) {
        Instant now = Millis.now(clock);
        if (PresenceMachine.project(config, agent, now).after().running().legacy()) {
            return Optional.empty();
        }
        return Optional.of(view(config, agent, List.of(), now));
    }

    /** The answer to a command: the presence it {@code committed}, with the agent's time figures now. */
    public PresenceView afterCommit(CallCenterConfig config, AgentPresence committed) {
        return of(config, committed);
    }

    /**
     * Day totals of the range, exact now (open intervals included), current labels; of one agent or all; whole
     * seconds rounded per agent-day ({@link TimeLedger#rounded}).
     */
    public List<TimeLedger.Rounded> report(CallCenterConfig config, LocalDate from, LocalDate to, String agentId) {
        Instant now = Millis.now(clock);
        List<AgentSnapshot> snapshots = agentId == null ? callCenterSnapshot(config, from, to)
                : agentSnapshot(config, agentId, from, to).map(List::of).orElse(List.of());
        List<DayTotal> rows = new ArrayList<>();
        for (AgentSnapshot s : snapshots) {
            rows.addAll(s.rows());
            rows.addAll(booked(config, s.agent(), now));
        }
        if (agentId != null && snapshots.isEmpty()) {
            rows.addAll(totals.find(config.callCenterId(), from, to, agentId)); // a removed agent's history
        }
        List<DayTotal> merged = new ArrayList<>(TimeLedger.merge(rows).stream()
                .filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to))
                .map(r -> relabel(config, r)).toList());
        merged.sort(Comparator.comparing(DayTotal::agentId).thenComparing(DayTotal::date)
                .thenComparing(byStateOrder(config)));
        return TimeLedger.rounded(merged);
    }

    /** What the agent holds beyond the stored rows, now: its running totals and what a tick would close. */
    private static List<DayTotal> booked(CallCenterConfig config, AgentPresence agent, Instant now) {
        Change projected = PresenceMachine.project(config, agent, now);
        List<DayTotal> rows = new ArrayList<>(projected.closed());
        rows.addAll(projected.after().running().rows());
        return rows;
    }

    /**
     * The view of {@code stored} now; {@code storedRows} are the stored day-total rows of today, which count only
     * for an agent whose projection is still legacy (its today's totals are in those rows).
     */
    private PresenceView view(CallCenterConfig config, AgentPresence stored, List<DayTotal> storedRows,
                              Instant now) {
        LocalDate today = today(config, now);
        Change projected = PresenceMachine.project(config, stored, now);
        List<DayTotal> rows = new ArrayList<>();
        if (projected.after().running().legacy()) {
            storedRows.stream().filter(t -> t.date().equals(today)).forEach(rows::add);
            projected.closed().stream().filter(t -> t.date().equals(today)).forEach(rows::add);
        } else {
            rows.addAll(projected.after().running().rowsOf(today));
        }
        List<DayTotal> sorted = TimeLedger.merge(rows).stream().sorted(byStateOrder(config)).toList();
        Map<String, Long> seconds = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (TimeLedger.Rounded r : TimeLedger.rounded(sorted)) {
            seconds.put(r.total().stateId(), r.seconds());
            millis.put(r.total().stateId(), r.total().millis());
        }
        AgentPresence shown = projected.after();
        return new PresenceView(shown, TimeLedger.seconds(shown.since(), now), seconds, millis);
    }

    private record AgentSnapshot(AgentPresence agent, List<DayTotal> rows) {
    }

    private Optional<AgentSnapshot> agentSnapshot(CallCenterConfig config, String agentId, LocalDate from,
                                                  LocalDate to) {
        return agentSnapshot(config, agentId, from, to, agents.find(config.callCenterId(), agentId));
    }

    /** The agent's day rows and the agent from one moment, starting from a read of the agent already made. */
    private Optional<AgentSnapshot> agentSnapshot(CallCenterConfig config, String agentId, LocalDate from,
                                                  LocalDate to, Optional<AgentPresence> firstRead) {
        String cc = config.callCenterId();
        Optional<AgentPresence> before = firstRead;
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
                        row.millis(), false))
                .orElseGet(() -> new DayTotal(row.agentId(), row.date(), row.stateId(), row.label(),
                        row.presenceStatus(), row.millis(), true));
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
