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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/** Time tracking use cases: checkpoint ticks, day-total reports, the transition history, presence views. */
@ApplicationScoped
public class TimeTrackingService {
    public static final int MAX_RANGE_DAYS = 31;

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
        List<DayTotal> rows = new ArrayList<>(totals.find(callCenterId, from, to, agentId));
        List<AgentPresence> open = agentId == null ? agents.findByCallCenter(callCenterId)
                : agents.find(callCenterId, agentId).map(List::of).orElse(List.of());
        for (AgentPresence agent : open) {
            PresenceMachine.checkpoint(config, agent, now).bookings().stream()
                    .filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to))
                    .forEach(rows::add);
        }
        List<DayTotal> merged = TimeLedger.merge(rows);
        merged.sort(Comparator.comparing(DayTotal::agentId).thenComparing(DayTotal::date)
                .thenComparing(t -> stateOrder(config, t.stateId())));
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
            throw new NotFoundException("agent '" + agentId + "' has no presence in call center '" + callCenterId
                    + "'");
        }
        return agents.history(callCenterId, agentId, start, end);
    }

    /** Presence views of agents of one call center, with today's seconds per state (one totals query). */
    public List<PresenceView> views(CallCenterConfig config, List<AgentPresence> presences, String onlyAgentId) {
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, config.timeZone());
        Map<String, List<DayTotal>> byAgent = new LinkedHashMap<>();
        totals.find(config.callCenterId(), today, today, onlyAgentId)
                .forEach(t -> byAgent.computeIfAbsent(t.agentId(), k -> new ArrayList<>()).add(t));
        List<PresenceView> views = new ArrayList<>();
        for (AgentPresence p : presences) {
            List<DayTotal> rows = new ArrayList<>(byAgent.getOrDefault(p.agentId(), List.of()));
            PresenceMachine.checkpoint(config, p, now).bookings().stream()
                    .filter(b -> b.date().equals(today)).forEach(rows::add);
            Map<String, Long> perState = new LinkedHashMap<>();
            TimeLedger.merge(rows).stream()
                    .sorted(Comparator.comparing(t -> stateOrder(config, t.stateId())))
                    .forEach(t -> perState.put(t.stateId(), t.seconds()));
            views.add(new PresenceView(p, TimeLedger.seconds(p.since(), now), perState));
        }
        return views;
    }

    private static void checkRange(Instant from, Instant to, List<FieldError> errors) {
        if (from.isAfter(to)) {
            errors.add(new FieldError("from", "must not be after to"));
        } else if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_RANGE_DAYS)) > 0) {
            errors.add(new FieldError("to", "the range may cover at most " + MAX_RANGE_DAYS + " days"));
        }
    }

    private static int stateOrder(CallCenterConfig config, String stateId) {
        List<String> ids = config.states().stream().map(PresenceState::id).collect(Collectors.toList());
        int index = ids.indexOf(stateId);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
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
