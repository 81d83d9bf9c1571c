package com.ctipresence.application.service;

/**
 * What a call event did. {@code applied} is false when presence is disabled for the call center: the event was
 * accepted and ignored ({@code presence} is then the agent's current one, or null if the agent is unknown).
 * {@code replayed} is true when the event id had been processed before: nothing changed and {@code presence} is
 * the agent's current presence.
 */
public record CallEventOutcome(PresenceView presence, boolean applied, boolean replayed) {
}
