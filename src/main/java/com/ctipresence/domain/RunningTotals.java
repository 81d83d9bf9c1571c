package com.ctipresence.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The agent's running day totals, kept on the agent itself: milliseconds per state for one local day of the call
 * center ({@code date}, the latest day anything was booked on), so that reading an agent's day needs no other
 * item. When time is booked on a later day, these rows are closed (added to the stored day totals) and the later
 * day starts ({@link TimeLedger#accumulate}).
 *
 * <p>{@link #LEGACY} stands for an agent stored before running totals existed: everything it booked so far is in
 * the stored day totals, and it keeps booking there until its first booking on a later local day, which starts
 * running totals.
 */
public record RunningTotals(LocalDate date, List<DayTotal> rows, boolean legacy) {
    /** Nothing booked yet. */
    public static final RunningTotals NONE = new RunningTotals(null, List.of(), false);
    /** Unknown: the agent's totals are in the stored day totals (written before running totals existed). */
    public static final RunningTotals LEGACY = new RunningTotals(null, List.of(), true);

    public RunningTotals {
        rows = List.copyOf(rows);
        if (legacy && (date != null || !rows.isEmpty())) {
            throw new IllegalArgumentException("legacy running totals hold nothing");
        }
        for (DayTotal row : rows) {
            if (!row.date().equals(date)) {
                throw new IllegalArgumentException("running totals hold one day: " + date + ", not " + row.date());
            }
        }
    }

    public static RunningTotals of(LocalDate date, List<DayTotal> rows) {
        return new RunningTotals(date, rows.stream().sorted(Comparator.comparing(DayTotal::stateId)).toList(),
                false);
    }

    /** The running rows if they are of {@code day} (not legacy), else none. */
    public List<DayTotal> rowsOf(LocalDate day) {
        return !legacy && day.equals(date) ? rows : List.of();
    }
}
