package com.ctipresence.domain;

/** One configured presence state: what the agent sees (label), what is sent on (reason code) and its status. */
public record PresenceState(String id, String label, String reasonCode, PresenceStatus status) {
}
