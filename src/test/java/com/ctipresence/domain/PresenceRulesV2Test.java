package com.ctipresence.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.ctipresence.domain.ConfigDraftBuilder.rulesConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The presence rules v2 (decisions of the presence-rules issue), one named case each, applied as a softphone
 * would send them: a sequence of commands on one agent from a fresh Ready, at fixed instants.
 */
class PresenceRulesV2Test {
    private static final CallCenterConfig CONFIG = rulesConfig().validate();
    private static final CallCenterConfig LONG_WRAP_UP = rulesConfig().callWrapUpSeconds(999).validate();
    private static final CallCenterConfig CALLS_KEEP_STATE = rulesConfig().activeCallChangesPresence(false)
            .validate();
    private static final Instant T0 = Instant.parse("2026-11-18T11:00:00Z");

    /** One agent driven through commands; each step moves the clock by a second unless told otherwise. */
    private static final class Agent {
        private final CallCenterConfig config;
        private AgentPresence now;
        private Instant at = T0;
        private int events;

        Agent(CallCenterConfig config, String initialState) {
            this.config = config;
            now = PresenceMachine.setState(config, null, "a1", initialState, TransitionCause.AGENT, "a1", at)
                    .after();
        }

        Agent pick(String stateId) {
            return apply(PresenceMachine.setState(config, now, "a1", stateId, TransitionCause.AGENT, "a1", tick()));
        }

        Agent supervisorPicks(String stateId) {
            return apply(PresenceMachine.setState(config, now, "a1", stateId, TransitionCause.ADMIN, "sup",
                    tick()));
        }

        Agent connected(String callId) {
            return event(CallEventType.CONNECTED, callId, false, null);
        }

        Agent dialing(String callId) {
            return event(CallEventType.DIALING, callId, false, null);
        }

        Agent ended(String callId, int seconds) {
            return event(CallEventType.ENDED, callId, false, seconds);
        }

        Agent endedInternal(String callId, int seconds) {
            return event(CallEventType.ENDED, callId, true, seconds);
        }

        Agent event(CallEventType type, String callId, boolean internal, Integer seconds) {
            return apply(PresenceMachine.onCallEvent(config, now, "a1",
                    new CallEvent("e" + (++events), type, callId, internal, seconds), tick()));
        }

        Agent apply(Change change) {
            now = change.after();
            return this;
        }

        Instant tick() {
            at = at.plusSeconds(1);
            return at;
        }

        String state() {
            return now.state().id();
        }
    }

    @Nested
    class AutomaticTransitionsNeverOverrideAChoice {
        @Test
        void aChoiceMadeDuringACallStandsWhenTheCallEnds() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").pick("away").ended("c1", 60);
            assertThat(a.state()).isEqualTo("away");
            assertThat(a.now.inWrapUp()).isFalse();
            assertThat(a.now.activeCallIds()).isEmpty();
        }

        @Test
        void aSupervisorsChoiceDuringACallStandsWhenTheCallEnds() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").supervisorPicks("busy").ended("c1", 60);
            assertThat(a.state()).isEqualTo("busy");
        }

        @Test
        void readyChosenDuringACallStillGetsTheWrapUp() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").pick("ready").ended("c1", 60);
            assertThat(a.state()).isEqualTo("dnd");
            assertThat(a.now.inWrapUp()).isTrue();
        }

        @Test
        void withoutActiveCallChangesPresenceAChosenDndIsNotTurnedIntoAWrapUp() {
            Agent a = new Agent(CALLS_KEEP_STATE, "training").connected("c1").ended("c1", 60);
            assertThat(a.state()).isEqualTo("training");
            assertThat(a.now.inWrapUp()).isFalse();
        }

        @Test
        void dialingOutOfAChosenDndSetsReadyTheManualsException() {
            Agent a = new Agent(CONFIG, "dnd").dialing("c1");
            assertThat(a.state()).isEqualTo("ready");
        }

        @Test
        void dialingOutOfTheWrapUpSetsReady() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").ended("c1", 60).dialing("c2");
            assertThat(a.state()).isEqualTo("ready");
            assertThat(a.now.inWrapUp()).isFalse();
        }
    }

    @Nested
    class RingOnly {
        @Test
        void ringOnlyFromAwayChangesNothing() {
            Agent a = new Agent(CONFIG, "away").ended("c1", 0);
            assertThat(a.state()).isEqualTo("away");
            assertThat(a.now.endedCallIds()).containsExactly("c1");
        }

        @Test
        void ringOnlyFromAManualDndChangesNothing() {
            Agent a = new Agent(CONFIG, "dnd").ended("c1", 0);
            assertThat(a.state()).isEqualTo("dnd");
        }

        @Test
        void ringOnlyFromLogoutChangesNothing() {
            Agent a = new Agent(CONFIG, "logout").ended("c1", 0);
            assertThat(a.state()).isEqualTo("logout");
        }

        @Test
        void ringOnlyOfTheCallThatPutTheAgentOnACallReturnsToReadyWithoutWrapUp() {
            Agent a = new Agent(CONFIG, "away").connected("c1").ended("c1", 0);
            assertThat(a.state()).isEqualTo("ready");
            assertThat(a.now.inWrapUp()).isFalse();
        }

        @Test
        void ringOnlyOfAnotherCallWhileOnACallChangesNothing() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").ended("c2", 0);
            assertThat(a.state()).isEqualTo("on-a-call");
            assertThat(a.now.activeCallIds()).containsExactly("c1");
        }

        @Test
        void internalEndOfAnUnknownCallFromAwayChangesNothing() {
            Agent a = new Agent(CONFIG, "away").endedInternal("c9", 42);
            assertThat(a.state()).isEqualTo("away");
        }
    }

    @Nested
    class OverlappingCalls {
        @Test
        void consultCallEndingFirstKeepsTheAgentOnTheFirstCallThenOneWrapUp() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").connected("c2").ended("c2", 20);
            assertThat(a.state()).isEqualTo("on-a-call");
            assertThat(a.now.activeCallIds()).containsExactly("c1");
            assertThat(a.now.inWrapUp()).isFalse();
            a.ended("c1", 90);
            assertThat(a.state()).isEqualTo("dnd");
            assertThat(a.now.wrapUpUntil()).isEqualTo(a.at.plusSeconds(30));
        }

        @Test
        void firstCallEndingFirstKeepsTheAgentOnTheConsultCallThenOneWrapUp() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").connected("c2").ended("c1", 90);
            assertThat(a.state()).isEqualTo("on-a-call");
            assertThat(a.now.activeCallIds()).containsExactly("c2");
            long version = a.now.version();
            a.ended("c2", 20);
            assertThat(a.state()).isEqualTo("dnd");
            assertThat(a.now.wrapUpId()).as("one wrap-up, started by the last end").isEqualTo("w" + (version + 1));
            assertThat(a.now.wrapUpUntil()).isEqualTo(a.at.plusSeconds(30));
        }

        @Test
        void theLastCallDecidesTheWrapUpAnInternalLastCallGivesNone() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").connected("c2").ended("c1", 90)
                    .endedInternal("c2", 20);
            assertThat(a.state()).isEqualTo("ready");
            assertThat(a.now.inWrapUp()).isFalse();
        }

        @Test
        void aNinthConcurrentCallIsRefusedNamingTheLimit() {
            Agent a = new Agent(CONFIG, "ready");
            for (int i = 1; i <= 8; i++) {
                a.connected("c" + i);
            }
            assertThatThrownBy(() -> a.connected("c9")).isInstanceOf(RuleConflictException.class)
                    .hasMessageContaining("at most 8 active calls");
            assertThat(a.now.activeCallIds()).hasSize(8);
        }

        @Test
        void connectedTwiceForTheSameCallCountsItOnce() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").connected("c1").ended("c1", 10);
            assertThat(a.state()).isEqualTo("dnd");
            assertThat(a.now.activeCallIds()).isEmpty();
        }
    }

    @Nested
    class OutOfOrder {
        @Test
        void endedThenLateConnectedLeavesTheAgentOffTheCall() {
            Agent a = new Agent(CONFIG, "ready").ended("c5", 40);
            assertThat(a.state()).as("a missed CONNECTED: a real answered call").isEqualTo("dnd");
            a.connected("c5");
            assertThat(a.state()).isEqualTo("dnd");
            assertThat(a.now.activeCallIds()).isEmpty();
        }

        @Test
        void aRepeatedEndOfTheSameCallStartsNoSecondWrapUp() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").ended("c1", 40);
            String wrapUp = a.now.wrapUpId();
            a.ended("c1", 40);
            assertThat(a.now.wrapUpId()).isEqualTo(wrapUp);
        }

        @Test
        void endedWithDurationForACallNeverSeenConnectedAppliesTheAfterCallRules() {
            Agent a = new Agent(CONFIG, "ready").ended("c7", 30);
            assertThat(a.state()).isEqualTo("dnd");
            assertThat(a.now.inWrapUp()).isTrue();
        }

        @Test
        void endedCallIdsAreBounded() {
            Agent a = new Agent(CONFIG, "away");
            for (int i = 0; i < 40; i++) {
                a.ended("c" + i, 0);
            }
            assertThat(a.now.endedCallIds()).hasSize(AgentPresence.MAX_ENDED_CALLS).last().isEqualTo("c39");
        }
    }

    @Nested
    class TimersAreToldTheTime {
        @Test
        void earlyExpiryAt900SecondsOfA999SecondWrapUpChangesNothingAndSays99SecondsRemain() {
            Agent a = new Agent(LONG_WRAP_UP, "ready").connected("c1").ended("c1", 60);
            Instant started = a.at;
            Expiry early = PresenceMachine.expireWrapUp(LONG_WRAP_UP, a.now, a.now.wrapUpId(),
                    started.plusSeconds(900));
            assertThat(early.due()).isFalse();
            assertThat(early.change().changed()).isFalse();
            assertThat(early.notYetFor()).isEqualTo(Duration.ofSeconds(99));

            Expiry onTime = PresenceMachine.expireWrapUp(LONG_WRAP_UP, a.now, a.now.wrapUpId(),
                    started.plusSeconds(999));
            assertThat(onTime.due()).isTrue();
            assertThat(onTime.change().after().state().id()).isEqualTo("ready");
            assertThat(onTime.change().after().since()).isEqualTo(started.plusSeconds(999));
        }

        @Test
        void lateExpiryIsStampedAtWrapUpUntil() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").ended("c1", 60);
            Instant until = a.now.wrapUpUntil();
            Expiry late = PresenceMachine.expireWrapUp(CONFIG, a.now, a.now.wrapUpId(), until.plusSeconds(500));
            assertThat(late.change().after().since()).isEqualTo(until);
        }

        @Test
        void anExpiryOfAWrapUpThatIsNoLongerCurrentChangesNothing() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").ended("c1", 60);
            String old = a.now.wrapUpId();
            a.pick("away");
            Expiry stale = PresenceMachine.expireWrapUp(CONFIG, a.now, old, a.at.plusSeconds(100));
            assertThat(stale.change().changed()).isFalse();
            assertThat(stale.due()).isTrue();
        }
    }

    @Nested
    class ReadsAreAsExactAsWrites {
        @Test
        void aProjectionAfterWrapUpUntilShowsReadySinceWrapUpUntilWithoutWriting() {
            Agent a = new Agent(CONFIG, "ready").connected("c1").ended("c1", 60);
            Instant until = a.now.wrapUpUntil();
            Change projected = PresenceMachine.project(CONFIG, a.now, until.plusSeconds(7));
            assertThat(projected.after().state().id()).isEqualTo("ready");
            assertThat(projected.after().since()).isEqualTo(until);
            assertThat(projected.bookings()).extracting(DayTotal::stateId, DayTotal::millis)
                    .contains(org.assertj.core.groups.Tuple.tuple("dnd", 30_000L),
                            org.assertj.core.groups.Tuple.tuple("ready", 7_000L));
        }
    }

    @Nested
    class LongSilence {
        @Test
        void anAgentLastAccounted120DaysAgoIsBookedInCommitsOfAtMost60DaysOldestFirst() {
            Agent a = new Agent(CONFIG, "away");
            Instant now = T0.plus(Duration.ofDays(120));
            assertThat(PresenceMachine.needsCatchUp(CONFIG, a.now, now)).isTrue();
            AgentPresence current = a.now;
            long booked = 0;
            long closed = 0;
            int commits = 0;
            LocalDateCheck previousLast = null;
            while (PresenceMachine.needsCatchUp(CONFIG, current, now)) {
                Change c = PresenceMachine.checkpoint(CONFIG, current, now);
                assertThat(c.bookings().size()).isLessThanOrEqualTo(PresenceMachine.MAX_DAYS_PER_COMMIT + 1);
                LocalDateCheck first = new LocalDateCheck(c.bookings().get(0).date());
                if (previousLast != null) {
                    assertThat(first.date()).isAfterOrEqualTo(previousLast.date());
                }
                previousLast = new LocalDateCheck(c.bookings().get(c.bookings().size() - 1).date());
                booked += c.bookings().stream().mapToLong(DayTotal::millis).sum();
                closed += c.closed().stream().mapToLong(DayTotal::millis).sum();
                assertThat(c.closed().size()).as("a commit's items fit a transaction").isLessThan(99);
                current = c.after();
                commits++;
            }
            assertThat(commits).isEqualTo(2);
            Change pick = PresenceMachine.setState(CONFIG, current, "a1", "ready", TransitionCause.AGENT, "a1", now);
            assertThat(pick.after().state().id()).isEqualTo("ready");
            assertThat(pick.bookings().size()).as("the command books the rest in one commit").isLessThanOrEqualTo(2);
            booked += pick.bookings().stream().mapToLong(DayTotal::millis).sum();
            closed += pick.closed().stream().mapToLong(DayTotal::millis).sum();
            assertThat(booked).isEqualTo(Duration.between(a.now.accountedUntil(), now).toMillis());
            long running = pick.after().running().rows().stream().mapToLong(DayTotal::millis).sum();
            long before = a.now.running().rows().stream().mapToLong(DayTotal::millis).sum();
            assertThat(closed + running).as("closed days + running day = everything booked")
                    .isEqualTo(before + booked);
        }

        private record LocalDateCheck(java.time.LocalDate date) {
        }
    }

    @Test
    void aFirstEventThatOnlyBooksACallCreatesTheAgentWithACausedTransition() {
        for (CallEvent first : List.of(new CallEvent("e1", CallEventType.ENDED, "c1", false, 0),
                new CallEvent("e1", CallEventType.DIALING, "c1", false, null),
                new CallEvent("e1", CallEventType.ENDED, "c1", true, 30))) {
            Change change = PresenceMachine.onCallEvent(CALLS_KEEP_STATE, null, "a1", first, T0);
            assertThat(change.transitions()).singleElement().satisfies(t -> {
                assertThat(t.cause()).isEqualTo(TransitionCause.CALL_EVENT);
                assertThat(t.eventId()).isEqualTo("e1");
                assertThat(t.version()).isEqualTo(1);
            });
        }
    }

    @Test
    void valueRecordsValidateInTheirConstructors() {
        assertThatThrownBy(() -> new CallEvent("bad id!", CallEventType.ENDED, null, false, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("eventId", "callId",
                                "durationSeconds"));
        assertThatThrownBy(() -> new AgentPresence("cc", "a", CONFIG.readyState(), T0, "w1", null, List.of(),
                List.of(), false, 1, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
