package com.ctipresence.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class CallEventTest {

    @Test
    void validEventKeepsEveryField() {
        assertThat(CallEvent.validated("evt-1", CallEventType.ENDED, "call-1", true, 42))
                .isEqualTo(new CallEvent("evt-1", CallEventType.ENDED, "call-1", true, 42));
    }

    @Test
    void missingInternalFlagMeansAnExternalCall() {
        assertThat(CallEvent.validated("evt-1", CallEventType.ENDED, "call-1", null, 42).internal()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "A.b_c:d@e-f", "sip:agent-7@pbx.example.com", "0123456789abcdef"})
    void idsOfTheAllowedCharactersAreAccepted(String id) {
        CallEvent event = CallEvent.validated(id, CallEventType.DIALING, id, false, null);

        assertThat(event.eventId()).isEqualTo(id);
        assertThat(event.callId()).isEqualTo(id);
    }

    @Test
    void idsOf128CharactersAreAcceptedButNot129() {
        String max = "x".repeat(128);
        assertThat(CallEvent.validated(max, CallEventType.DIALING, max, false, null).callId()).isEqualTo(max);

        String tooLong = "x".repeat(129);
        assertThat(fieldsOf(tooLong, CallEventType.DIALING, tooLong, null)).containsExactly("eventId", "callId");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "has space", "a/b", "a#b", "caf\u00e9", "evt-1\n"})
    void badEventIdIsRejected(String eventId) {
        assertThat(fieldsOf(eventId, CallEventType.DIALING, "call-1", null)).containsExactly("eventId");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "has space", "a/b", "a#b", "caf\u00e9", "call-1\n"})
    void badCallIdIsRejected(String callId) {
        assertThat(fieldsOf("evt-1", CallEventType.DIALING, callId, null)).containsExactly("callId");
    }

    @Test
    void typeIsRequired() {
        assertThat(fieldsOf("evt-1", null, "call-1", null)).containsExactly("type");
    }

    @Test
    void durationIsRequiredForEnded() {
        assertThat(fieldsOf("evt-1", CallEventType.ENDED, "call-1", null)).containsExactly("durationSeconds");
    }

    @ParameterizedTest
    @EnumSource(value = CallEventType.class, names = {"DIALING", "CONNECTED"})
    void durationIsOptionalBeforeTheCallEnds(CallEventType type) {
        assertThat(CallEvent.validated("evt-1", type, "call-1", false, null).durationSeconds()).isNull();
    }

    @ParameterizedTest
    @EnumSource(CallEventType.class)
    void negativeDurationIsRejected(CallEventType type) {
        assertThat(fieldsOf("evt-1", type, "call-1", -1)).containsExactly("durationSeconds");
    }

    @Test
    void durationIsAtMostOneWeek() {
        int week = 7 * 24 * 3600;
        assertThat(CallEvent.validated("evt-1", CallEventType.ENDED, "call-1", false, week).durationSeconds())
                .isEqualTo(week);
        assertThat(fieldsOf("evt-1", CallEventType.ENDED, "call-1", week + 1)).containsExactly("durationSeconds");
    }

    @Test
    void ringOnlyDurationOfZeroIsAccepted() {
        assertThat(CallEvent.validated("evt-1", CallEventType.ENDED, "call-1", false, 0).durationSeconds())
                .isZero();
    }

    @Test
    void everyOffendingFieldIsReportedAtOnce() {
        assertThat(fieldsOf(null, null, "bad id", -5))
                .containsExactlyInAnyOrder("eventId", "callId", "type", "durationSeconds");
    }

    @Test
    void fingerprintTellsDifferentContentApartButIgnoresTheEventId() {
        CallEvent ended = CallEvent.validated("evt-1", CallEventType.ENDED, "call-1", false, 42);

        assertThat(CallEvent.validated("evt-2", CallEventType.ENDED, "call-1", false, 42).fingerprint())
                .isEqualTo(ended.fingerprint());
        assertThat(List.of(
                CallEvent.validated("evt-1", CallEventType.ENDED, "call-1", false, 43),
                CallEvent.validated("evt-1", CallEventType.ENDED, "call-1", true, 42),
                CallEvent.validated("evt-1", CallEventType.ENDED, "call-2", false, 42),
                CallEvent.validated("evt-1", CallEventType.CONNECTED, "call-1", false, null)))
                .extracting(CallEvent::fingerprint)
                .doesNotContain(ended.fingerprint());
    }

    private static List<String> fieldsOf(String eventId, CallEventType type, String callId, Integer duration) {
        Throwable thrown = catchThrowable(() -> CallEvent.validated(eventId, type, callId, false, duration));
        assertThat(thrown).isInstanceOf(ValidationException.class);
        return ((ValidationException) thrown).errors().stream().map(FieldError::field).toList();
    }
}
