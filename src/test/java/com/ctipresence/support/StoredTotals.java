package com.ctipresence.support;

import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.port.out.TimeTotalsRepository;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.domain.TimeLedger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the store holds as booked time (not the read-time projection): the day-total rows of closed days plus the
 * running totals on the agent items, merged per agent, day and state, in milliseconds.
 */
public final class StoredTotals {
    private StoredTotals() {
    }

    /** Of one agent ({@code agentId}) or the whole call center (null), for {@code from <= date <= to}. */
    public static List<DayTotal> of(AgentRepository agents, TimeTotalsRepository totals, String callCenterId,
                                    String agentId, LocalDate from, LocalDate to) {
        List<DayTotal> rows = new ArrayList<>(totals.find(callCenterId, from, to, agentId));
        List<AgentPresence> holders = agentId == null ? agents.findByCallCenter(callCenterId)
                : agents.find(callCenterId, agentId).map(List::of).orElse(List.of());
        for (AgentPresence agent : holders) {
            agent.running().rows().stream().filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to))
                    .forEach(rows::add);
        }
        return TimeLedger.merge(rows);
    }
}
