package com.ctipresence.application.port.out;

import com.ctipresence.domain.AgentPresence;

import java.time.Instant;

/** A call event already applied, with the presence it produced, so that a repeat answers the same. */
public record ProcessedEvent(String callCenterId, String agentId, String eventId, String fingerprint,
                             AgentPresence result, Instant processedAt) {
}
