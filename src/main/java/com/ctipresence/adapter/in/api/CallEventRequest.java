package com.ctipresence.adapter.in.api;

import com.ctipresence.domain.CallEvent;
import com.ctipresence.domain.CallEventType;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "CallEvent", description = "A call event reported by the softphone; idempotent by eventId")
public record CallEventRequest(
        @Schema(description = "Unique per agent; a repeat answers the first result and changes nothing",
                example = "e-1", required = true) String eventId,
        @Schema(required = true) CallEventType type,
        @Schema(example = "c-9", required = true) String callId,
        @Schema(description = "An internal call (no wrap-up); default false") Boolean internal,
        @Schema(description = "Talk time in seconds; required for ENDED (0 = ring only, no wrap-up)", example = "42")
        Integer durationSeconds) {

    CallEvent toDomain() {
        return CallEvent.validated(eventId, type, callId, internal, durationSeconds);
    }
}
