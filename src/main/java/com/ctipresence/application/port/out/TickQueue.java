package com.ctipresence.application.port.out;

import java.time.Instant;

/**
 * Arranges a time-tracking tick of one call center at {@code at} (or soon after), starting after the agent
 * {@code continueAfter} (null: from the first agent). On AWS a delayed SQS message that the {@code tick} function
 * receives; the local server ticks from its scheduler instead and needs none.
 */
public interface TickQueue {
    void enqueue(String callCenterId, Instant at, String continueAfter);
}
