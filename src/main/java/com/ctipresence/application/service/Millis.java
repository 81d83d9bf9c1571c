package com.ctipresence.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Every use case reads time at millisecond precision, so that what is stored is exactly what is answered. */
final class Millis {
    private Millis() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
