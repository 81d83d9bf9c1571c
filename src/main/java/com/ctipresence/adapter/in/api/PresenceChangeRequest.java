package com.ctipresence.adapter.in.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(name = "PresenceChange", description = "The state the agent picks in the softphone")
public record PresenceChangeRequest(
        @Schema(description = "Id of a configured state", example = "dnd", required = true) String stateId) {
}
