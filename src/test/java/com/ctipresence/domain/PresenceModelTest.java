package com.ctipresence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static com.ctipresence.domain.ConfigDraftBuilder.rulesConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Model-based test: seeded random sequences of picks, call events (duplicates, reordering, overlapping calls),
 * timer expiries (early, on time, late, stale), ticks and clock moves are applied both to {@link PresenceMachine}
 * and to {@link Reference}, a small model written here from the rules as the presence-rules issue states them.
 * After every step the state, the active calls and the wrap-up agree; at the end the milliseconds the machine
 * booked equal the tracked wall time the model measured, exactly, and the closed days plus the agent's running day
 * hold exactly what was booked. Seeds are fixed (base seed + sequence number; override
 * the base with -Dmodel.seed=N) and printed on failure.
 */
class PresenceModelTest {
    static final int SEQUENCES = Integer.getInteger("model.sequences", 2_000);
    static final int EVENTS = 50;
    static final long BASE_SEED = Long.getLong("model.seed", 20261124L);
    static final List<String> STATES = List.of("ready", "dnd", "away", "on-a-call", "ready-outbound", "training",
            "conference", "busy", "offline", "logout");

    @Test
    void machineAndReferenceModelAgreeOnEverySeededSequence() {
        int steps = 0;
        for (int n = 0; n < SEQUENCES; n++) {
            steps += runSequence(BASE_SEED + n);
        }
        System.out.printf("PresenceModelTest: %d sequences x %d events, %d steps checked (base seed %d)%n",
                SEQUENCES, EVENTS, steps, BASE_SEED);
        assertThat(steps).isGreaterThanOrEqualTo(SEQUENCES * EVENTS);
    }

    private int runSequence(long seed) {
        Random random = new Random(seed);
        int wrapUp = new int[]{0, 30, 999}[random.nextInt(3)];
        boolean callsChangePresence = random.nextBoolean();
        CallCenterConfig config = rulesConfig().callWrapUpSeconds(wrapUp).activeCallChangesPresence(callsChangePresence)
                .timeZone("Europe/Berlin").validate();
        // around local midnight and the end of summer time, to cross day boundaries
        Instant t = Instant.parse(random.nextBoolean() ? "2026-10-24T21:58:00Z" : "2026-11-18T22:59:30Z")
                .plusMillis(random.nextInt(120_000));
        AgentPresence agent = PresenceMachine.setState(config, null, "a1", "ready", TransitionCause.AGENT, "a1", t)
                .after();
        Reference ref = new Reference(config, t);
        long booked = 0;
        long closed = 0;
        List<String> log = new ArrayList<>();
        List<CallEvent> sent = new ArrayList<>();
        int eventNo = 0;
        for (int step = 0; step < EVENTS; step++) {
            t = t.plusMillis(advance(random, wrapUp));
            String what;
            Change change;
            int dice = random.nextInt(100);
            try {
                if (dice < 15) {
                    String state = STATES.get(random.nextInt(STATES.size()));
                    what = "pick " + state;
                    ref.pick(state, t);
                    change = PresenceMachine.setState(config, agent, "a1", state,
                            random.nextBoolean() ? TransitionCause.AGENT : TransitionCause.ADMIN, "x", t);
                } else if (dice < 70) {
                    CallEvent event;
                    if (!sent.isEmpty() && random.nextInt(8) == 0) {
                        event = sent.get(random.nextInt(sent.size())); // a duplicate, possibly late
                    } else {
                        event = randomEvent(random, ++eventNo);
                        sent.add(event);
                    }
                    what = event.toString();
                    boolean refused = ref.callEvent(event, t);
                    try {
                        change = PresenceMachine.onCallEvent(config, agent, "a1", event, t);
                        if (refused) {
                            fail("the model refused a ninth call, the machine took it");
                        }
                    } catch (RuleConflictException e) {
                        if (!refused) {
                            throw e;
                        }
                        change = Change.none(agent);
                    }
                } else if (dice < 85) {
                    boolean current = agent.inWrapUp() && random.nextInt(4) > 0;
                    String id = current ? agent.wrapUpId() : "stale-" + random.nextInt(20);
                    what = "expire " + id;
                    ref.expire(current, t);
                    change = PresenceMachine.expireWrapUp(config, agent, id, t).change();
                } else {
                    what = "tick";
                    ref.settle(t);
                    change = PresenceMachine.checkpoint(config, agent, t);
                }
            } catch (RuntimeException e) {
                throw new AssertionError(failure(seed, step, log, "threw " + e), e);
            }
            log.add(t + " " + what);
            booked += change.bookings().stream().mapToLong(DayTotal::millis).sum();
            closed += change.closed().stream().mapToLong(DayTotal::millis).sum();
            agent = change.after();
            check(seed, step, log, agent, ref);
        }
        t = t.plusMillis(random.nextInt(5_000));
        Change last = PresenceMachine.checkpoint(config, agent, t);
        ref.settle(t);
        booked += last.bookings().stream().mapToLong(DayTotal::millis).sum();
        closed += last.closed().stream().mapToLong(DayTotal::millis).sum();
        if (booked != ref.trackedMillis(t)) {
            fail(failure(seed, EVENTS, log, "booked " + booked + " ms, tracked wall time " + ref.trackedMillis(t)
                    + " ms"));
        }
        long running = last.after().running().rows().stream().mapToLong(DayTotal::millis).sum();
        if (closed + running != booked) {
            fail(failure(seed, EVENTS, log, "closed days " + closed + " ms + running day " + running
                    + " ms != booked " + booked + " ms"));
        }
        return EVENTS;
    }

    private static long advance(Random random, int wrapUp) {
        int dice = random.nextInt(20);
        if (dice == 0) {
            return 3_600_000L + random.nextInt(1_000);
        }
        if (dice < 4 && wrapUp > 0) {
            return wrapUp * 1000L + random.nextInt(2_001) - 1_000; // around the end of a wrap-up
        }
        return random.nextInt(3_000);
    }

    private static CallEvent randomEvent(Random random, int n) {
        String callId = "c" + random.nextInt(10);
        return switch (random.nextInt(4)) {
            case 0 -> new CallEvent("e" + n, CallEventType.DIALING, callId, false, null);
            case 1 -> new CallEvent("e" + n, CallEventType.CONNECTED, callId, random.nextInt(4) == 0, null);
            default -> new CallEvent("e" + n, CallEventType.ENDED, callId, random.nextInt(4) == 0,
                    random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(600));
        };
    }

    private static void check(long seed, int step, List<String> log, AgentPresence agent, Reference ref) {
        String problem = null;
        if (!agent.state().id().equals(ref.state)) {
            problem = "state " + agent.state().id() + " vs model " + ref.state;
        } else if (!agent.activeCallIds().equals(new ArrayList<>(ref.active))) {
            problem = "active calls " + agent.activeCallIds() + " vs model " + ref.active;
        } else if (agent.inWrapUp() != (ref.wrapUpUntil != null)
                || agent.inWrapUp() && !agent.wrapUpUntil().equals(ref.wrapUpUntil)) {
            problem = "wrap-up until " + agent.wrapUpUntil() + " vs model " + ref.wrapUpUntil;
        } else if (!agent.since().equals(ref.since)) {
            problem = "since " + agent.since() + " vs model " + ref.since;
        }
        if (problem != null) {
            fail(failure(seed, step, log, problem));
        }
    }

    private static String failure(long seed, int step, List<String> log, String problem) {
        return "seed " + seed + " (rerun with -Dmodel.seed=" + seed + " -Dmodel.sequences=1), step " + step + ": "
                + problem + "\n  " + String.join("\n  ", log.subList(Math.max(0, log.size() - 12), log.size()));
    }

    /** The rules, written again from the decisions, independently of the machine. */
    static final class Reference {
        final CallCenterConfig config;
        String state = "ready";
        Instant since;
        boolean chosen = true;
        Instant wrapUpUntil;
        final Set<String> active = new LinkedHashSet<>();
        final Deque<String> ended = new ArrayDeque<>();
        long tracked;

        Reference(CallCenterConfig config, Instant start) {
            this.config = config;
            this.since = start;
        }

        void pick(String id, Instant t) {
            settle(t);
            if (id.equals(state) && wrapUpUntil == null) {
                return;
            }
            move(id, t);
            chosen = true;
            endWrapUp();
        }

        /** True if the model refuses the event (a ninth call). */
        boolean callEvent(CallEvent e, Instant t) {
            settle(t);
            String c = e.callId();
            switch (e.type()) {
                case DIALING -> {
                    if (status(state) == 4) {
                        move("ready", t);
                        chosen = false;
                        endWrapUp();
                    }
                }
                case CONNECTED -> {
                    if (ended.contains(c) || active.contains(c)) {
                        return false;
                    }
                    if (active.size() == 8) {
                        return true;
                    }
                    active.add(c);
                    if (config.activeCallChangesPresence()) {
                        move("on-a-call", t);
                        chosen = false;
                        endWrapUp();
                    }
                }
                case ENDED -> {
                    if (ended.contains(c)) {
                        return false;
                    }
                    boolean wasOn = active.remove(c);
                    ended.addLast(c);
                    if (ended.size() > 16) {
                        ended.removeFirst();
                    }
                    boolean automatic = !chosen && (status(state) == 6 || wrapUpUntil != null);
                    if (!active.isEmpty() || !wasOn && e.durationSeconds() == 0
                            || !(status(state) == 1 || automatic)) {
                        return false;
                    }
                    if (e.durationSeconds() > 0 && !e.internal() && config.callWrapUpSeconds() > 0) {
                        move("dnd", t);
                        chosen = false;
                        wrapUpUntil = t.plusSeconds(config.callWrapUpSeconds());
                    } else if (status(state) == 6) {
                        move("ready", t);
                        chosen = false;
                        endWrapUp();
                    }
                }
                default -> throw new IllegalStateException();
            }
            return false;
        }

        /** The current wrap-up's timer fires at t (a stale timer changes nothing). */
        void expire(boolean current, Instant t) {
            if (current) {
                settle(t);
            }
        }

        /** An overdue wrap-up ends at its own instant. */
        void settle(Instant t) {
            if (wrapUpUntil != null && !t.isBefore(wrapUpUntil)) {
                Instant at = wrapUpUntil;
                move("ready", at);
                chosen = false;
                endWrapUp();
            }
        }

        private void endWrapUp() {
            wrapUpUntil = null;
        }

        private void move(String to, Instant at) {
            if (to.equals(state)) {
                return;
            }
            tracked += millis(state, since, at);
            state = to;
            since = at;
        }

        long trackedMillis(Instant end) {
            return tracked + millis(state, since, end);
        }

        private long millis(String s, Instant from, Instant to) {
            return status(s) == 7 ? 0 : to.toEpochMilli() - from.toEpochMilli();
        }

        private int status(String id) {
            return config.state(id).orElseThrow().status().code();
        }
    }
}
