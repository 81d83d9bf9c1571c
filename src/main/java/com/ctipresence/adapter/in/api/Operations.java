package com.ctipresence.adapter.in.api;

import com.ctipresence.adapter.in.json.JsonBodies;
import com.ctipresence.application.security.Caller;
import com.ctipresence.application.service.CallCenterService;
import com.ctipresence.application.service.CallCenterService.ConfigurationInput;
import com.ctipresence.application.service.CallEventOutcome;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.application.service.ProfileService;
import com.ctipresence.application.service.ReportService;
import com.ctipresence.domain.TimeLedger;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

import static com.ctipresence.adapter.in.api.ApiResponse.ok;

/**
 * Every API operation, defined once: request → use case → response. The JAX-RS resources (local server) and the
 * Lambda route table ({@link ApiRoutes}) both call these, so the two runtimes answer alike. Failures propagate as
 * exceptions; each adapter turns them into the one problem+json answer ({@link ApiResponse#problem}).
 */
@ApplicationScoped
public class Operations {
    private final CallCenterService callCenters;
    private final PresenceService presence;
    private final ReportService reports;
    private final JsonBodies bodies;
    private final ProfileService profiles;

    public Operations(CallCenterService callCenters, PresenceService presence, ReportService reports,
                      JsonBodies bodies, ProfileService profiles) {
        this.profiles = profiles;
        this.callCenters = callCenters;
        this.presence = presence;
        this.reports = reports;
        this.bodies = bodies;
    }

    /** GET /v1/presets */
    public ApiResponse<List<String>> presetNames(ApiRequest r) {
        return ok(callCenters.presetNames(caller(r)));
    }

    /** GET /v1/presets/{name} */
    public ApiResponse<ConfigurationDto> preset(ApiRequest r) {
        return ok(ConfigurationDto.from(callCenters.preset(caller(r), r.path("name"))));
    }

    /** PUT /v1/call-centers/{callCenterId} */
    public ApiResponse<ConfigurationDto> configure(ApiRequest r) {
        return ok(ConfigurationDto.from(callCenters.configure(caller(r), r.path("callCenterId"),
                bodies.of(r.body(), ConfigurationDto.class, d -> new ConfigurationInput(d.callCenterId(),
                        d.toDraft())))));
    }

    /** GET /v1/call-centers/{callCenterId} */
    public ApiResponse<ConfigurationDto> configuration(ApiRequest r) {
        return ok(ConfigurationDto.from(callCenters.get(caller(r), r.path("callCenterId"))));
    }

    /** GET /v1/call-centers/{callCenterId}/agents */
    public ApiResponse<List<AgentPresenceDto>> agents(ApiRequest r) {
        return ok(presence.list(caller(r), r.path("callCenterId")).stream().map(AgentPresenceDto::from).toList());
    }

    /** GET /v1/call-centers/{callCenterId}/agents/{agentId}/presence */
    public ApiResponse<AgentPresenceDto> presence(ApiRequest r) {
        return ok(AgentPresenceDto.from(presence.get(caller(r), r.path("callCenterId"), r.path("agentId"))));
    }

    /** PUT /v1/call-centers/{callCenterId}/agents/{agentId}/presence */
    public ApiResponse<AgentPresenceDto> setPresence(ApiRequest r) {
        return ok(AgentPresenceDto.from(presence.setState(caller(r), r.path("callCenterId"), r.path("agentId"),
                bodies.of(r.body(), PresenceChangeRequest.class, PresenceChangeRequest::stateId))));
    }

    /**
     * POST /v1/call-centers/{callCenterId}/agents/{agentId}/call-events: 200 applied (or replayed, with
     * {@code Idempotent-Replayed: true}), 202 accepted and ignored (presence disabled; body the agent if known).
     */
    public ApiResponse<AgentPresenceDto> callEvent(ApiRequest r) {
        CallEventOutcome outcome = presence.onCallEvent(caller(r), r.path("callCenterId"), r.path("agentId"),
                bodies.of(r.body(), CallEventRequest.class, CallEventRequest::toDomain));
        AgentPresenceDto dto = outcome.presence() == null ? null : AgentPresenceDto.from(outcome.presence());
        ApiResponse<AgentPresenceDto> answer = ApiResponse.json(outcome.applied() ? 200 : 202, dto);
        return outcome.replayed() ? answer.withHeader(ApiResponse.REPLAYED, "true") : answer;
    }

    /** GET /v1/call-centers/{callCenterId}/time-tracking (JSON) */
    public ApiResponse<List<DayTotalDto>> report(ApiRequest r) {
        return ok(rows(r).stream().map(DayTotalDto::from).toList());
    }

    /** GET /v1/call-centers/{callCenterId}/time-tracking with Accept: text/csv */
    public ApiResponse<String> reportCsv(ApiRequest r) {
        return new ApiResponse<>(200, java.util.Map.of("Content-Type", ApiResponse.CSV + ";charset=UTF-8"),
                DayTotalDto.csv(rows(r)));
    }

    /** GET /v1/call-centers/{callCenterId}/agents/{agentId}/history */
    public ApiResponse<List<HistoryEntryDto>> history(ApiRequest r) {
        return ok(reports.history(caller(r), r.path("callCenterId"), r.path("agentId"), r.query("from"),
                r.query("to")).stream().map(HistoryEntryDto::from).toList());
    }

    /** GET /v1/call-centers/{callCenterId}/agents/{agentId}/profile */
    public ApiResponse<AgentProfileDto> profile(ApiRequest r) {
        return ok(AgentProfileDto.from(profiles.get(caller(r), r.path("callCenterId"), r.path("agentId"))));
    }

    /** PUT /v1/call-centers/{callCenterId}/agents/{agentId}/profile */
    public ApiResponse<AgentProfileDto> putProfile(ApiRequest r) {
        return ok(AgentProfileDto.from(profiles.put(caller(r), r.path("callCenterId"), r.path("agentId"),
                bodies.of(r.body(), AgentProfileDto.class, AgentProfileDto::toInput))));
    }

    private List<TimeLedger.Rounded> rows(ApiRequest r) {
        return reports.report(caller(r), r.path("callCenterId"), r.query("from"), r.query("to"), r.query("agentId"));
    }

    /** The verified caller; none (no valid token) is a 401 for every operation. */
    private static Caller caller(ApiRequest r) {
        if (r.caller() == null) {
            throw new UnauthorizedException();
        }
        return r.caller();
    }
}
