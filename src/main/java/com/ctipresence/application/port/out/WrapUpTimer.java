package com.ctipresence.application.port.out;

import java.time.Instant;

/**
 * Arranges for a {@link WrapUpDue} to be delivered for this agent and wrap-up at (or soon after) {@code until}.
 * Locally an in-process timer; on AWS a delayed queue message. Firing late is fine: the expiry is stamped at
 * {@code until}; firing early is fine too (the expiry says how long remains and the timer is armed again); firing
 * for a wrap-up that is no longer current is harmless. The time-tracking tick settles any expiry that was lost.
 */
public interface WrapUpTimer {
    void schedule(String callCenterId, String agentId, String wrapUpId, Instant until);
}
