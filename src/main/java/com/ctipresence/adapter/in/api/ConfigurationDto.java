package com.ctipresence.adapter.in.api;

import com.ctipresence.adapter.in.json.RuleChecked;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.domain.PbxMode;
import com.ctipresence.domain.FieldError;
import com.ctipresence.domain.PresenceState;
import com.ctipresence.domain.ValidationException;
import com.ctipresence.domain.delivery.StateTargets;
import com.ctipresence.domain.delivery.TeamsPresence;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A call center's configuration, as sent by the admin and as answered. What GET answers can be sent back with PUT
 * unchanged: {@code callCenterId} must then match the path.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@Schema(name = "Configuration", description = "A call center's presence configuration")
public record ConfigurationDto(
        @Schema(description = "Read-only; if sent, must equal the path's callCenterId", readOnly = true)
        String callCenterId,
        @Schema(description = "Display name, 1-200 characters; defaults to the callCenterId", example = "Support EMEA")
        String name,
        @Schema(description = "IANA time zone for daily time tracking; default UTC", example = "Europe/Berlin")
        String timeZone,
        @Schema(description = "Activates the presence state functionality; default true. When false, presence "
                + "changes answer 409 and call events are accepted and ignored")
        Boolean presenceEnabled,
        @Schema(description = "NOT_SENT = time tracking only; DIAL_COMMAND = the reason code is dialled; "
                + "SKYPE_FOR_BUSINESS = the reason code is a Skype for Business availability. Default NOT_SENT")
        PbxMode pbxMode,
        @Schema(description = "Seconds in DND after a real call (0 = off), 0-999; default 0", minimum = "0",
                maximum = "999")
        Integer callWrapUpSeconds,
        @Schema(description = "Log the time per agent per presence state; default true")
        Boolean timeTrackingEnabled,
        @Schema(description = "How often the stored time totals are updated, 1-999 s; default 60", minimum = "1",
                maximum = "999")
        Integer timeTrackingUpdateSeconds,
        @Schema(description = "Synchronise the presence state with Omni-Channel; default false")
        Boolean omniChannelEnabled,
        @Schema(description = "On a call (6) while a call is active, then Ready (1); default false")
        Boolean activeCallChangesPresence,
        @Schema(description = "1-50 states; ids and labels unique; a Ready (1) state is required, a DND (4) one when "
                + "callWrapUpSeconds > 0, an On a call (6) one when activeCallChangesPresence. The first state of a "
                + "status is the one the rules use")
        List<StateDto> states,
        @Schema(description = "Where presence is sent on (PBX webhook, Skype connector, Teams, Salesforce); "
                + "optional: without it nothing is sent") DeliveryDto delivery) implements RuleChecked {

    /** A call center id that passes the id rules, to check a body whose callCenterId is not sent. */
    private static final String ANY_CALL_CENTER = "call-center";

    @Schema(name = "PresenceState")
    public record StateDto(
            @Schema(description = "1-128 characters of [A-Za-z0-9._:@-]", example = "dnd") String id,
            @Schema(description = "What the agent sees, 1-100 characters", example = "Do Not Disturb") String label,
            @Schema(description = "Dial command / Skype for Business availability / report value; optional",
                    example = "*61") String reasonCode,
            @Schema(description = "1 Online, 2 Offline, 3 Away, 4 DND, 5 Busy, 6 On a call, 7 Logout",
                    minimum = "1", maximum = "7") Integer presenceStatus,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Omni-Channel: the Salesforce ServicePresenceStatus id (15/18 characters, 0N5...)",
                    example = "0N5000000000001") String omniChannelStatusId,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Teams: the session presence of this state; default from presenceStatus")
            TeamsPairDto teams) {
        public StateDto(String id, String label, String reasonCode, Integer presenceStatus) {
            this(id, label, reasonCode, presenceStatus, null, null);
        }
    }

    @Schema(name = "TeamsPresence", description = "One of Available/Available, Busy/InACall, Busy/InAConferenceCall, "
            + "Away/Away, DoNotDisturb/Presenting")
    public record TeamsPairDto(@Schema(example = "Busy") String availability,
                               @Schema(example = "InACall") String activity) {
    }

    /** The configuration rules (ranges, states, time zone, ...) this body breaks, as the use case checks them. */
    @Override
    public List<FieldError> ruleErrors() {
        try {
            toDraft().validate(callCenterId == null ? ANY_CALL_CENTER : callCenterId);
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        }
    }

    CallCenterConfigDraft toDraft() {
        return new CallCenterConfigDraft(name, timeZone, presenceEnabled, pbxMode, callWrapUpSeconds,
                timeTrackingEnabled, timeTrackingUpdateSeconds, omniChannelEnabled, activeCallChangesPresence,
                states == null ? null : states.stream().map(s -> s == null ? null
                        : new CallCenterConfigDraft.StateDraft(s.id(), s.label(), s.reasonCode(), s.presenceStatus(),
                        s.omniChannelStatusId(), s.teams() == null ? null
                        : new TeamsPresence(s.teams().availability(), s.teams().activity())))
                        .toList(), delivery == null ? null : delivery.toDraft());
    }

    static ConfigurationDto from(CallCenterConfig c) {
        return new ConfigurationDto(c.callCenterId(), c.name(), c.timeZone().getId(), c.presenceEnabled(),
                c.pbxMode(), c.callWrapUpSeconds(), c.timeTrackingEnabled(), c.timeTrackingUpdateSeconds(),
                c.omniChannelEnabled(), c.activeCallChangesPresence(),
                c.states().stream().map(s -> state(s, c.targetsOf(s.id()))).toList(), DeliveryDto.from(c.delivery()));
    }

    static ConfigurationDto from(CallCenterConfigDraft d) {
        return new ConfigurationDto(null, d.name(), d.timeZone(), d.presenceEnabled(), d.pbxMode(),
                d.callWrapUpSeconds(), d.timeTrackingEnabled(), d.timeTrackingUpdateSeconds(), d.omniChannelEnabled(),
                d.activeCallChangesPresence(), d.states().stream()
                .map(s -> new StateDto(s.id(), s.label(), s.reasonCode(), s.presenceStatus(), s.omniChannelStatusId(),
                        s.teams() == null ? null : new TeamsPairDto(s.teams().availability(), s.teams().activity())))
                .toList(), DeliveryDto.from(d.delivery()));
    }

    private static StateDto state(PresenceState s, StateTargets t) {
        return new StateDto(s.id(), s.label(), s.reasonCode(), s.status().code(), t.omniChannelStatusId(),
                t.teams() == null ? null : new TeamsPairDto(t.teams().availability(), t.teams().activity()));
    }
}
