package com.ctipresence.adapter.in.dev;

import com.ctipresence.application.Body;
import com.ctipresence.application.security.Caller;
import com.ctipresence.application.service.CallCenterService;
import com.ctipresence.application.service.CallCenterService.ConfigurationInput;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.domain.Ids;
import com.ctipresence.domain.Presets;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dev mode and tests only (not in a production build): one click makes a demo call center (the standard preset,
 * a 15 s wrap-up) with a few agents in different states, through the same use cases as the API, e.g.
 * {@code curl -X POST 'localhost:8080/dev/demo?callCenterId=demo'}.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path("/dev/demo")
public class DemoResource {
    static final Map<String, String> AGENTS = new LinkedHashMap<>();

    static {
        AGENTS.put("alice", "ready");
        AGENTS.put("bob", "ready");
        AGENTS.put("carol", "on-a-call");
        AGENTS.put("dave", "away");
        AGENTS.put("erin", "dnd");
        AGENTS.put("frank", "busy");
    }

    private final CallCenterService callCenters;
    private final PresenceService presence;

    public DemoResource(CallCenterService callCenters, PresenceService presence) {
        this.callCenters = callCenters;
        this.presence = presence;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dev/test only: create (or reset) a demo call center with a few agents")
    public Map<String, Object> create(@QueryParam("callCenterId") String callCenterId) {
        String cc = callCenterId == null || callCenterId.isBlank() ? "demo" : callCenterId;
        Ids.require("callCenterId", cc);
        Caller admin = Caller.of("demo-admin", cc, List.of("admin"));
        CallCenterConfigDraft standard = Presets.byName(Presets.STANDARD).orElseThrow();
        CallCenterConfigDraft draft = new CallCenterConfigDraft("Demo call center", "UTC", true,
                standard.pbxMode(), 15, true, standard.timeTrackingUpdateSeconds(), false, true, standard.states());
        callCenters.configure(admin, cc, Body.of(new ConfigurationInput(cc, draft)));
        AGENTS.forEach((agent, state) -> presence.setState(admin, cc, agent, Body.of(state)));
        return Map.of("callCenterId", cc, "agents", List.copyOf(AGENTS.keySet()));
    }
}
