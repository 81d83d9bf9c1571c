package com.ctipresence.application.port.out.delivery;

import java.time.Instant;

/**
 * One agent's presence as it is to be sent to one target, everything resolved: the state, the agent's profile
 * fields the target needs (null when not in the profile) and the per-state target values.
 *
 * @param version             the agent's presence version this is the state of (orders deliveries of one agent)
 * @param at                  when the state began
 * @param teamsAvailability   the Graph availability for this state (e.g. Available, Busy, Away, DoNotDisturb)
 * @param teamsActivity       the Graph activity paired with it (e.g. Available, InACall, InAConferenceCall, Away,
 *                            Presenting)
 * @param teamsClear          true for Logout/Offline: clear the app's session presence instead of setting one
 * @param omniChannelStatusId the Salesforce ServicePresenceStatus id configured for this state, or null
 */
public record PresenceDelivery(
        String callCenterId,
        String agentId,
        long version,
        Instant at,
        String stateId,
        String label,
        String reasonCode,
        int presenceStatus,
        String extension,
        String sipAddress,
        String entraUserId,
        String salesforceUserId,
        String teamsAvailability,
        String teamsActivity,
        boolean teamsClear,
        String omniChannelStatusId) {
}
