package com.ctipresence.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Books time into day totals, exact to the millisecond: an interval [from, to) counts {@code to - from}
 * milliseconds (every instant the use cases handle is truncated to the millisecond), split at the call center's
 * local midnight, so every state's total is exact and consecutive intervals add up to the wall time they cover.
 * Logout (7) is never counted, nor anything when time tracking is disabled. Reports show whole seconds
 * ({@link #rounded}): per agent-day, rounded so that the rows add up to the day's rounded wall time.
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
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        while (start < end) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(start), zone);
            long nextMidnight = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            long sliceEnd = Math.min(end, nextMidnight);
            result.add(new DayTotal(agentId, day, state.id(), state.label(), state.status().code(),
                    sliceEnd - start));
            start = sliceEnd;
        }
        return result;
    }

    /** Whole seconds from one instant to another (the elapsed time, rounded down; 0 if {@code to} is earlier). */
    public static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000);
    }

    /** Adds up amounts for the same agent, day and state (one row each, as a store update needs). */
    public static List<DayTotal> merge(Collection<DayTotal> amounts) {
        Map<String, DayTotal> merged = new LinkedHashMap<>();
        for (DayTotal t : amounts) {
            merged.merge(t.key(), t, (a, b) -> a.plus(b.millis()).labelled(b.label(), b.presenceStatus()));
        }
        return new ArrayList<>(merged.values());
    }

    /** What booking some amounts does to an agent's running totals, and what it closes. */
    public record Accumulated(RunningTotals running, List<DayTotal> closed) {
    }

    /**
     * Adds {@code bookings} to the agent's running totals. The running day is the latest day booked on: when a
     * booking falls on a later day, the running rows are closed (to be added to the stored day totals) and that
     * day's amounts start the new running totals; amounts of any other day (an earlier one, e.g. after a time
     * zone change, or the days between of a long interval) are closed at once. {@code legacyDay} is the local day
     * of an agent with {@link RunningTotals#LEGACY} totals whose earlier amounts are stored: amounts up to that day
     * are closed, a later one starts running totals.
     */
    public static Accumulated accumulate(RunningTotals running, List<DayTotal> bookings, LocalDate legacyDay) {
        if (bookings.isEmpty()) {
            return new Accumulated(running, List.of());
        }
        LocalDate latest = bookings.stream().map(DayTotal::date).max(Comparator.naturalOrder()).orElseThrow();
        List<DayTotal> closed = new ArrayList<>();
        List<DayTotal> current = new ArrayList<>();
        LocalDate day;
        if (running.legacy()) {
            if (!latest.isAfter(legacyDay)) {
                return new Accumulated(running, merge(bookings));
            }
            day = latest;
        } else if (running.date() == null || !latest.isAfter(running.date())) {
            day = running.date() == null ? latest : running.date();
            current.addAll(running.rows());
        } else {
            day = latest;
            closed.addAll(running.rows());
        }
        for (DayTotal booking : bookings) {
            (booking.date().equals(day) ? current : closed).add(booking);
        }
        return new Accumulated(RunningTotals.of(day, merge(current)), merge(closed));
    }

    /** A day total as a report shows it: its whole seconds, rounded within its agent-day. */
    public record Rounded(DayTotal total, long seconds) {
    }

    /**
     * Whole seconds per row, rounded per agent-day by the largest-remainder method: each agent-day's rows add up to
     * its wall time rounded to the nearest second (half up), and each row is its milliseconds rounded down or up
     * (so within a second of it). Rows keep their order.
     */
    public static List<Rounded> rounded(List<DayTotal> rows) {
        Map<String, List<Integer>> byAgentDay = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            DayTotal r = rows.get(i);
            byAgentDay.computeIfAbsent(r.agentId() + "#" + r.date(), k -> new ArrayList<>()).add(i);
        }
        long[] seconds = new long[rows.size()];
        for (List<Integer> group : byAgentDay.values()) {
            long wall = 0;
            long floors = 0;
            for (int i : group) {
                long ms = Math.max(0, rows.get(i).millis());
                wall += ms;
                seconds[i] = ms / 1000;
                floors += seconds[i];
            }
            long missing = (wall + 500) / 1000 - floors;
            List<Integer> byRemainder = new ArrayList<>(group);
            byRemainder.sort(Comparator.<Integer>comparingLong(i -> -(Math.max(0, rows.get(i).millis()) % 1000))
                    .thenComparing(i -> rows.get(i).stateId()));
            for (int k = 0; k < missing; k++) {
                seconds[byRemainder.get(k)]++;
            }
        }
        List<Rounded> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            result.add(new Rounded(rows.get(i), seconds[i]));
        }
        return result;
    }
}
