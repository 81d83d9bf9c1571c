package com.ctipresence.domain.delivery;

/**
 * What one state is sent on as, per target, where it is configured (null: the default). {@code omniChannelStatusId}:
 * the Salesforce ServicePresenceStatus id (15 or 18 characters, prefix 0N5); {@code teams}: an explicit Teams pair
 * (one of {@link TeamsPresence#ALLOWED}).
 */
public record StateTargets(String omniChannelStatusId, TeamsPresence teams) {

    public static final StateTargets NONE = new StateTargets(null, null);

    public boolean isEmpty() {
        return omniChannelStatusId == null && teams == null;
    }
}
