package com.ctipresence.adapter.in.api;

import com.ctipresence.application.service.AgentExtras;
import com.ctipresence.application.service.PresenceView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.Timestamps;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;


/** An agent's presence as answered to softphones and dashboards. */
@Schema(name = "AgentPresence", description = "An agent's current presence state")
public record AgentPresenceDto(
        String callCenterId,
        String agentId,
        @Schema(description = "Id of the configured state", example = "dnd") String stateId,
        @Schema(example = "Do Not Disturb") String label,
        @Schema(description = "1 Online, 2 Offline, 3 Away, 4 DND, 5 Busy, 6 On a call, 7 Logout") int presenceStatus,
        @Schema(nullable = true, example = "*61") String reasonCode,
        @Schema(description = "When the agent entered this state (UTC, milliseconds)",
                example = "2026-11-23T10:00:00.123Z") String since,
        @Schema(nullable = true, description = "When a running wrap-up ends and the agent returns to Ready by itself",
                example = "2026-11-23T10:00:30.123Z") String wrapUpUntil,
        @Schema(nullable = true, description = "The most recently connected call still active, if any")
        String activeCallId,
        @Schema(description = "Every call connected now, oldest first (at most 8; e.g. a consult call)")
        List<String> activeCallIds,
        @Schema(description = "Number of changes so far; grows by one with each change") long version,
        @Schema(description = "Whole seconds in the current state so far") long secondsInState,
        @Schema(description = "Seconds per state id on the call center's current local day so far (time tracking), "
                + "rounded so that they add up to the day's wall time rounded to the second (largest remainder)",
                example = "{\"ready\":3600,\"dnd\":120}") Map<String, Long> today,
        @Schema(nullable = true, description = "The same in exact milliseconds",
                example = "{\"ready\":3600250,\"dnd\":119800}") Map<String, Long> todayMillis,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "The agent's display name from its profile, if set: in the agent list, "
                + "and in one agent's answers where the call center sends presence on (delivery targets)",
                example = "Ada Lovelace") String displayName,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "pbxMode DIAL_COMMAND: the command the softphone dials for this state "
                + "(its reason code)", example = "*61") String pbxCommand,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "Per enabled target (pbx, skype, teams, omniChannel): where the "
                + "delivery of the agent's latest state stands",
                example = "{\"teams\":{\"status\":\"DELIVERED\",\"version\":12,\"attempts\":1,\"lastError\":null}}")
        Map<String, DeliveryStatusDto> delivery) {

    @Schema(name = "DeliveryStatus", description = "One target's delivery of the agent's latest state it holds")
    public record DeliveryStatusDto(
            @Schema(description = "PENDING (waiting or retrying), DELIVERED, FAILED (refused; not retried until the "
                    + "next change)", enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
            @Schema(description = "The presence version it is about") long version,
            @Schema(description = "Sends of this version so far") int attempts,
            @Schema(nullable = true, description = "Why the last send did not succeed") String lastError) {
    }

    public static AgentPresenceDto from(PresenceView view) {
        AgentPresence a = view.presence();
        AgentExtras x = view.extras();
        Map<String, DeliveryStatusDto> delivery = null;
        if (x != null && x.delivery() != null) {
            delivery = new java.util.TreeMap<>();
            for (var e : x.delivery().entrySet()) {
                delivery.put(e.getKey(), new DeliveryStatusDto(e.getValue().status().name(), e.getValue().version(),
                        e.getValue().attempts(), e.getValue().lastError()));
            }
        }
        return new AgentPresenceDto(a.callCenterId(), a.agentId(), a.state().id(), a.state().label(),
                a.state().status().code(), a.state().reasonCode(), Timestamps.format(a.since()),
                Timestamps.format(a.wrapUpUntil()), a.activeCallId(), a.activeCallIds(), a.version(), view.secondsInState(),
                view.today(), view.todayMillis(), x == null ? null : x.displayName(),
                x == null ? null : x.pbxCommand(), delivery);
    }
}
