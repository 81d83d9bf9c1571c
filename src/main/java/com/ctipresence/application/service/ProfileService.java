package com.ctipresence.application.service;

import com.ctipresence.application.Body;
import com.ctipresence.application.port.out.delivery.AgentProfiles;
import com.ctipresence.application.security.Access;
import com.ctipresence.application.security.Caller;
import com.ctipresence.domain.Ids;
import com.ctipresence.domain.delivery.AgentProfile;
import jakarta.enterprise.context.ApplicationScoped;

/** Agent profiles: an admin writes them; admins and supervisors read any, an agent its own. */
@ApplicationScoped
public class ProfileService {
    private final CallCenterService callCenters;
    private final AgentProfiles profiles;
    private final Access access;

    public ProfileService(CallCenterService callCenters, AgentProfiles profiles, Access access) {
        this.callCenters = callCenters;
        this.profiles = profiles;
        this.access = access;
    }

    /** The fields of a profile as sent (validated by {@link AgentProfile#validated}). */
    public record ProfileInput(String displayName, String extension, String sipAddress, String entraUserId,
                               String salesforceUserId) {
    }

    /** Creates or replaces the agent's profile; a rejected one changes nothing. */
    public AgentProfile put(Caller caller, String callCenterId, String agentId, Body<ProfileInput> body) {
        access.writeProfile(caller, callCenterId);
        ProfileInput in = body.read();
        Ids.require("agentId", agentId);
        callCenters.get(callCenterId);
        AgentProfile profile = AgentProfile.validated(callCenterId, agentId, in.displayName(), in.extension(),
                in.sipAddress(), in.entraUserId(), in.salesforceUserId());
        profiles.save(profile);
        return profile;
    }

    /** The agent's profile; every field null when none was set. */
    public AgentProfile get(Caller caller, String callCenterId, String agentId) {
        access.readAgent(caller, callCenterId, agentId);
        Ids.require("agentId", agentId);
        callCenters.get(callCenterId);
        return profiles.find(callCenterId, agentId).orElseGet(() -> AgentProfile.empty(callCenterId, agentId));
    }
}
