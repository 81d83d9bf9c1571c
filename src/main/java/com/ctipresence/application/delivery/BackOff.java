package com.ctipresence.application.delivery;

import java.time.Duration;

/**
 * When to try a delivery again: 1 s after the first failure, doubling up to 5 minutes, each ±20 % at random so
 * that many agents' retries after an outage spread out; a target's {@code Retry-After} replaces it (at most 1 hour).
 */
public final class BackOff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(5);
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private BackOff() {
    }

    /** {@code attempts}: sends so far (≥ 1); {@code random} in [0, 1). */
    public static Duration after(int attempts, Duration retryAfter, double random) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        long base = FIRST.toMillis() << Math.min(Math.max(attempts, 1) - 1, 20);
        base = Math.min(base, MAX.toMillis());
        return Duration.ofMillis(Math.round(base * (0.8 + 0.4 * random)));
    }
}
