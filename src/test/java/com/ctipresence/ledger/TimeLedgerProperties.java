package com.ctipresence.ledger;

import com.ctipresence.application.ConflictException;
import com.ctipresence.application.service.CallCenterService;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.application.service.TickService;
import com.ctipresence.application.Body;
import com.ctipresence.support.Services;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.domain.CallCenterConfigDraft.StateDraft;
import com.ctipresence.domain.CallEvent;
import com.ctipresence.domain.CallEventType;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.domain.PbxMode;
import com.ctipresence.domain.Transition;
import com.ctipresence.domain.TransitionCause;
import com.ctipresence.support.TestClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day totals, built by the real services from random sequences of state changes, call events (with repeats),
 * clock jumps (across local midnight and DST), ticks and wrap-up timers (on time, late, stale, twice), always equal
 * the wall time the agent's history says it spent in each state on each local day.
 */
class TimeLedgerProperties {
    static final String CC = "cc1";
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final String LOGOUT = "logout";
    static final List<StateDraft> STATES = List.of(
            new StateDraft("ready", "Ready", null, 1),
            new StateDraft("dnd", "Do not disturb", null, 4),
            new StateDraft("away", "Away", null, 3),
            new StateDraft("on-a-call", "On a call", null, 6),
            new StateDraft("offline", "Offline", null, 2),
            new StateDraft(LOGOUT, "Logout", null, 7));
    static final long HOUR = 3_600_000L;

    record Scenario(Instant start, int wrapUpSeconds, boolean activeCallChangesPresence, boolean tracking,
                    List<Action> actions, long finalAdvanceMillis) {
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void dayTotalsEqualTheWallTimeOfTheHistory(@ForAll("scenarios") Scenario scenario) throws Exception {
        World w = new World(scenario);
        try {
            scenario.actions().forEach(a -> a.applyTo(w));
            w.clock.advance(Duration.ofMillis(scenario.finalAdvanceMillis()));
            w.timeTracking.tick(CC);
            check(w, scenario);
        } finally {
            w.close();
        }
    }

    // ---- the world under test: the real services on in-memory ports ----

    static final class World {
        final InMemoryStore store = new InMemoryStore();
        final TestClock clock;
        final RecordingWrapUpTimer timer = new RecordingWrapUpTimer();
        final Services services;
        final TickService timeTracking;
        final PresenceService presence;
        final List<Call> sent = new ArrayList<>();
        int conflicts;

        World(Scenario s) {
            clock = TestClock.frozenAt(s.start());
            services = Services.over(store, store, store, timer, clock, 2);
            timeTracking = services.ticks();
            presence = services.presence();
            services.configure(CC, new CallCenterConfigDraft("Prop", ZONE.getId(), true, PbxMode.NOT_SENT,
                    s.wrapUpSeconds(), s.tracking(), 60, false, s.activeCallChangesPresence(), STATES));
        }

        void send(Call call) {
            sent.add(call);
            try {
                presence.onCallEvent(Services.agent(CC, call.agent()), CC, call.agent(), Body.of(CallEvent.validated(call.eventId(), call.type(),
                        call.callId(), call.internal(), call.type() == CallEventType.ENDED ? call.duration() : null)));
            } catch (ConflictException reusedEventId) {
                conflicts++; // the same event id with another payload: rejected, nothing written
            }
        }

        /** Stops the tick pool. */
        void close() {
            timeTracking.stop();
        }
    }

    // ---- actions ----

    interface Action {
        void applyTo(World w);
    }

    record SetState(String agent, String stateId, TransitionCause cause) implements Action {
        public void applyTo(World w) {
            w.presence.setState(cause == TransitionCause.ADMIN ? Services.supervisor(CC) : Services.agent(CC, agent),
                    CC, agent, Body.of(stateId));
        }
    }

    record Call(String agent, String eventId, CallEventType type, String callId, boolean internal, int duration)
            implements Action {
        public void applyTo(World w) {
            w.send(this);
        }
    }

    /** Sends an earlier call event again, unchanged (pick 0 = the latest). */
    record Repeat(int pick) implements Action {
        public void applyTo(World w) {
            if (!w.sent.isEmpty()) {
                w.send(w.sent.get(w.sent.size() - 1 - pick % w.sent.size()));
            }
        }
    }

    record Advance(long millis) implements Action {
        public void applyTo(World w) {
            w.clock.advance(Duration.ofMillis(millis));
        }
    }

    /** Jumps to the next local midnight, shifted by offsetMillis (never backwards). */
    record ToMidnight(long offsetMillis) implements Action {
        public void applyTo(World w) {
            LocalDate today = LocalDate.ofInstant(w.clock.instant(), ZONE);
            w.clock.forwardTo(today.plusDays(1).atStartOfDay(ZONE).toInstant().plusMillis(offsetMillis));
        }
    }

    record Tick() implements Action {
        public void applyTo(World w) {
            w.timeTracking.tick(CC);
        }
    }

    /** Fires a recorded wrap-up timer (pick 0 = the latest) at its time plus lateMillis, or now if that passed. */
    record FireTimer(int pick, long lateMillis) implements Action {
        public void applyTo(World w) {
            List<RecordingWrapUpTimer.Scheduled> all = w.timer.scheduled();
            if (all.isEmpty()) {
                return;
            }
            RecordingWrapUpTimer.Scheduled s = all.get(all.size() - 1 - pick % all.size());
            w.clock.forwardTo(s.until().plusMillis(lateMillis));
            w.presence.expireWrapUp(s.callCenterId(), s.agentId(), s.wrapUpId());
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Action>> actions = actions().list().ofMinSize(1).ofMaxSize(60)
                .withSizeDistribution(RandomDistribution.uniform());
        Arbitrary<Boolean> tracking = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
        return Combinators.combine(starts(), Arbitraries.integers().between(1, 120), Arbitraries.of(true, false),
                tracking, actions, millis(0, 120_000)).as(Scenario::new);
    }

    /** Anywhere in 2020-2030, or in the 12 hours before a Europe/Berlin DST change (at 01:00 UTC). */
    private static Arbitrary<Instant> starts() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, startsIn("2020-01-01T00:00:00Z", "2030-12-31T00:00:00Z")),
                Tuple.of(1, startsIn("2026-03-28T13:00:00Z", "2026-03-29T01:00:00Z")),
                Tuple.of(1, startsIn("2026-10-24T13:00:00Z", "2026-10-25T01:00:00Z")));
    }

    private static Arbitrary<Instant> startsIn(String from, String to) {
        return millis(Instant.parse(from).toEpochMilli(), Instant.parse(to).toEpochMilli()).map(Instant::ofEpochMilli);
    }

    /** Uniform, not jqwik's default bias towards small values: long jumps matter here. */
    private static Arbitrary<Long> millis(long min, long max) {
        return Arbitraries.longs().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Action> actions() {
        Arbitrary<String> agents = Arbitraries.of("a1", "a2", "a3");
        Arbitrary<String> states = Arbitraries.of(STATES.stream().map(StateDraft::id).toList());
        Arbitrary<Action> setState = Combinators.combine(agents, states,
                Arbitraries.of(TransitionCause.AGENT, TransitionCause.ADMIN)).as(SetState::new);
        Arbitrary<Integer> durations = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)), Tuple.of(4, Arbitraries.integers().between(0, 600)));
        Arbitrary<Action> call = Combinators.combine(agents, Arbitraries.of("e1", "e2", "e3", "e4", "e5", "e6"),
                Arbitraries.of(CallEventType.class), Arbitraries.of("c1", "c2", "c3"), Arbitraries.of(false, true),
                durations).as(Call::new);
        Arbitrary<Action> advance = Arbitraries.frequencyOf(
                Tuple.of(3, millis(0, 3 * HOUR)),
                Tuple.of(2, millis(0, 2_000)),
                Tuple.of(1, millis(0, 50 * HOUR))).map(Advance::new);
        Arbitrary<Action> toMidnight = Arbitraries.frequencyOf(
                Tuple.of(3, millis(-3_000, 3_000)),
                Tuple.of(1, millis(-HOUR, HOUR))).map(ToMidnight::new);
        Arbitrary<Action> fire = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)),
                        Tuple.of(2, millis(0, 600_000)))).as(FireTimer::new);
        Arbitrary<Action> repeat = Arbitraries.integers().between(0, 5).map(Repeat::new);
        return Arbitraries.frequencyOf(Tuple.of(5, setState), Tuple.of(6, call), Tuple.of(1, repeat),
                Tuple.of(6, advance), Tuple.of(1, toMidnight), Tuple.of(3, Arbitraries.just(new Tick())),
                Tuple.of(3, fire));
    }

    // ---- the checks ----

    private static void check(World w, Scenario s) {
        Instant end = w.clock.instant();
        List<DayTotal> rows = w.store.find(CC, LocalDate.MIN, LocalDate.MAX, null);
        Map<String, Long> expected = new TreeMap<>();
        long expiries = 0;
        for (AgentPresence agent : w.store.findByCallCenter(CC)) {
            List<Transition> history = w.store.history(CC, agent.agentId(), Instant.EPOCH,
                    Instant.parse("3000-01-01T00:00:00Z"));
            checkHistory(agent, history);
            Instant last = agent.inWrapUp() && agent.wrapUpUntil().isBefore(end) ? agent.wrapUpUntil() : end;
            for (int i = 0; i < history.size(); i++) {
                Transition t = history.get(i);
                Instant to = i + 1 < history.size() ? history.get(i + 1).at() : last;
                if (!t.toStateId().equals(LOGOUT)) {
                    addWallSeconds(expected, agent.agentId(), t.toStateId(), t.at(), to);
                }
                expiries += t.cause() == TransitionCause.WRAP_UP_EXPIRY ? 1 : 0;
            }
        }
        Statistics.label("tracking, DST change crossed").collect(s.tracking(),
                !ZONE.getRules().getOffset(s.start()).equals(ZONE.getRules().getOffset(end)));
        Statistics.label("local days").collect(Math.min(5, ChronoUnit.DAYS.between(
                LocalDate.ofInstant(s.start(), ZONE), LocalDate.ofInstant(end, ZONE)) + 1));
        Statistics.label("wrap-up expiries").collect(Math.min(3, expiries));
        Statistics.label("event id reused with another payload").collect(w.conflicts > 0);
        assertThat(rows).as("(d) no negative totals").allSatisfy(r -> assertThat(r.seconds()).isNotNegative());
        if (!s.tracking()) {
            assertThat(rows).as("time tracking disabled: no totals").isEmpty();
            return;
        }
        Map<String, Long> actual = new TreeMap<>();
        rows.forEach(r -> actual.merge(r.date() + "#" + r.agentId() + "#" + r.stateId(), r.seconds(), Long::sum));
        expected.values().removeIf(v -> v == 0);
        actual.values().removeIf(v -> v == 0);
        assertThat(perDay(actual)).as("(a) seconds per agent and local day").isEqualTo(perDay(expected));
        assertThat(actual).as("(b) seconds per agent, local day and state").isEqualTo(expected);
    }

    /** (c) the history is a gap-free chain of non-negative intervals ending in the stored state. */
    private static void checkHistory(AgentPresence agent, List<Transition> history) {
        assertThat(history).as("history of %s", agent.agentId()).isNotEmpty();
        for (int i = 0; i < history.size(); i++) {
            Transition t = history.get(i);
            Transition prev = i == 0 ? null : history.get(i - 1);
            assertThat(t.fromStateId()).as("fromStateId of entry %d of %s", i, agent.agentId())
                    .isEqualTo(prev == null ? null : prev.toStateId());
            if (prev != null) {
                assertThat(t.at()).as("at of entry %d of %s", i, agent.agentId()).isAfterOrEqualTo(prev.at());
                assertThat(t.version()).as("version of entry %d of %s", i, agent.agentId())
                        .isGreaterThan(prev.version());
            }
        }
        Transition last = history.get(history.size() - 1);
        assertThat(last.toStateId()).as("stored state of %s", agent.agentId()).isEqualTo(agent.state().id());
        assertThat(last.version()).as("stored version of %s", agent.agentId()).isLessThanOrEqualTo(agent.version());
    }

    /**
     * The oracle: [from, to) counts the whole epoch seconds [floor(from), floor(to)), each on the local day
     * (Europe/Berlin) it begins in, computed as the overlap with each local day.
     */
    static void addWallSeconds(Map<String, Long> into, String agentId, String stateId, Instant from, Instant to) {
        long a = Math.floorDiv(from.toEpochMilli(), 1000);
        long b = Math.floorDiv(to.toEpochMilli(), 1000);
        assertThat(b).as("interval end of %s in %s", agentId, stateId).isGreaterThanOrEqualTo(a);
        if (a == b) {
            return;
        }
        LocalDate lastDay = LocalDate.ofInstant(Instant.ofEpochSecond(b - 1), ZONE);
        for (LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(a), ZONE); !day.isAfter(lastDay);
             day = day.plusDays(1)) {
            long dayStart = day.atStartOfDay(ZONE).toEpochSecond();
            long dayEnd = day.plusDays(1).atStartOfDay(ZONE).toEpochSecond();
            long overlap = Math.min(b, dayEnd) - Math.max(a, dayStart);
            into.merge(day + "#" + agentId + "#" + stateId, overlap, Long::sum);
        }
    }

    private static Map<String, Long> perDay(Map<String, Long> perState) {
        Map<String, Long> result = new TreeMap<>();
        perState.forEach((k, v) -> result.merge(k.substring(0, k.lastIndexOf('#')), v, Long::sum));
        return result;
    }
}
