package com.ctipresence.application.port.out.delivery;

import java.time.Duration;

/** What a target answered to one delivery. */
public sealed interface DeliveryOutcome {

    /** The target accepted it (2xx). */
    record Delivered() implements DeliveryOutcome {
    }

    /**
     * Worth trying again: 5xx, 429, a timeout or a connection failure. {@code retryAfter} is the target's
     * {@code Retry-After}, or null when it gave none.
     */
    record Retry(String reason, Duration retryAfter) implements DeliveryOutcome {
    }

    /** Will not work until someone changes the configuration or the profile (4xx other than 429, missing secret). */
    record Failed(String reason) implements DeliveryOutcome {
    }
}
