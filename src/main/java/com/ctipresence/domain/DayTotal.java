package com.ctipresence.domain;

import java.time.LocalDate;

/**
 * Whole seconds an agent spent in a state on one local day of the call center (the manual's time-tracking
 * "custom object" row), or an amount to add to such a row. {@code removed} marks, in reports, a state no longer
 * in the configuration (its label is then the last one it had).
 */
public record DayTotal(String agentId, LocalDate date, String stateId, String label, int presenceStatus,
                       long seconds, boolean removed) {

    public DayTotal(String agentId, LocalDate date, String stateId, String label, int presenceStatus, long seconds) {
        this(agentId, date, stateId, label, presenceStatus, seconds, false);
    }

    public String key() {
        return date + "#" + agentId + "#" + stateId;
    }

    public DayTotal plus(long more) {
        return new DayTotal(agentId, date, stateId, label, presenceStatus, seconds + more, removed);
    }
}
