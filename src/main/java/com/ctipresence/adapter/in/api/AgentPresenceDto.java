package com.ctipresence.adapter.in.api;

import com.ctipresence.application.service.PresenceView;
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
                example = "{\"ready\":3600250,\"dnd\":119800}") Map<String, Long> todayMillis) {

    public static AgentPresenceDto from(PresenceView view) {
        AgentPresence a = view.presence();
        return new AgentPresenceDto(a.callCenterId(), a.agentId(), a.state().id(), a.state().label(),
                a.state().status().code(), a.state().reasonCode(), Timestamps.format(a.since()),
                Timestamps.format(a.wrapUpUntil()), a.activeCallId(), a.activeCallIds(), a.version(), view.secondsInState(),
                view.today(), view.todayMillis());
    }
}
