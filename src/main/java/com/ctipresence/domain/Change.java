package com.ctipresence.domain;

/**
 * The outcome of applying one command to an agent: {@code before} is null for an agent seen for the first time;
 * {@code transition} is null when the state itself did not change (e.g. only a call id was noted).
 * When nothing changed at all, {@code after == before}.
 */
public record Change(AgentPresence before, AgentPresence after, Transition transition) {

    public static Change none(AgentPresence current) {
        return new Change(current, current, null);
    }

    public boolean changed() {
        return after != before;
    }

    /** True when this change started a wrap-up that must be timed. */
    public boolean startsWrapUp() {
        return after.wrapUpId() != null && (before == null || !after.wrapUpId().equals(before.wrapUpId()));
    }
}
