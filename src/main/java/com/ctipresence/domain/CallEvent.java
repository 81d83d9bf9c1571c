package com.ctipresence.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A call event as reported by the softphone. Always valid: the constructor checks every field and names each
 * offending one; {@link #validated} also takes a missing {@code internal} as an external call.
 */
public record CallEvent(String eventId, CallEventType type, String callId, boolean internal, Integer durationSeconds) {

    public static final int MAX_DURATION_SECONDS = 7 * 24 * 3600;

    public CallEvent {
        List<FieldError> errors = new ArrayList<>();
        Ids.check("eventId", eventId, errors);
        Ids.check("callId", callId, errors);
        if (type == null) {
            errors.add(new FieldError("type", "is required (DIALING, CONNECTED or ENDED)"));
        }
        if (type == CallEventType.ENDED && durationSeconds == null) {
            errors.add(new FieldError("durationSeconds", "is required for ENDED"));
        }
        if (durationSeconds != null && (durationSeconds < 0 || durationSeconds > MAX_DURATION_SECONDS)) {
            errors.add(new FieldError("durationSeconds", "must be between 0 and " + MAX_DURATION_SECONDS));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Checks every field; {@code internal} missing means an external call. */
    public static CallEvent validated(String eventId, CallEventType type, String callId, Boolean internal,
                                      Integer durationSeconds) {
        return new CallEvent(eventId, type, callId, Boolean.TRUE.equals(internal), durationSeconds);
    }

    /** A stable digest of what the event says, to tell a true repeat from a different event reusing the id. */
    public String fingerprint() {
        return type + "|" + callId + "|" + internal + "|" + (durationSeconds == null ? "" : durationSeconds);
    }
}
