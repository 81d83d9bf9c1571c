package com.ctipresence.application.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.PendingDelivery;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.Change;
import com.ctipresence.domain.PbxMode;
import com.ctipresence.domain.delivery.DeliveryConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Which targets a call center's presence is sent to, and what a commit puts into the outbox. */
public final class DeliveryPlan {
    private DeliveryPlan() {
    }

    /**
     * The enabled agent targets, in a fixed order: PBX with pbxMode DIAL_COMMAND and a pbxWebhook; SKYPE with pbxMode
     * SKYPE_FOR_BUSINESS and a skype connector; TEAMS with teams; OMNI_CHANNEL with omniChannelEnabled and salesforce.
     */
    public static List<DeliveryTarget> targets(CallCenterConfig config) {
        DeliveryConfig d = config.delivery();
        List<DeliveryTarget> targets = new ArrayList<>(4);
        if (config.pbxMode() == PbxMode.DIAL_COMMAND && d.pbxWebhook() != null) {
            targets.add(DeliveryTarget.PBX);
        }
        if (config.pbxMode() == PbxMode.SKYPE_FOR_BUSINESS && d.skype() != null) {
            targets.add(DeliveryTarget.SKYPE);
        }
        if (d.teams() != null) {
            targets.add(DeliveryTarget.TEAMS);
        }
        if (config.omniChannelEnabled() && d.salesforce() != null) {
            targets.add(DeliveryTarget.OMNI_CHANNEL);
        }
        return targets;
    }

    /** The time-tracking object is synced: time tracking on and a Salesforce org configured. */
    public static boolean timeSync(CallCenterConfig config) {
        return config.timeTrackingEnabled() && config.delivery().salesforce() != null;
    }

    /**
     * The outbox items of a commit: one per enabled target holding the new presence, when its version grew (a state
     * change, a call event, a wrap-up expiry); none for a checkpoint that only booked time.
     */
    public static List<PendingDelivery> of(CallCenterConfig config, Change change, Instant now) {
        AgentPresence after = change.after();
        if (after == null || change.before() != null && change.before().version() == after.version()) {
            return List.of();
        }
        List<PendingDelivery> items = new ArrayList<>();
        for (DeliveryTarget target : targets(config)) {
            items.add(new PendingDelivery(target, after.callCenterId(), after.agentId(), after.version(),
                    after.since(), after.state().id(), after.state().label(), after.state().reasonCode(),
                    after.state().status().code(), now));
        }
        return items;
    }
}
