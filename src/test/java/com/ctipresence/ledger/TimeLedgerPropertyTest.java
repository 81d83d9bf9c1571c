package com.ctipresence.ledger;

import com.ctipresence.application.ConflictException;
import com.ctipresence.application.service.CallCenterService;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.application.service.TickService;
import com.ctipresence.application.Body;
import com.ctipresence.support.Services;
import com.ctipresence.support.StoredTotals;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day totals, built by the real services from random sequences of state changes, call events (with repeats),
 * clock jumps (across local midnight and DST), ticks and wrap-up timers (on time, late, stale, twice), always equal
 * the wall time the agent's history says it spent in each state on each local day.
 * <p>
 * Plain JUnit 5 over seeded random scenarios: {@value #SCENARIOS} scenarios from the fixed base seed
 * {@value #BASE_SEED} (override with {@code -Dseed=N}; {@code -Dscenarios=N} for more). Scenario {@code i} is
 * generated from its own seed, so a failure names the base seed and the scenario number, and
 * {@code -Dseed=S -Dscenario=I} runs exactly that scenario again.
 */
class TimeLedgerPropertyTest {
    static final int SCENARIOS = 300;
    static final long BASE_SEED = 20261118L;
    /** How often each interesting case came up (printed after the run, like a coverage report). */
    static final Map<String, AtomicLong> STATISTICS = new ConcurrentHashMap<>();
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

    @TestFactory
    Stream<DynamicTest> dayTotalsEqualTheWallTimeOfTheHistory() {
        long seed = Long.getLong("seed", BASE_SEED);
        int count = Integer.getInteger("scenarios", SCENARIOS);
        Integer only = Integer.getInteger("scenario");
        IntStream numbers = only != null ? IntStream.of(only) : IntStream.range(0, count);
        return numbers.mapToObj(i -> DynamicTest.dynamicTest("scenario " + i + " (seed " + seed + ")", () -> {
            Scenario scenario = Generator.scenario(new Random(scenarioSeed(seed, i)));
            try {
                run(scenario);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("scenario " + i + " of base seed " + seed + " failed (again: -Dseed=" + seed
                        + " -Dscenario=" + i + "): " + e.getMessage() + "\n" + scenario, e);
            }
        }));
    }

    /** Each scenario's own seed: independent of how many scenarios run before it. */
    static long scenarioSeed(long baseSeed, int scenario) {
        long z = baseSeed + 0x9E3779B97F4A7C15L * (scenario + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @AfterAll
    static void printStatistics() {
        System.out.println("TimeLedgerPropertyTest scenarios by case: " + new TreeMap<>(STATISTICS));
    }

    private static void count(String label) {
        STATISTICS.computeIfAbsent(label, k -> new AtomicLong()).incrementAndGet();
    }

    static void run(Scenario scenario) {
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

    // ---- generators (the same distributions as the former jqwik generators) ----

    static final class Generator {
        private Generator() {
        }

        static Scenario scenario(Random r) {
            Instant start = start(r);
            int wrapUpSeconds = 1 + r.nextInt(120);
            boolean activeCallChangesPresence = r.nextBoolean();
            boolean tracking = r.nextInt(10) < 9;
            int size = 1 + r.nextInt(60);
            List<Action> actions = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                actions.add(action(r));
            }
            return new Scenario(start, wrapUpSeconds, activeCallChangesPresence, tracking, List.copyOf(actions),
                    millis(r, 0, 120_000));
        }

        /** Anywhere in 2020-2030, or in the 12 hours before a Europe/Berlin DST change (at 01:00 UTC). */
        static Instant start(Random r) {
            return switch (weighted(r, 2, 1, 1)) {
                case 0 -> between(r, "2020-01-01T00:00:00Z", "2030-12-31T00:00:00Z");
                case 1 -> between(r, "2026-03-28T13:00:00Z", "2026-03-29T01:00:00Z");
                default -> between(r, "2026-10-24T13:00:00Z", "2026-10-25T01:00:00Z");
            };
        }

        static Action action(Random r) {
            return switch (weighted(r, 5, 6, 1, 6, 1, 3, 3)) {
                case 0 -> new SetState(pick(r, AGENTS), pick(r, STATE_IDS),
                        r.nextBoolean() ? TransitionCause.AGENT : TransitionCause.ADMIN);
                case 1 -> new Call(pick(r, AGENTS), pick(r, EVENT_IDS),
                        CallEventType.values()[r.nextInt(CallEventType.values().length)], pick(r, CALL_IDS),
                        r.nextBoolean(), weighted(r, 1, 4) == 0 ? 0 : r.nextInt(601));
                case 2 -> new Repeat(r.nextInt(6));
                case 3 -> new Advance(switch (weighted(r, 3, 2, 1)) {
                    case 0 -> millis(r, 0, 3 * HOUR);
                    case 1 -> millis(r, 0, 2_000);
                    default -> millis(r, 0, 50 * HOUR);
                });
                case 4 -> new ToMidnight(weighted(r, 3, 1) == 0 ? millis(r, -3_000, 3_000) : millis(r, -HOUR, HOUR));
                case 5 -> new Tick();
                default -> new FireTimer(r.nextInt(6), weighted(r, 1, 2) == 0 ? 0 : millis(r, 0, 600_000));
            };
        }

        static final List<String> AGENTS = List.of("a1", "a2", "a3");
        static final List<String> STATE_IDS = STATES.stream().map(StateDraft::id).toList();
        static final List<String> EVENT_IDS = List.of("e1", "e2", "e3", "e4", "e5", "e6");
        static final List<String> CALL_IDS = List.of("c1", "c2", "c3");

        static <T> T pick(Random r, List<T> values) {
            return values.get(r.nextInt(values.size()));
        }

        /** An index chosen with the given relative weights. */
        static int weighted(Random r, int... weights) {
            int total = IntStream.of(weights).sum();
            int x = r.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
            throw new IllegalStateException();
        }

        /** Uniform in [min, max]: long jumps matter here. */
        static long millis(Random r, long min, long max) {
            return min + (long) Math.floor(r.nextDouble() * (max - min + 1));
        }

        static Instant between(Random r, String from, String to) {
            return Instant.ofEpochMilli(millis(r, Instant.parse(from).toEpochMilli(), Instant.parse(to).toEpochMilli()));
        }
    }

    // ---- the checks ----

    private static void check(World w, Scenario s) {
        Instant end = w.clock.instant();
        List<DayTotal> rows = StoredTotals.of(w.store, w.store, CC, null, LocalDate.MIN, LocalDate.MAX);
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
                    addWallMillis(expected, agent.agentId(), t.toStateId(), t.at(), to);
                }
                expiries += t.cause() == TransitionCause.WRAP_UP_EXPIRY ? 1 : 0;
            }
        }
        count("tracking " + s.tracking());
        count("DST change crossed " + !ZONE.getRules().getOffset(s.start()).equals(ZONE.getRules().getOffset(end)));
        count("local days " + Math.min(5, ChronoUnit.DAYS.between(
                LocalDate.ofInstant(s.start(), ZONE), LocalDate.ofInstant(end, ZONE)) + 1));
        count("wrap-up expiries " + Math.min(3, expiries));
        count("event id reused with another payload " + (w.conflicts > 0));
        assertThat(rows).as("(d) no negative totals").allSatisfy(r -> assertThat(r.millis()).isNotNegative());
        if (!s.tracking()) {
            assertThat(rows).as("time tracking disabled: no totals").isEmpty();
            return;
        }
        Map<String, Long> actual = new TreeMap<>();
        rows.forEach(r -> actual.merge(r.date() + "#" + r.agentId() + "#" + r.stateId(), r.millis(), Long::sum));
        expected.values().removeIf(v -> v == 0);
        actual.values().removeIf(v -> v == 0);
        assertThat(perDay(actual)).as("(a) milliseconds per agent and local day").isEqualTo(perDay(expected));
        assertThat(actual).as("(b) milliseconds per agent, local day and state").isEqualTo(expected);
        checkReport(w, expected);
    }

    /**
     * (e) the report (whole seconds) of the whole period: each row within a second of its exact time, each
     * agent-day adding up to its wall time rounded to the second.
     */
    private static void checkReport(World w, Map<String, Long> expectedMillis) {
        var config = w.store.find(CC).orElseThrow();
        Map<String, Long> reported = new TreeMap<>();
        for (var r : w.services.views().report(config, LocalDate.MIN, LocalDate.MAX, null)) {
            String key = r.total().date() + "#" + r.total().agentId() + "#" + r.total().stateId();
            long exact = expectedMillis.getOrDefault(key, 0L);
            assertThat(r.total().millis()).as("(e) reported millis of %s", key).isEqualTo(exact);
            assertThat(Math.abs(r.seconds() * 1000 - exact)).as("(e) seconds of %s within a second", key)
                    .isLessThan(1000);
            reported.merge(key, r.seconds(), Long::sum);
        }
        Map<String, Long> wallPerDay = perDay(expectedMillis);
        Map<String, Long> secondsPerDay = perDay(reported);
        wallPerDay.forEach((day, millis) -> assertThat(secondsPerDay.getOrDefault(day, 0L))
                .as("(e) seconds of agent-day %s add up to its rounded wall time %d ms", day, millis)
                .isEqualTo((millis + 500) / 1000));
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
     * The oracle: [from, to) counts its milliseconds, each on the local day (Europe/Berlin) it falls in, computed as
     * the overlap with each local day.
     */
    static void addWallMillis(Map<String, Long> into, String agentId, String stateId, Instant from, Instant to) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        assertThat(b).as("interval end of %s in %s", agentId, stateId).isGreaterThanOrEqualTo(a);
        if (a == b) {
            return;
        }
        LocalDate lastDay = LocalDate.ofInstant(Instant.ofEpochMilli(b - 1), ZONE);
        for (LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(a), ZONE); !day.isAfter(lastDay);
             day = day.plusDays(1)) {
            long dayStart = day.atStartOfDay(ZONE).toInstant().toEpochMilli();
            long dayEnd = day.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli();
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
