package com.ctipresence.domain;

import com.ctipresence.domain.CallCenterConfigDraft.StateDraft;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import static com.ctipresence.domain.ConfigDraftBuilder.CALL_CENTER_ID;
import static com.ctipresence.domain.ConfigDraftBuilder.draft;
import static com.ctipresence.domain.ConfigDraftBuilder.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

class CallCenterConfigDraftTest {

    private static final StateDraft READY = state("ready", "Ready for Calls", null, 1);
    private static final StateDraft DND = state("dnd", "Do Not Disturb", null, 4);
    private static final StateDraft ON_A_CALL = state("on-a-call", "On a call", null, 6);

    @Nested
    class Defaults {

        @Test
        void everyMissingFieldGetsItsDefault() {
            CallCenterConfig config = draft().states(READY).validate();

            assertThat(config).isEqualTo(new CallCenterConfig(CALL_CENTER_ID, CALL_CENTER_ID, ZoneId.of("UTC"),
                    true, PbxMode.NOT_SENT, 0, true, 60, false, false,
                    List.of(new PresenceState("ready", "Ready for Calls", null, PresenceStatus.ONLINE))));
            assertThat(config.wrapUpEnabled()).isFalse();
        }

        @Test
        void givenValuesAreKeptNotReplacedByDefaults() {
            CallCenterConfig config = draft()
                    .name("  Berlin Support  ")
                    .timeZone("Europe/Berlin")
                    .presenceEnabled(false)
                    .pbxMode(PbxMode.DIAL_COMMAND)
                    .callWrapUpSeconds(999)
                    .timeTrackingEnabled(false)
                    .timeTrackingUpdateSeconds(1)
                    .omniChannelEnabled(true)
                    .activeCallChangesPresence(true)
                    .states(state("ready", "  Ready for Calls ", "*60", 1), DND, ON_A_CALL)
                    .validate();

            assertThat(config).isEqualTo(new CallCenterConfig(CALL_CENTER_ID, "Berlin Support",
                    ZoneId.of("Europe/Berlin"), false, PbxMode.DIAL_COMMAND, 999, false, 1, true, true, List.of(
                    new PresenceState("ready", "Ready for Calls", "*60", PresenceStatus.ONLINE),
                    new PresenceState("dnd", "Do Not Disturb", null, PresenceStatus.DND),
                    new PresenceState("on-a-call", "On a call", null, PresenceStatus.ON_A_CALL))));
        }

        @ParameterizedTest
        @CsvSource({"1, ONLINE", "2, OFFLINE", "3, AWAY", "4, DND", "5, BUSY", "6, ON_A_CALL", "7, LOGOUT"})
        void presenceStatusCodeMapsToTheManualsStatus(int code, PresenceStatus status) {
            CallCenterConfig config = draft().states(READY, state("other", code)).validate();

            assertThat(config.state("other")).map(PresenceState::status).contains(status);
        }
    }

    @Nested
    class CallCenterLevelRules {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"has space", "a/b", "caf\u00e9", "cc-1\n"})
        void badCallCenterIdIsRejected(String callCenterId) {
            assertThat(fieldsOf(draft().build(), callCenterId)).containsExactly("callCenterId");
        }

        @ParameterizedTest
        @ValueSource(strings = {"c", "cc-1", "A.b_c:d@e-f"})
        void validCallCenterIdIsAccepted(String callCenterId) {
            assertThatCode(() -> draft().build().validate(callCenterId)).doesNotThrowAnyException();
        }

        @Test
        void callCenterIdIsAtMost128Characters() {
            assertThatCode(() -> draft().build().validate("x".repeat(128))).doesNotThrowAnyException();
            assertThat(fieldsOf(draft().build(), "x".repeat(129))).containsExactly("callCenterId");
        }

        @Test
        void blankNameIsRejected() {
            assertRejected(draft().name("   "), "name");
        }

        @Test
        void nameOfMoreThan200CharactersIsRejected() {
            assertRejected(draft().name("n".repeat(201)), "name");
            assertThatCode(() -> draft().name("n".repeat(200)).validate()).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "Mars/Olympus_Mons", "+01:00", "CET-1", "europe/berlin"})
        void timeZoneMustBeAnIanaZone(String zone) {
            assertRejected(draft().timeZone(zone), "timeZone");
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 1000})
        void callWrapUpSecondsOutside0To999IsRejected(int seconds) {
            assertRejected(draft().callWrapUpSeconds(seconds).states(READY, DND), "callWrapUpSeconds");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 999})
        void callWrapUpSecondsFrom0To999IsAccepted(int seconds) {
            assertThat(draft().callWrapUpSeconds(seconds).states(READY, DND).validate().callWrapUpSeconds())
                    .isEqualTo(seconds);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 0, 1000})
        void timeTrackingUpdateSecondsOutside1To999IsRejected(int seconds) {
            assertRejected(draft().timeTrackingUpdateSeconds(seconds), "timeTrackingUpdateSeconds");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 999})
        void timeTrackingUpdateSecondsFrom1To999IsAccepted(int seconds) {
            assertThat(draft().timeTrackingUpdateSeconds(seconds).validate().timeTrackingUpdateSeconds())
                    .isEqualTo(seconds);
        }

        @Test
        void everyOffendingFieldIsReportedAtOnce() {
            ConfigDraftBuilder draft = draft()
                    .name(" ")
                    .timeZone("Nowhere/Special")
                    .callWrapUpSeconds(1000)
                    .timeTrackingUpdateSeconds(0)
                    .states(READY, DND, state("odd", 9), state("", "No id", null, 3));

            assertThat(fieldsOf(draft.build(), "bad id")).containsExactlyInAnyOrder("callCenterId", "name",
                    "timeZone", "callWrapUpSeconds", "timeTrackingUpdateSeconds", "states[2].presenceStatus",
                    "states[3].id");
        }
    }

    @Nested
    class StateListRules {

        @ParameterizedTest
        @NullAndEmptySource
        void atLeastOneStateIsRequired(List<StateDraft> states) {
            assertRejected(draft().states(states), "states");
        }

        @Test
        void atMost50StatesAreAllowed() {
            assertRejected(draft().states(numberedStates(51)), "states");
            assertThat(draft().states(numberedStates(50)).validate().states()).hasSize(50);
        }

        @Test
        void missingStateEntryIsReportedByIndex() {
            assertRejected(draft().states(READY, null), "states[1]");
        }

        @Test
        void readyStateIsRequired() {
            List<FieldError> errors = errorsOf(draft().states(state("away", 3)));

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("states");
                assertThat(e.message()).contains("presenceStatus 1");
            });
        }

        @Test
        void dndStateIsRequiredOnlyWhenWrapUpIsEnabled() {
            List<FieldError> errors = errorsOf(draft().callWrapUpSeconds(30).states(READY));

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("states");
                assertThat(e.message()).contains("presenceStatus 4");
            });
            assertThatCode(() -> draft().callWrapUpSeconds(0).states(READY).validate()).doesNotThrowAnyException();
        }

        @Test
        void onACallStateIsRequiredOnlyWhenActiveCallChangesPresence() {
            List<FieldError> errors = errorsOf(draft().activeCallChangesPresence(true).states(READY));

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("states");
                assertThat(e.message()).contains("presenceStatus 6");
            });
            assertThatCode(() -> draft().activeCallChangesPresence(false).states(READY).validate())
                    .doesNotThrowAnyException();
        }

        @Test
        void everyMissingStatusRequirementIsReported() {
            List<FieldError> errors = errorsOf(draft().callWrapUpSeconds(30).activeCallChangesPresence(true)
                    .states(state("away", 3)));

            assertThat(errors).extracting(FieldError::field).containsExactly("states", "states", "states");
        }

        @Test
        void statusRequirementsAreNotReportedOnTopOfAnInvalidState() {
            assertRejected(draft().states(state("ready", null)), "states[0].presenceStatus");
        }
    }

    @Nested
    class StateRules {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "has space", "a/b", "caf\u00e9"})
        void badStateIdIsRejected(String id) {
            assertRejected(draft().states(READY, state(id, "Other", null, 3)), "states[1].id");
        }

        @Test
        void stateIdIsAtMost128Characters() {
            assertRejected(draft().states(READY, state("x".repeat(129), "Other", null, 3)), "states[1].id");
            assertThatCode(() -> draft().states(READY, state("x".repeat(128), "Other", null, 3)).validate())
                    .doesNotThrowAnyException();
        }

        @Test
        void duplicateStateIdIsRejectedAtTheSecondOccurrence() {
            List<FieldError> errors = errorsOf(draft().states(READY, state("ready", "Ready again", null, 1)));

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("states[1].id");
                assertThat(e.message()).contains("'ready'");
            });
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   "})
        void missingLabelIsRejected(String label) {
            assertRejected(draft().states(READY, state("away", label, null, 3)), "states[1].label");
        }

        @Test
        void labelOfMoreThan100CharactersIsRejected() {
            assertRejected(draft().states(READY, state("away", "l".repeat(101), null, 3)), "states[1].label");
            assertThatCode(() -> draft().states(READY, state("away", "l".repeat(100), null, 3)).validate())
                    .doesNotThrowAnyException();
        }

        @Test
        void duplicateLabelIsRejectedIgnoringCaseAndSurroundingSpace() {
            assertRejected(draft().states(READY, state("ready-2", " READY FOR CALLS ", null, 1)), "states[1].label");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(ints = {0, 8, -1})
        void presenceStatusMustBe1To7(Integer status) {
            assertRejected(draft().states(READY, state("other", "Other", null, status)), "states[1].presenceStatus");
        }

        @Test
        void everyInvalidStateIsReportedNotJustTheFirst() {
            ConfigDraftBuilder draft = draft().states(state("bad id", "Ready", null, 1), DND,
                    state("away", null, null, 3));

            assertThat(fieldsOf(draft.build(), CALL_CENTER_ID)).containsExactly("states[0].id", "states[2].label");
        }

        @Test
        void firstStateOfAStatusIsTheOneTheRulesUse() {
            CallCenterConfig config = draft().callWrapUpSeconds(30).states(
                    state("away", 3),
                    state("ready-b", 1),
                    state("dnd-b", 4),
                    state("ready-a", 1),
                    state("dnd-a", 4)).validate();

            assertThat(config.readyState().id()).isEqualTo("ready-b");
            assertThat(config.firstWithStatus(PresenceStatus.DND)).map(PresenceState::id).contains("dnd-b");
            assertThat(config.firstWithStatus(PresenceStatus.ON_A_CALL)).isEmpty();
        }

        @Test
        void newAgentStartsInLogoutElseOfflineElseReady() {
            assertThat(draft().states(READY, state("offline", 2), state("logout", 7)).validate().initialState().id())
                    .isEqualTo("logout");
            assertThat(draft().states(READY, state("offline", 2)).validate().initialState().id())
                    .isEqualTo("offline");
            assertThat(draft().states(state("away", 3), READY).validate().initialState().id())
                    .isEqualTo("ready");
        }
    }

    @Nested
    class ReasonCodeRules {

        @Test
        void reasonCodeIsOptional() {
            assertThatCode(() -> draft().pbxMode(PbxMode.DIAL_COMMAND).states(state("ready", "Ready", null, 1))
                    .validate()).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "123456789012345678901234567890123"})
        void reasonCodeMustBe1To32Characters(String code) {
            assertRejected(draft().states(READY, state("away", "Away", code, 3)), "states[1].reasonCode");
        }

        @ParameterizedTest
        @ValueSource(strings = {"free text #1", "*60", "3500", "12345678901234567890123456789012"})
        void withoutPbxAnyReasonCodeIsAccepted(String code) {
            assertThatCode(() -> draft().pbxMode(PbxMode.NOT_SENT).states(state("ready", "Ready", code, 1))
                    .validate()).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"*60", "#21#", "0", "*61#123"})
        void dialCommandOfDigitsStarAndHashIsAccepted(String code) {
            assertThatCode(() -> draft().pbxMode(PbxMode.DIAL_COMMAND).states(state("ready", "Ready", code, 1))
                    .validate()).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"*6a", "*60 ", "+4930", "dnd"})
        void dialCommandWithOtherCharactersIsRejected(String code) {
            List<FieldError> errors = errorsOf(draft().pbxMode(PbxMode.DIAL_COMMAND)
                    .states(READY, state("dnd", "Do Not Disturb", code, 4)));

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("states[1].reasonCode");
                assertThat(e.message()).contains("DIAL_COMMAND");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "3500", "18500", "99999"})
        void skypeAvailabilityCodeIsAccepted(String code) {
            assertThatCode(() -> draft().pbxMode(PbxMode.SKYPE_FOR_BUSINESS)
                    .states(state("ready", "Ready", code, 1)).validate()).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"123456", "35a0", "*60", "-3500"})
        void skypeCodeThatIsNotANumberOfUpTo5DigitsIsRejected(String code) {
            List<FieldError> errors = errorsOf(draft().pbxMode(PbxMode.SKYPE_FOR_BUSINESS)
                    .states(READY, state("dnd", "Do Not Disturb", code, 4)));

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("states[1].reasonCode");
                assertThat(e.message()).contains("SKYPE_FOR_BUSINESS");
            });
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static void assertRejected(ConfigDraftBuilder draft, String... fields) {
        assertThat(errorsOf(draft)).extracting(FieldError::field).containsExactly(fields);
    }

    private static List<FieldError> errorsOf(ConfigDraftBuilder draft) {
        return errorsOf(draft.build(), CALL_CENTER_ID);
    }

    private static List<String> fieldsOf(CallCenterConfigDraft draft, String callCenterId) {
        return errorsOf(draft, callCenterId).stream().map(FieldError::field).toList();
    }

    private static List<FieldError> errorsOf(CallCenterConfigDraft draft, String callCenterId) {
        Throwable thrown = catchThrowable(() -> draft.validate(callCenterId));
        assertThat(thrown).isInstanceOf(ValidationException.class);
        return ((ValidationException) thrown).errors();
    }

    /** A Ready state followed by Away states up to {@code count} states in all. */
    private static List<StateDraft> numberedStates(int count) {
        return IntStream.range(0, count).mapToObj(i -> i == 0 ? READY : state("away-" + i, 3)).toList();
    }
}
