package com.ctipresence.application.service;

import com.ctipresence.application.NotFoundException;
import com.ctipresence.application.port.out.AgentCommit;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.port.out.ConcurrentUpdateException;
import com.ctipresence.application.port.out.TimeTotalsRepository;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.Change;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.domain.FieldError;
import com.ctipresence.domain.Ids;
import com.ctipresence.domain.PresenceMachine;
import com.ctipresence.domain.PresenceState;
import com.ctipresence.domain.TimeLedger;
import com.ctipresence.domain.Transition;
import com.ctipresence.domain.ValidationException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Time tracking use cases: checkpoint ticks, day-total reports, the transition history, presence views. */
@ApplicationScoped
public class TimeTrackingService {
    public static final int MAX_RANGE_DAYS = 31;
    /** Reads of agents and totals tried before the last one is taken as it is (ticks are seconds apart). */
    static final int SNAPSHOT_ATTEMPTS = 5;

    private final CallCenterService callCenterService;
    private final CallCenterRepository callCenters;
    private final AgentRepository agents;
    private final TimeTotalsRepository totals;
    private final Clock clock;
    private final ExecutorService tickPool;
    private final Map<String, Instant> lastTicks = new ConcurrentHashMap<>();

    public TimeTrackingService(CallCenterService callCenterService, CallCenterRepository callCenters,
                               AgentRepository agents, TimeTotalsRepository totals, Clock clock,
                               @ConfigProperty(name = "cti.time-tracking.tick-concurrency", defaultValue = "16")
                               int tickConcurrency) {
        this.callCenterService = callCenterService;
        this.callCenters = callCenters;
        this.agents = agents;
        this.totals = totals;
        this.clock = clock;
        this.tickPool = Executors.newFixedThreadPool(tickConcurrency, r -> {
            Thread t = new Thread(r, "time-tracking-tick");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Ticks every call center whose {@code timeTrackingUpdateSeconds} have passed since its last tick here (the
     * local scheduler calls this every second).
     */
    public List<TickResult> tickDue() {
        Instant now = now();
        List<TickResult> results = new ArrayList<>();
        for (CallCenterConfig config : callCenters.findAll()) {
            Instant last = lastTicks.get(config.callCenterId());
            boolean due = last == null || last.isAfter(now)
                    || !last.plusSeconds(config.timeTrackingUpdateSeconds()).isAfter(now);
            if (due) {
                lastTicks.put(config.callCenterId(), now);
                results.add(tick(config, now));
            }
        }
        return results;
    }

    /**
     * Checkpoints every agent of the call center: books its open interval into the day totals, one conditional
     * write request per agent that has something to book. Safe to repeat and to run concurrently with other ticks
     * and with presence changes: a write that lost its condition is left to whoever won, who booked the same
     * seconds.
     */
    public TickResult tick(String callCenterId) {
        return tick(callCenterService.get(callCenterId), now());
    }

    private TickResult tick(CallCenterConfig config, Instant now) {
        List<AgentPresence> all = agents.findByCallCenter(config.callCenterId());
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (AgentPresence agent : all) {
            outcomes.add(tickPool.submit(() -> checkpoint(config, agent, now)));
        }
        int written = 0;
        int raced = 0;
        for (Future<Integer> outcome : outcomes) {
            int result = join(outcome);
            written += result > 0 ? 1 : 0;
            raced += result < 0 ? 1 : 0;
        }
        return new TickResult(config.callCenterId(), all.size(), written, raced);
    }

    /** 1 written, 0 nothing to do, -1 lost a race. */
    private int checkpoint(CallCenterConfig config, AgentPresence agent, Instant now) {
        Change change = PresenceMachine.checkpoint(config, agent, now);
        if (!change.changed()) {
            return 0;
        }
        try {
            agents.commit(new AgentCommit(change, null));
            return 1;
        } catch (ConcurrentUpdateException lost) {
            return -1;
        }
    }

    /** Day totals of the range (both ends included), exact to the second now: open intervals are included. */
    public List<DayTotal> report(String callCenterId, LocalDate from, LocalDate to, String agentId) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "is required (YYYY-MM-DD)"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required (YYYY-MM-DD)"));
        }
        if (agentId != null) {
            Ids.check("agentId", agentId, errors);
        }
        if (errors.isEmpty()) {
            if (from.isAfter(to)) {
                errors.add(new FieldError("from", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
                errors.add(new FieldError("to", "the range may cover at most " + MAX_RANGE_DAYS + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        CallCenterConfig config = callCenterService.get(callCenterId);
        Instant now = now();
        Snapshot snapshot = snapshot(config, agentId, from, to);
        List<DayTotal> rows = new ArrayList<>(snapshot.rows());
        for (AgentPresence agent : snapshot.agents()) {
            PresenceMachine.checkpoint(config, agent, now).bookings().stream()
                    .filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to))
                    .forEach(rows::add);
        }
        List<DayTotal> merged = TimeLedger.merge(rows);
        merged.sort(Comparator.comparing(DayTotal::agentId).thenComparing(DayTotal::date)
                .thenComparing(byStateOrder(config)));
        return merged;
    }

    /** History entries of an agent with {@code from <= at < to}; defaults: the last 24 hours. */
    public List<Transition> history(String callCenterId, String agentId, Instant from, Instant to) {
        Instant end = to == null ? now().plusMillis(1) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : from;
        List<FieldError> errors = new ArrayList<>();
        checkRange(start, end, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        callCenterService.get(callCenterId);
        Ids.require("agentId", agentId);
        if (agents.find(callCenterId, agentId).isEmpty()) {
            throw NotFoundException.agent(callCenterId, agentId);
        }
        return agents.history(callCenterId, agentId, start, end);
    }

    /** The agents of the call center (or the one agent) as stored now, with their time figures. */
    public List<PresenceView> currentViews(CallCenterConfig config, String onlyAgentId) {
        Snapshot snapshot = snapshot(config, onlyAgentId, null, null);
        Instant now = now();
        return snapshot.agents().stream().map(a -> view(config, a, snapshot, now)).toList();
    }

    /**
     * {@code shown} (a presence just stored, or the first answer to a repeated event) with the time figures of the
     * agent as stored now.
     */
    public PresenceView view(CallCenterConfig config, AgentPresence shown) {
        return view(config, shown, snapshot(config, shown.agentId(), null, null), now());
    }

    private PresenceView view(CallCenterConfig config, AgentPresence shown, Snapshot snapshot, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, config.timeZone());
        List<DayTotal> rows = new ArrayList<>();
        snapshot.rows().stream().filter(t -> t.agentId().equals(shown.agentId()) && t.date().equals(today))
                .forEach(rows::add);
        snapshot.agents().stream().filter(a -> a.agentId().equals(shown.agentId())).findFirst()
                .ifPresent(current -> PresenceMachine.checkpoint(config, current, now).bookings().stream()
                        .filter(b -> b.date().equals(today)).forEach(rows::add));
        Map<String, Long> perState = new LinkedHashMap<>();
        TimeLedger.merge(rows).stream()
                .sorted(byStateOrder(config))
                .forEach(t -> perState.put(t.stateId(), t.seconds()));
        return new PresenceView(shown, TimeLedger.seconds(shown.since(), now), perState);
    }

    /** Agents and their stored day totals, read so that no tick or change fell between the two reads. */
    private record Snapshot(List<AgentPresence> agents, List<DayTotal> rows) {
    }

    /**
     * Reads the agents (all of the call center, or one), the day totals of the range (default: today), and the
     * agents again; if any agent moved meanwhile (a tick or a change booked time between the reads), reads again, so
     * that stored totals and the not yet booked intervals neither overlap nor leave a gap.
     */
    private Snapshot snapshot(CallCenterConfig config, String onlyAgentId, LocalDate from, LocalDate to) {
        String cc = config.callCenterId();
        LocalDate today = LocalDate.ofInstant(now(), config.timeZone());
        Supplier<List<AgentPresence>> readAgents = () -> onlyAgentId == null ? agents.findByCallCenter(cc)
                : agents.find(cc, onlyAgentId).map(List::of).orElse(List.of());
        List<AgentPresence> before = readAgents.get();
        for (int attempt = 1; ; attempt++) {
            List<DayTotal> rows = totals.find(cc, from == null ? today : from, to == null ? today : to, onlyAgentId);
            List<AgentPresence> after = readAgents.get();
            if (after.equals(before) || attempt == SNAPSHOT_ATTEMPTS) {
                return new Snapshot(after, rows);
            }
            before = after;
        }
    }

    private static void checkRange(Instant from, Instant to, List<FieldError> errors) {
        if (from.isAfter(to)) {
            errors.add(new FieldError("from", "must not be after to"));
        } else if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_RANGE_DAYS)) > 0) {
            errors.add(new FieldError("to", "the range may cover at most " + MAX_RANGE_DAYS + " days"));
        }
    }

    /** Rows in the order of the configured states (states no longer configured last). */
    private static Comparator<DayTotal> byStateOrder(CallCenterConfig config) {
        Map<String, Integer> order = new HashMap<>();
        for (PresenceState state : config.states()) {
            order.putIfAbsent(state.id(), order.size());
        }
        return Comparator.comparing(t -> order.getOrDefault(t.stateId(), Integer.MAX_VALUE));
    }

    private Instant now() {
        return Millis.now(clock);
    }

    private static int join(Future<Integer> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tick interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    public void stop() {
        tickPool.shutdownNow();
    }
}
