package com.ctipresence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Books time into day totals, exact to the second. An interval [from, to) counts the second boundaries it
 * crosses ({@code floor(to) - floor(from)} in epoch seconds), so consecutive intervals add up exactly to the wall
 * time they cover, with no rounding drift, and each state's total is within a second of its true duration. An
 * interval is split at the call center's local midnight; Logout (7) is never counted, nor anything when time
 * tracking is disabled.
 */
public final class TimeLedger {
    private TimeLedger() {
    }

    public static boolean tracks(CallCenterConfig config, PresenceState state) {
        return config.timeTrackingEnabled() && state.status() != PresenceStatus.LOGOUT;
    }

    public static List<DayTotal> book(CallCenterConfig config, String agentId, PresenceState state, Instant from,
                                      Instant to) {
        List<DayTotal> result = new ArrayList<>();
        if (!tracks(config, state) || !to.isAfter(from)) {
            return result;
        }
        ZoneId zone = config.timeZone();
        long start = from.getEpochSecond();
        long end = to.getEpochSecond();
        while (start < end) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(start), zone);
            long nextMidnight = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
            long sliceEnd = Math.min(end, nextMidnight);
            result.add(new DayTotal(agentId, day, state.id(), state.label(), state.status().code(),
                    sliceEnd - start));
            start = sliceEnd;
        }
        return result;
    }

    /** Whole seconds between two instants as the ledger counts them. */
    public static long seconds(Instant from, Instant to) {
        return Math.max(0, to.getEpochSecond() - from.getEpochSecond());
    }

    /** Adds up amounts for the same agent, day and state (one row each, as a store update needs). */
    public static List<DayTotal> merge(Collection<DayTotal> amounts) {
        Map<String, DayTotal> merged = new LinkedHashMap<>();
        for (DayTotal t : amounts) {
            merged.merge(t.key(), t, (a, b) -> a.plus(b.seconds()));
        }
        return new ArrayList<>(merged.values());
    }
}
