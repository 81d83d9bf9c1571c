package com.ctipresence.application.port.out;

import com.ctipresence.domain.AgentPresence;

import java.time.Instant;

/**
 * One committed change of an agent's presence: the presence as stored after it (its {@code version} orders the
 * changes of one agent) and when it was committed.
 */
public record AgentChange(String callCenterId, AgentPresence presence, Instant committedAt) {

    public long version() {
        return presence.version();
    }

    public String agentId() {
        return presence.agentId();
    }
}
