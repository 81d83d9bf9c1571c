package com.ctipresence.application.service;

import com.ctipresence.domain.AgentPresence;

import java.util.Map;

/**
 * An agent's presence as read at one instant: whole seconds in the current state so far, and seconds per state
 * id on the call center's current local day (stored totals plus the part not yet booked).
 */
public record PresenceView(AgentPresence presence, long secondsInState, Map<String, Long> today) {
}
