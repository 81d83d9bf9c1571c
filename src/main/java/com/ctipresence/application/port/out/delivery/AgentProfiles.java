package com.ctipresence.application.port.out.delivery;

import com.ctipresence.domain.delivery.AgentProfile;

import java.util.Optional;

/** Where agent profiles (display name, extension, SIP address, Entra ID and Salesforce user ids) are kept. */
public interface AgentProfiles {
    Optional<AgentProfile> find(String callCenterId, String agentId);

    /** Creates or replaces the profile. */
    void save(AgentProfile profile);
}
