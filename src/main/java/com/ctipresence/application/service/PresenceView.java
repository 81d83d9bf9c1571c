package com.ctipresence.application.service;

import com.ctipresence.domain.AgentPresence;

import java.util.Map;

/**
 * An agent's presence as read at one instant: whole seconds in the current state so far, and seconds per state
 * id on the call center's current local day (stored totals plus the part not yet booked); {@code extras} the
 * display name, dial command and delivery status (null where not read).
 */
public record PresenceView(AgentPresence presence, long secondsInState, Map<String, Long> today, AgentExtras extras) {

    public PresenceView(AgentPresence presence, long secondsInState, Map<String, Long> today) {
        this(presence, secondsInState, today, null);
    }

    public PresenceView withExtras(AgentExtras extras) {
        return new PresenceView(presence, secondsInState, today, extras);
    }
}
