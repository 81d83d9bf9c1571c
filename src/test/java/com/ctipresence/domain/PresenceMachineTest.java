package com.ctipresence.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.ctipresence.domain.ConfigDraftBuilder.CALL_CENTER_ID;
import static com.ctipresence.domain.ConfigDraftBuilder.rulesConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The presence rules of the manual. Every instant is fixed: the machine never reads a clock, it is handed "now".
 * The rules config ({@link ConfigDraftBuilder#rulesConfig()}) has wrap-up 30 s, active calls change presence, and
 * two states each of status 1 (ready, ready-outbound), 4 (dnd, training) and 6 (on-a-call, conference).
 */
class PresenceMachineTest {
    private static final String AGENT = "agent-7";
    private static final String SUPERVISOR = "supervisor-1";
    private static final String EVENT_ID = "evt-42";
    /** When the agent's current state began (and how far its time is booked, unless a test says otherwise). */
    private static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");
    private static final Instant NOW = T0.plusSeconds(300);
    private static final long VERSION = 5;

    private static final CallCenterConfig CONFIG = rulesConfig().validate();
    private static final CallCenterConfig CALLS_DO_NOT_CHANGE_PRESENCE =
            rulesConfig().activeCallChangesPresence(false).validate();
    private static final CallCenterConfig WRAP_UP_DISABLED = rulesConfig().callWrapUpSeconds(0).validate();

    @Nested
    class SetState {

        static Stream<String> statesOtherThanReady() {
            return CONFIG.states().stream().map(PresenceState::id).filter(id -> !id.equals("ready"));
        }

        @ParameterizedTest
        @MethodSource("statesOtherThanReady")
        void agentCanChooseAnyConfiguredState(String stateId) {
            AgentPresence current = agentIn("ready").build();

            Change change = setState(current, stateId);

            assertThat(change.before()).isSameAs(current);
            assertThat(change.after()).as("time booked: see CheckpointTest").usingRecursiveComparison()
                    .ignoringFields("running").isEqualTo(new AgentPresence(CALL_CENTER_ID, AGENT, state(stateId), NOW,
                    null, null, List.of(), List.of(), false, VERSION + 1, NOW));
            assertThat(onlyTransition(change)).isEqualTo(new Transition(NOW, "ready", stateId, TransitionCause.AGENT,
                    null, AGENT, VERSION + 1));
        }

        @Test
        void supervisorChangeCarriesCauseAdminAndTheSupervisorAsActor() {
            Change change = PresenceMachine.setState(CONFIG, agentIn("ready").build(), AGENT, "away",
                    TransitionCause.ADMIN, SUPERVISOR, NOW);

            assertThat(onlyTransition(change)).isEqualTo(new Transition(NOW, "ready", "away", TransitionCause.ADMIN,
                    null, SUPERVISOR, VERSION + 1));
        }

        @Test
        void unknownStateIsRejectedNamingFieldStateId() {
            AgentPresence current = agentIn("ready").build();

            assertThatThrownBy(() -> setState(current, "lunch"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .singleElement()
                            .satisfies(error -> {
                                assertThat(error.field()).isEqualTo("stateId");
                                assertThat(error.message()).contains("'lunch'");
                            }));
        }

        @Test
        void choosingTheCurrentStateOutsideWrapUpChangesNothing() {
            AgentPresence current = agentIn("away").build();

            assertNothingChanged(setState(current, "away"), current);
        }

        @Test
        void choosingAStateKeepsTheActiveCall() {
            AgentPresence current = agentIn("on-a-call").activeCall("call-1").build();

            Change change = setState(current, "away");

            assertThat(change.after().activeCallId()).isEqualTo("call-1");
        }

        @Test
        void choosingAnotherStateDuringWrapUpEndsTheWrapUp() {
            AgentPresence current = agentIn("dnd").wrapUp("w5", NOW.plusSeconds(10)).build();

            Change change = setState(current, "away");

            assertThat(change.after().state().id()).isEqualTo("away");
            assertThat(change.after().wrapUpId()).isNull();
            assertThat(change.after().wrapUpUntil()).isNull();
            assertThat(onlyTransition(change).fromStateId()).isEqualTo("dnd");
        }

        @Test
        void choosingTheSameDndStateDuringWrapUpEndsTheWrapUpSoItsExpiryDoesNothing() {
            AgentPresence current = agentIn("dnd").wrapUp("w5", NOW.plusSeconds(10)).build();

            Change change = setState(current, "dnd");

            assertThat(change.changed()).isTrue();
            assertThat(onlyTransition(change)).as("the state itself did not change").isNull();
            assertThat(change.after()).as("time booked: see CheckpointTest").usingRecursiveComparison()
                    .ignoringFields("running").isEqualTo(presence(CALL_CENTER_ID, AGENT, state("dnd"), T0,
                    null, null, null, VERSION + 1, T0));
            assertThat(change.startsWrapUp()).isFalse();

            AgentPresence afterChoice = change.after();
            assertNothingChanged(expire(afterChoice, "w5"), afterChoice);
        }
    }

    @Nested
    class AgentSeenForTheFirstTime {

        @Test
        void firstChoiceCreatesTheAgentAtVersion1WithoutFromState() {
            Change change = setState(null, "ready");

            assertThat(change.before()).isNull();
            assertThat(change.changed()).isTrue();
            assertThat(change.after()).as("time booked: see CheckpointTest").usingRecursiveComparison()
                    .ignoringFields("running").isEqualTo(presence(CALL_CENTER_ID, AGENT, state("ready"), NOW,
                    null, null, null, 1, NOW));
            assertThat(onlyTransition(change)).isEqualTo(new Transition(NOW, null, "ready", TransitionCause.AGENT,
                    null, AGENT, 1));
        }

        @Test
        void choosingTheInitialStateStillCreatesTheAgent() {
            assertThat(CONFIG.initialState().id()).isEqualTo("logout");

            Change change = setState(null, "logout");

            assertThat(change.after().version()).isEqualTo(1);
            assertThat(onlyTransition(change)).isEqualTo(new Transition(NOW, null, "logout", TransitionCause.AGENT,
                    null, AGENT, 1));
        }

        @Test
        void unknownStateIsRejectedForANewAgentToo() {
            assertThatThrownBy(() -> setState(null, "lunch"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("stateId"));
        }

        @Test
        void firstCallEventCreatesTheAgentAtVersion1() {
            Change change = onCallEvent(CONFIG, null, connected("call-1"));

            assertThat(change.before()).isNull();
            assertThat(change.after()).as("time booked: see CheckpointTest").usingRecursiveComparison()
                    .ignoringFields("running").isEqualTo(presence(CALL_CENTER_ID, AGENT, state("on-a-call"), NOW,
                    null, null, "call-1", 1, NOW));
            assertThat(onlyTransition(change)).isEqualTo(new Transition(NOW, null, "on-a-call",
                    TransitionCause.CALL_EVENT, EVENT_ID, null, 1));
        }

        @Test
        void firstCallEventThatChangesNoStateCreatesTheAgentInItsInitialState() {
            Change change = onCallEvent(CONFIG, null, dialing("call-1"));

            assertThat(change.after().state().id()).isEqualTo("logout");
            assertThat(change.after().version()).isEqualTo(1);
            assertThat(onlyTransition(change)).isEqualTo(new Transition(NOW, null, "logout",
                    TransitionCause.CALL_EVENT, EVENT_ID, null, 1));
        }
    }

    @Nested
    class Connected {

        @Test
        void withActiveCallChangesPresenceTheAgentGoesToTheFirstOnACallState() {
            AgentPresence current = agentIn("ready").build();

            Change change = onCallEvent(CONFIG, current, connected("call-1"));

            assertThat(change.after()).as("time booked: see CheckpointTest").usingRecursiveComparison()
                    .ignoringFields("running").isEqualTo(presence(CALL_CENTER_ID, AGENT, state("on-a-call"), NOW,
                    null, null, "call-1", VERSION + 1, NOW));
            assertThat(onlyTransition(change)).isEqualTo(new Transition(NOW, "ready", "on-a-call",
                    TransitionCause.CALL_EVENT, EVENT_ID, null, VERSION + 1));
        }

        @Test
        void withActiveCallChangesPresenceACallDuringWrapUpEndsTheWrapUp() {
            AgentPresence current = agentIn("dnd").wrapUp("w5", NOW.plusSeconds(10)).build();

            Change change = onCallEvent(CONFIG, current, connected("call-1"));

            assertThat(change.after().state().id()).isEqualTo("on-a-call");
            assertThat(change.after().wrapUpId()).isNull();
            assertThat(change.after().wrapUpUntil()).isNull();
        }

        @Test
        void withoutActiveCallChangesPresenceOnlyTheActiveCallIsNoted() {
            AgentPresence current = agentIn("ready").build();

            Change change = onCallEvent(CALLS_DO_NOT_CHANGE_PRESENCE, current, connected("call-1"));

            assertThat(change.changed()).isTrue();
            assertThat(onlyTransition(change)).isNull();
            assertThat(change.after()).as("time booked: see CheckpointTest").usingRecursiveComparison()
                    .ignoringFields("running").isEqualTo(presence(CALL_CENTER_ID, AGENT, state("ready"), T0,
                    null, null, "call-1", VERSION + 1, T0));
        }
    }

    @Nested
    class Ended {

        @Test
        void externalCallWithTalkTimeStartsWrapUpInTheFirstDndState() {
            AgentPresence current = agentIn("on-a-call").activeCall("call-1").build();

            Change change = onCallEvent(CONFIG, current, ended("call-1", 42));

            AgentPresence after = change.after();
            assertThat(after.state().id()).isEqualTo("dnd");
            assertThat(after.status()).isEqualTo(PresenceStatus.DND);
            assertThat(after.since()).isEqualTo(NOW);
            assertThat(after.wrapUpId()).isNotNull();
            assertThat(after.wrapUpUntil()).isEqualTo(NOW.plusSeconds(30));
            assertThat(after.activeCallId()).isNull();
            assertThat(after.version()).isEqualTo(VERSION + 1);
            assertThat(change.startsWrapUp()).isTrue();
            assertThat(onlyTransition(change)).isEqualTo(new Transition(NOW, "on-a-call", "dnd",
                    TransitionCause.CALL_EVENT, EVENT_ID, null, VERSION + 1));
        }

        @Test
        void wrapUpDoesNotDependOnActiveCallChangesPresence() {
            AgentPresence current = agentIn("ready").activeCall("call-1").build();

            Change change = onCallEvent(CALLS_DO_NOT_CHANGE_PRESENCE, current, ended("call-1", 42));

            assertThat(change.after().state().id()).isEqualTo("dnd");
            assertThat(change.after().wrapUpUntil()).isEqualTo(NOW.plusSeconds(30));
            assertThat(change.startsWrapUp()).isTrue();
        }

        @Test
        void endOfACallWhoseConnectWasNotSeenStillStartsWrapUp() {
            AgentPresence current = agentIn("ready").build();

            Change change = onCallEvent(CONFIG, current, ended("call-1", 42));

            assertThat(change.after().state().id()).isEqualTo("dnd");
            assertThat(change.startsWrapUp()).isTrue();
        }

        @Test
        void everyWrapUpGetsItsOwnId() {
            AgentPresence current = agentIn("dnd").wrapUp("w5", NOW.plusSeconds(10)).activeCall("call-2").build();

            Change change = onCallEvent(CALLS_DO_NOT_CHANGE_PRESENCE, current, ended("call-2", 42));

            assertThat(change.after().wrapUpId()).isNotNull().isNotEqualTo("w5");
            assertThat(change.after().wrapUpUntil()).isEqualTo(NOW.plusSeconds(30));
            assertThat(change.startsWrapUp()).isTrue();
            assertThat(onlyTransition(change)).as("still in the same DND state").isNull();
        }

        @Test
        void ringOnlyCallLeavesAStateChosenDuringTheCallAlone() {
            AgentPresence current = agentIn("busy").activeCall("call-1").build();

            Change change = onCallEvent(CONFIG, current, ended("call-1", 0));

            assertThat(change.after().state().id()).isEqualTo("busy");
            assertThat(change.after().activeCallIds()).isEmpty();
            assertNoWrapUp(change);
        }

        @Test
        void ringOnlyCallReturnsAnAgentOnACallToReady() {
            AgentPresence current = agentIn("conference").activeCall("call-1").build();

            Change change = onCallEvent(CALLS_DO_NOT_CHANGE_PRESENCE, current, ended("call-1", 0));

            assertThat(change.after().state().id()).isEqualTo("ready");
            assertNoWrapUp(change);
        }

        @Test
        void ringOnlyCallOtherwiseLeavesTheStateAloneAndOnlyForgetsTheCall() {
            AgentPresence current = agentIn("away").activeCall("call-1").build();

            Change change = onCallEvent(CALLS_DO_NOT_CHANGE_PRESENCE, current, ended("call-1", 0));

            assertThat(onlyTransition(change)).isNull();
            assertThat(change.after()).as("time booked: see CheckpointTest").usingRecursiveComparison()
                    .ignoringFields("running").isEqualTo(new AgentPresence(CALL_CENTER_ID, AGENT, state("away"), T0,
                    null, null, List.of(), List.of("call-1"), false, VERSION + 1, T0));
        }

        @Test
        void internalCallStartsNoWrapUpAndReturnsToReady() {
            AgentPresence current = agentIn("on-a-call").activeCall("call-1").build();

            Change change = onCallEvent(CONFIG, current, endedInternal("call-1", 42));

            assertThat(change.after().state().id()).isEqualTo("ready");
            assertNoWrapUp(change);
            assertThat(onlyTransition(change)).isEqualTo(new Transition(NOW, "on-a-call", "ready",
                    TransitionCause.CALL_EVENT, EVENT_ID, null, VERSION + 1));
        }

        @Test
        void withWrapUpDisabledTheAgentReturnsToReady() {
            AgentPresence current = agentIn("on-a-call").activeCall("call-1").build();

            Change change = onCallEvent(WRAP_UP_DISABLED, current, ended("call-1", 42));

            assertThat(change.after().state().id()).isEqualTo("ready");
            assertNoWrapUp(change);
        }

        @Test
        void endOfAnotherCallWhileACallIsActiveOnlyRemembersThatCallEnded() {
            AgentPresence current = agentIn("on-a-call").activeCall("call-2").build();

            Change change = onCallEvent(CONFIG, current, ended("call-1", 42));

            assertThat(change.transitions()).isEmpty();
            assertThat(change.after().state().id()).isEqualTo("on-a-call");
            assertThat(change.after().activeCallIds()).containsExactly("call-2");
            assertThat(change.after().endedCallIds()).containsExactly("call-1");
            assertNoWrapUp(change);
        }
    }

    @Nested
    class Dialing {

        @Test
        void dialingDuringWrapUpReturnsToReadyAtOnceAndEndsTheWrapUp() {
            AgentPresence current = agentIn("dnd").wrapUp("w5", NOW.plusSeconds(10)).build();

            Change change = onCallEvent(CONFIG, current, dialing("call-1"));

            assertThat(change.after()).as("time booked: see CheckpointTest").usingRecursiveComparison()
                    .ignoringFields("running").isEqualTo(presence(CALL_CENTER_ID, AGENT, state("ready"), NOW,
                    null, null, null, VERSION + 1, NOW));
            assertThat(onlyTransition(change)).isEqualTo(new Transition(NOW, "dnd", "ready",
                    TransitionCause.CALL_EVENT, EVENT_ID, null, VERSION + 1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"dnd", "training"})
        void dialingInAManuallyChosenDndStateReturnsToReady(String dndState) {
            AgentPresence current = agentIn(dndState).build();

            Change change = onCallEvent(CONFIG, current, dialing("call-1"));

            assertThat(change.after().state().id()).isEqualTo("ready");
            assertThat(onlyTransition(change).fromStateId()).isEqualTo(dndState);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ready", "ready-outbound", "away", "busy", "on-a-call", "offline", "logout"})
        void dialingOutsideDndChangesNothing(String stateId) {
            AgentPresence current = agentIn(stateId).build();

            assertNothingChanged(onCallEvent(CONFIG, current, dialing("call-1")), current);
        }
    }

    @Nested
    class ExpireWrapUp {

        @Test
        void expiryOfTheRunningWrapUpReturnsToReadyStampedAtWrapUpUntil() {
            Instant until = T0.plusSeconds(30);
            AgentPresence current = agentIn("dnd").wrapUp("w5", until).build();

            Change change = expire(current, "w5");

            assertThat(change.after()).as("time booked: see CheckpointTest").usingRecursiveComparison()
                    .ignoringFields("running").isEqualTo(presence(CALL_CENTER_ID, AGENT, state("ready"), until,
                    null, null, null, VERSION + 1, until));
            assertThat(onlyTransition(change)).isEqualTo(new Transition(until, "dnd", "ready",
                    TransitionCause.WRAP_UP_EXPIRY, null, null, VERSION + 1));
        }

        @Test
        void expiryAfterTheAgentChoseAStateDuringWrapUpChangesNothing() {
            AgentPresence wrapUp = endCallWithWrapUp();
            AgentPresence chosen = setState(wrapUp, "away").after();

            assertNothingChanged(expire(chosen, wrapUp.wrapUpId()), chosen);
        }

        @Test
        void expiryOfAnOlderWrapUpChangesNothingButTheNewerOneStillExpires() {
            AgentPresence current = agentIn("dnd").wrapUp("w5", NOW.plusSeconds(10)).activeCall("call-2").build();
            AgentPresence newer = onCallEvent(CALLS_DO_NOT_CHANGE_PRESENCE, current, ended("call-2", 42)).after();

            assertNothingChanged(expire(newer, "w5"), newer);
            assertThat(expire(newer, newer.wrapUpId()).after().state().id())
                    .isEqualTo("ready");
        }

        @Test
        void expiryWhenNoWrapUpIsRunningChangesNothing() {
            AgentPresence current = agentIn("dnd").build();

            assertNothingChanged(expire(current, "w5"), current);
        }

        private AgentPresence endCallWithWrapUp() {
            AgentPresence onCall = agentIn("on-a-call").activeCall("call-1").build();
            AgentPresence wrapUp = onCallEvent(CONFIG, onCall, ended("call-1", 42)).after();
            assertThat(wrapUp.inWrapUp()).isTrue();
            return wrapUp;
        }
    }

    /** The clock may step back (NTP, another instance): a change is never stamped before what is recorded. */
    @Nested
    class ClockSteppingBack {

        @Test
        void changeIsNotStampedBeforeTheCurrentStateBegan() {
            AgentPresence current = agentIn("ready").build();

            Change change = PresenceMachine.setState(CONFIG, current, AGENT, "away", TransitionCause.AGENT, AGENT,
                    T0.minusSeconds(5));

            assertThat(change.after().since()).isEqualTo(T0);
            assertThat(change.after().accountedUntil()).isEqualTo(T0);
            assertThat(onlyTransition(change).at()).isEqualTo(T0);
        }

        @Test
        void changeIsNotStampedBeforeTheTimeAlreadyBooked() {
            AgentPresence current = agentIn("ready").accountedUntil(T0.plusSeconds(60)).build();

            Change change = PresenceMachine.setState(CONFIG, current, AGENT, "away", TransitionCause.AGENT, AGENT,
                    T0.plusSeconds(30));

            assertThat(change.after().since()).isEqualTo(T0.plusSeconds(60));
            assertThat(onlyTransition(change).at()).isEqualTo(T0.plusSeconds(60));
        }

        @Test
        void wrapUpIsTimedFromTheMonotonicStart() {
            AgentPresence current = agentIn("on-a-call").activeCall("call-1")
                    .accountedUntil(T0.plusSeconds(60)).build();

            Change change = PresenceMachine.onCallEvent(CONFIG, current, AGENT, ended("call-1", 42),
                    T0.plusSeconds(30));

            assertThat(change.after().since()).isEqualTo(T0.plusSeconds(60));
            assertThat(change.after().wrapUpUntil()).isEqualTo(T0.plusSeconds(90));
        }

        @Test
        void expiryIsNotStampedBeforeTheTimeAlreadyBookedInDnd() {
            AgentPresence current = agentIn("dnd").wrapUp("w5", T0.plusSeconds(30))
                    .accountedUntil(T0.plusSeconds(60)).build();

            Change change = expire(current, "w5");

            assertThat(change.after().since()).isEqualTo(T0.plusSeconds(60));
            assertThat(onlyTransition(change).at()).isEqualTo(T0.plusSeconds(60));
        }
    }

    @Test
    void aCallDayRaisesTheVersionByExactlyOnePerChangeAndRecordsEveryTransition() {
        Instant start = T0;
        List<Change> changes = new ArrayList<>();
        changes.add(PresenceMachine.setState(CONFIG, null, AGENT, "ready", TransitionCause.AGENT, AGENT, start));
        changes.add(PresenceMachine.onCallEvent(CONFIG, last(changes), AGENT,
                event("evt-1", CallEventType.CONNECTED, "call-1", null), start.plusSeconds(10)));
        changes.add(PresenceMachine.onCallEvent(CONFIG, last(changes), AGENT,
                event("evt-2", CallEventType.ENDED, "call-1", 60), start.plusSeconds(70)));
        changes.add(expire(last(changes), last(changes).wrapUpId()));
        changes.add(PresenceMachine.setState(CONFIG, last(changes), AGENT, "away", TransitionCause.ADMIN,
                SUPERVISOR, start.plusSeconds(200)));

        assertThat(changes).extracting(c -> c.after().version()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(changes).allSatisfy(c -> {
            assertThat(onlyTransition(c).version()).isEqualTo(c.after().version());
            assertThat(onlyTransition(c).at()).isEqualTo(c.after().since());
        });
        assertThat(changes).extracting(PresenceMachineTest::onlyTransition).extracting(
                Transition::at, Transition::fromStateId, Transition::toStateId, Transition::cause,
                Transition::eventId, Transition::actorId).containsExactly(
                tuple(start, null, "ready", TransitionCause.AGENT, null, AGENT),
                tuple(start.plusSeconds(10), "ready", "on-a-call", TransitionCause.CALL_EVENT, "evt-1", null),
                tuple(start.plusSeconds(70), "on-a-call", "dnd", TransitionCause.CALL_EVENT, "evt-2", null),
                tuple(start.plusSeconds(100), "dnd", "ready", TransitionCause.WRAP_UP_EXPIRY, null, null),
                tuple(start.plusSeconds(200), "ready", "away", TransitionCause.ADMIN, null, SUPERVISOR));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static Change setState(AgentPresence current, String stateId) {
        return PresenceMachine.setState(CONFIG, current, AGENT, stateId, TransitionCause.AGENT, AGENT, NOW);
    }

    private static Change onCallEvent(CallCenterConfig config, AgentPresence current, CallEvent event) {
        return PresenceMachine.onCallEvent(config, current, AGENT, event, NOW);
    }

    private static void assertNothingChanged(Change change, AgentPresence current) {
        assertThat(change.changed()).isFalse();
        assertThat(change.after()).isSameAs(current);
        assertThat(onlyTransition(change)).isNull();
        assertThat(change.startsWrapUp()).isFalse();
    }

    private static void assertNoWrapUp(Change change) {
        assertThat(change.after().wrapUpId()).isNull();
        assertThat(change.after().wrapUpUntil()).isNull();
        assertThat(change.startsWrapUp()).isFalse();
    }

    private static AgentPresence last(List<Change> changes) {
        return changes.get(changes.size() - 1).after();
    }

    private static PresenceState state(String id) {
        return CONFIG.state(id).orElseThrow();
    }

    private static CallEvent event(String eventId, CallEventType type, String callId, Integer duration) {
        return CallEvent.validated(eventId, type, callId, false, duration);
    }

    private static CallEvent dialing(String callId) {
        return event(EVENT_ID, CallEventType.DIALING, callId, null);
    }

    private static CallEvent connected(String callId) {
        return event(EVENT_ID, CallEventType.CONNECTED, callId, null);
    }

    private static CallEvent ended(String callId, int durationSeconds) {
        return event(EVENT_ID, CallEventType.ENDED, callId, durationSeconds);
    }

    private static CallEvent endedInternal(String callId, int durationSeconds) {
        return CallEvent.validated(EVENT_ID, CallEventType.ENDED, callId, true, durationSeconds);
    }

    private static AgentBuilder agentIn(String stateId) {
        return new AgentBuilder(state(stateId));
    }

    /** A stored agent at version {@value #VERSION}, in its state since {@link #T0}, booked up to T0. */
    private static final class AgentBuilder {
        private final PresenceState state;
        private String wrapUpId;
        private Instant wrapUpUntil;
        private String activeCallId;
        private Instant accountedUntil = T0;

        private AgentBuilder(PresenceState state) {
            this.state = state;
        }

        AgentBuilder wrapUp(String id, Instant until) {
            wrapUpId = id;
            wrapUpUntil = until;
            return this;
        }

        AgentBuilder activeCall(String callId) {
            activeCallId = callId;
            return this;
        }

        AgentBuilder accountedUntil(Instant value) {
            accountedUntil = value;
            return this;
        }

        AgentPresence build() {
            return presence(CALL_CENTER_ID, AGENT, state, T0, wrapUpId, wrapUpUntil, activeCallId,
                    VERSION, accountedUntil);
        }
    }

    /** The presence as the v1 tests wrote it: automatic when On a call or in a wrap-up, no ended calls. */
    static AgentPresence presence(String cc, String agent, PresenceState state, Instant since, String wrapUpId,
                                  Instant wrapUpUntil, String activeCallId, long version, Instant accountedUntil) {
        return new AgentPresence(cc, agent, state, since, wrapUpId, wrapUpUntil,
                activeCallId == null ? List.of() : List.of(activeCallId), List.of(),
                state.status() == PresenceStatus.ON_A_CALL || wrapUpId != null, version, accountedUntil);
    }

    /** The wrap-up timer firing far in the future: always due. */
    private static Change expire(AgentPresence current, String wrapUpId) {
        return PresenceMachine.expireWrapUp(CONFIG, current, wrapUpId, Instant.parse("2100-01-01T00:00:00Z"))
                .change();
    }

    /** The one state change a command made, or null if it made none. */
    private static Transition onlyTransition(Change change) {
        assertThat(change.transitions()).hasSizeLessThanOrEqualTo(1);
        return change.transitions().isEmpty() ? null : change.transitions().get(0);
    }
}
