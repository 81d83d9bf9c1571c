package com.ctipresence.adapter.in.api;

import com.ctipresence.domain.Timestamps;
import com.ctipresence.domain.Transition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HistoryEntry", description = "One immutable state change of an agent")
public record HistoryEntryDto(
        @Schema(example = "2026-11-23T10:00:30.123Z") String at,
        @Schema(nullable = true, description = "null for the agent's first state") String fromStateId,
        String toStateId,
        @Schema(description = "AGENT, CALL_EVENT, WRAP_UP_EXPIRY or ADMIN") String cause,
        @Schema(nullable = true, description = "The call event that caused it") String eventId,
        @Schema(nullable = true, description = "Who asked for it (agent or supervisor id)") String actorId,
        @Schema(description = "The agent's version after this change") long version) {

    static HistoryEntryDto from(Transition t) {
        return new HistoryEntryDto(Timestamps.format(t.at()), t.fromStateId(), t.toStateId(), t.cause().name(),
                t.eventId(), t.actorId(), t.version());
    }
}
