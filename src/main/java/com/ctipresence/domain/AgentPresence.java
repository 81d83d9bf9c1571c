package com.ctipresence.domain;

import java.time.Instant;

/**
 * An agent's current presence. {@code version} counts the changes (1 on creation); every store write is
 * conditional on it. {@code wrapUpId} identifies the running wrap-up, if any: an expiry applies only to that one.
 * {@code accountedUntil} is how far the current state's time has been booked into the day totals.
 */
public record AgentPresence(
        String callCenterId,
        String agentId,
        PresenceState state,
        Instant since,
        String wrapUpId,
        Instant wrapUpUntil,
        String activeCallId,
        long version,
        Instant accountedUntil) {

    public boolean inWrapUp() {
        return wrapUpId != null;
    }

    public PresenceStatus status() {
        return state.status();
    }
}
