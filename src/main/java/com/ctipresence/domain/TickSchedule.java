package com.ctipresence.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a call center's time-tracking ticks are due: at every multiple of {@code timeTrackingUpdateSeconds} counted
 * from the epoch, so that every runtime (the local scheduler, the AWS tick dispatcher) ticks at the same instants
 * with no memory of its own beyond the last slot it ran.
 */
public final class TickSchedule {
    private TickSchedule() {
    }

    /** The number of the tick slot {@code at} falls in. */
    public static long slot(Instant at, int intervalSeconds) {
        return Math.floorDiv(at.getEpochSecond(), intervalSeconds);
    }

    /** The tick instants in [from, to): each multiple of the interval from the epoch. */
    public static List<Instant> instants(Instant from, Instant to, int intervalSeconds) {
        List<Instant> result = new ArrayList<>();
        long first = Math.floorDiv(from.getEpochSecond() + intervalSeconds - 1 + (from.getNano() > 0 ? 1 : 0),
                intervalSeconds) * intervalSeconds;
        for (long s = first; Instant.ofEpochSecond(s).isBefore(to); s += intervalSeconds) {
            result.add(Instant.ofEpochSecond(s));
        }
        return result;
    }
}
