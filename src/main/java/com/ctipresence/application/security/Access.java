package com.ctipresence.application.security;

import com.ctipresence.application.NotFoundException;
import com.ctipresence.domain.TransitionCause;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may do what, for every inbound adapter alike. A caller only ever sees their own call center: any other one
 * answers exactly as a call center that does not exist (404), so existence is not revealed. Within it, agents
 * read and change only their own presence and send their own call events; supervisors read everything of their
 * call center and may set an agent's state (recorded with cause ADMIN); admins also manage the configuration.
 */
@ApplicationScoped
public class Access {

    /** Anyone of the call center may read its configuration (the softphone needs the states). */
    public void readConfiguration(Caller caller, String callCenterId) {
        member(caller, callCenterId);
    }

    public void configure(Caller caller, String callCenterId) {
        member(caller, callCenterId);
        require(caller.has(Role.ADMIN), "only an admin of the call center may change its configuration");
    }

    public void readPresets(Caller caller) {
        require(!caller.roles().isEmpty(), "no role");
    }

    /** Agent profiles (display name, extension, target user ids) are an admin's to write. */
    public void writeProfile(Caller caller, String callCenterId) {
        member(caller, callCenterId);
        require(caller.has(Role.ADMIN), "only an admin of the call center may change agent profiles");
    }

    public void listAgents(Caller caller, String callCenterId) {
        member(caller, callCenterId);
        require(caller.supervises(), "only supervisors and admins may list the agents");
    }

    public void readAgent(Caller caller, String callCenterId, String agentId) {
        member(caller, callCenterId);
        require(self(caller, agentId) || caller.supervises(),
                "agents may only read their own presence and history");
    }

    /** An agent sets their own state (AGENT); a supervisor or admin sets anyone's (ADMIN). */
    public TransitionCause setPresence(Caller caller, String callCenterId, String agentId) {
        member(caller, callCenterId);
        if (self(caller, agentId)) {
            return TransitionCause.AGENT;
        }
        require(caller.supervises(), "agents may only change their own presence");
        return TransitionCause.ADMIN;
    }

    public void sendCallEvent(Caller caller, String callCenterId, String agentId) {
        member(caller, callCenterId);
        require(self(caller, agentId), "call events may only be sent by the agent on the call");
    }

    /** Supervisors and admins see every agent's time; an agent sees their own ({@code agentId} = self). */
    public void readReport(Caller caller, String callCenterId, String agentId) {
        member(caller, callCenterId);
        require(caller.supervises() || self(caller, agentId),
                "agents may only read their own time tracking (agentId=" + caller.subject() + ")");
    }

    private static boolean self(Caller caller, String agentId) {
        return !caller.roles().isEmpty() && caller.subject().equals(agentId);
    }

    private static void member(Caller caller, String callCenterId) {
        if (caller.callCenterId() == null || !caller.callCenterId().equals(callCenterId)) {
            throw NotFoundException.callCenter(callCenterId);
        }
        require(!caller.roles().isEmpty(), "the token carries no role (agent, supervisor or admin)");
    }

    private static void require(boolean allowed, String why) {
        if (!allowed) {
            throw new ForbiddenException(why);
        }
    }
}
