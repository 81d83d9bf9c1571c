package com.ctipresence.domain;

import java.util.List;

/**
 * The outcome of applying one command to an agent, to be stored at once: {@code before} is null for an agent
 * seen for the first time; {@code transitions} are the state changes in order (an overdue wrap-up expiry may
 * precede the command's own); {@code bookings} the time to add to the day totals for the intervals this change
 * closes (milliseconds, per local day and state: already added to {@code after}'s running totals where they fall
 * on its running day); {@code closed} the amounts to add to the stored day totals, of days that are not the
 * agent's running day (the previous running day when a later one starts: the midnight roll-over). When nothing
 * changed at all, {@code after == before}.
 */
public record Change(AgentPresence before, AgentPresence after, List<Transition> transitions,
                     List<DayTotal> bookings, List<DayTotal> closed) {

    public Change {
        transitions = List.copyOf(transitions);
        bookings = List.copyOf(bookings);
        closed = List.copyOf(closed);
    }

    public static Change none(AgentPresence current) {
        return new Change(current, current, List.of(), List.of(), List.of());
    }

    /**
     * Only the agent's time accounting moved ({@code accountedUntil} and its running totals): no new version, no
     * history entry, nothing closed. A store can write this as a single-item update.
     */
    public boolean checkpointOnly() {
        return changed() && before != null && before.version() == after.version() && transitions.isEmpty()
                && closed.isEmpty();
    }

    public boolean changed() {
        return after != before;
    }

    /** True when this change started a wrap-up that must be timed. */
    public boolean startsWrapUp() {
        return after != null && after.wrapUpId() != null
                && (before == null || !after.wrapUpId().equals(before.wrapUpId()));
    }
}
