package com.ctipresence.domain;

import java.time.LocalDate;

/**
 * Whole seconds an agent spent in a state on one local day of the call center (the manual's time-tracking
 * "custom object" row), or an amount to add to such a row.
 */
public record DayTotal(String agentId, LocalDate date, String stateId, String label, int presenceStatus,
                       long seconds) {

    public String key() {
        return date + "#" + agentId + "#" + stateId;
    }

    public DayTotal plus(long more) {
        return new DayTotal(agentId, date, stateId, label, presenceStatus, seconds + more);
    }
}
