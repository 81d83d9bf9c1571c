package com.ctipresence.application.port.out;

import com.ctipresence.domain.DayTotal;

import java.time.LocalDate;
import java.util.List;

/** The stored day totals (they are written together with the agent, see {@link AgentRepository#commit}). */
public interface TimeTotalsRepository {
    /** Rows of the call center for {@code from <= date <= to}, of one agent if {@code agentId} is not null. */
    List<DayTotal> find(String callCenterId, LocalDate from, LocalDate to, String agentId);
}
