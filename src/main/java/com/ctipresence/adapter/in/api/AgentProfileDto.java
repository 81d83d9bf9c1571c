package com.ctipresence.adapter.in.api;

import com.ctipresence.application.service.ProfileService.ProfileInput;
import com.ctipresence.domain.delivery.AgentProfile;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's profile as sent and answered; every field optional (a PUT replaces the whole profile). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@Schema(name = "AgentProfile", description = "What the delivery targets and the dashboard know about an agent")
public record AgentProfileDto(
        @Schema(description = "Read-only", readOnly = true) String callCenterId,
        @Schema(description = "Read-only", readOnly = true) String agentId,
        @Schema(description = "Shown on the dashboard; 1-100 characters", example = "Ada Lovelace")
        String displayName,
        @Schema(description = "Phone extension: 1-20 digits, * or # (PBX)", example = "4711") String extension,
        @Schema(description = "SIP address sip:user@domain (Skype for Business)", example = "sip:ada@example.com")
        String sipAddress,
        @Schema(description = "Entra ID user object id, a GUID (Teams)",
                example = "7a1f0c3e-5b2d-4c8e-9f10-2a3b4c5d6e7f") String entraUserId,
        @Schema(description = "Salesforce user id, 15 or 18 characters starting with 005 (Omni-Channel, time "
                + "tracking)", example = "005000000000001AAA") String salesforceUserId) {

    ProfileInput toInput() {
        return new ProfileInput(displayName, extension, sipAddress, entraUserId, salesforceUserId);
    }

    static AgentProfileDto from(AgentProfile p) {
        return new AgentProfileDto(p.callCenterId(), p.agentId(), p.displayName(), p.extension(), p.sipAddress(),
                p.entraUserId(), p.salesforceUserId());
    }
}
