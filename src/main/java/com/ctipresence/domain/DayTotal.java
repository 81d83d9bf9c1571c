package com.ctipresence.domain;

import java.time.LocalDate;

/**
 * Milliseconds an agent spent in a state on one local day of the call center (the manual's time-tracking
 * "custom object" row), or an amount to add to such a row. {@code removed} marks, in reports, a state no longer
 * in the configuration (its label is then the last one it had). Reports show whole seconds rounded per agent-day
 * ({@link TimeLedger#rounded}).
 */
public record DayTotal(String agentId, LocalDate date, String stateId, String label, int presenceStatus,
                       long millis, boolean removed) {

    public DayTotal(String agentId, LocalDate date, String stateId, String label, int presenceStatus, long millis) {
        this(agentId, date, stateId, label, presenceStatus, millis, false);
    }

    public String key() {
        return date + "#" + agentId + "#" + stateId;
    }

    public DayTotal plus(long moreMillis) {
        return new DayTotal(agentId, date, stateId, label, presenceStatus, millis + moreMillis, removed);
    }

    /** The same amount under another label (the last label a booking saw wins, as in the stored rows). */
    DayTotal labelled(String newLabel, int newStatus) {
        return new DayTotal(agentId, date, stateId, newLabel, newStatus, millis, removed);
    }
}
