package com.ctipresence.application.service;

import com.ctipresence.domain.AgentPresence;

import java.util.Map;

/**
 * An agent's presence as read at one instant: whole seconds in the current state so far, and per state id on the
 * call center's current local day (the agent's running totals plus the part not yet booked) the seconds, rounded
 * so that they add up to the day's rounded wall time, and the exact milliseconds; {@code extras} the display name,
 * dial command and delivery status (null where not read).
 */
public record PresenceView(AgentPresence presence, long secondsInState, Map<String, Long> today,
                           Map<String, Long> todayMillis, AgentExtras extras) {

    public PresenceView(AgentPresence presence, long secondsInState, Map<String, Long> today,
                        Map<String, Long> todayMillis) {
        this(presence, secondsInState, today, todayMillis, null);
    }

    public PresenceView(AgentPresence presence, long secondsInState, Map<String, Long> today) {
        this(presence, secondsInState, today, null, null);
    }

    public PresenceView withExtras(AgentExtras extras) {
        return new PresenceView(presence, secondsInState, today, todayMillis, extras);
    }
}
