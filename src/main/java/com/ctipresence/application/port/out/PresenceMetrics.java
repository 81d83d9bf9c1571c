package com.ctipresence.application.port.out;

import java.time.Duration;

/** What the use cases report for operations: presence changes, wrap-ups, ticks, store errors. */
public interface PresenceMetrics {
    /** A presence change was stored; {@code cause} as in the history (AGENT, CALL_EVENT, WRAP_UP_EXPIRY, ADMIN). */
    void presenceChanged(String cause);

    /** A wrap-up (after-call Do Not Disturb) began. */
    void wrapUpStarted();

    /** A wrap-up ended by its expiry, {@code lateness} after its wrapUpUntil. */
    void wrapUpExpired(Duration lateness);

    /** A time-tracking tick of one call center ended after {@code duration}, over {@code agentsTicked} agents. */
    void tickCompleted(String callCenterId, Duration duration, int agentsTicked);

    /** A tick of the call center could not finish within its interval; the ticks it overlapped were skipped. */
    default void tickOverrun(String callCenterId) {
    }

    /** The store failed ({@code kind}: e.g. unavailable, throttled, timeout). */
    void storeError(String kind);

    /** A target accepted a delivery, {@code lag} after the change was enqueued ({@code target}: e.g. teams). */
    default void deliverySent(String target, Duration lag) {
    }

    /** A delivery will be tried again (5xx, 429, timeout). */
    default void deliveryRetried(String target) {
    }

    /** A target refused a delivery for good (4xx, missing profile field or secret). */
    default void deliveryFailed(String target) {
    }
}
