package com.ctipresence.domain;

import java.util.List;

/**
 * The outcome of applying one command to an agent, to be stored at once: {@code before} is null for an agent
 * seen for the first time; {@code transitions} are the state changes in order (an overdue wrap-up expiry may
 * precede the command's own); {@code bookings} the time to add to the day totals for the intervals this change
 * closes. When nothing changed at all, {@code after == before}.
 */
public record Change(AgentPresence before, AgentPresence after, List<Transition> transitions,
                     List<DayTotal> bookings) {

    public Change {
        transitions = List.copyOf(transitions);
        bookings = List.copyOf(bookings);
    }

    public static Change none(AgentPresence current) {
        return new Change(current, current, List.of(), List.of());
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
