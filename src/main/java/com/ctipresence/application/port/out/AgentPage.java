package com.ctipresence.application.port.out;

import com.ctipresence.domain.AgentPresence;

import java.util.List;

/**
 * One page of a call center's agents in agent id order, and the id to continue after ({@code null}: this was the
 * last page).
 */
public record AgentPage(List<AgentPresence> agents, String continueAfter) {
    public AgentPage {
        agents = List.copyOf(agents);
    }
}
