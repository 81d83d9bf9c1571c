package com.ctipresence.application.port.out;

import java.time.Instant;

/**
 * Arranges for {@code ExpireWrapUp} to run for this agent and wrap-up at (or soon after) {@code until}.
 * Locally an in-process timer; on AWS a delayed queue message. Firing late is fine: the expiry is stamped at
 * {@code until}; firing for a wrap-up that is no longer current is harmless.
 */
public interface WrapUpTimer {
    void schedule(String callCenterId, String agentId, String wrapUpId, Instant until);
}
