package com.ctipresence.application.service;

import com.ctipresence.application.port.out.delivery.DeliveryStatus;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.Outbox;
import com.ctipresence.application.port.out.delivery.OutboxItem;
import com.ctipresence.application.delivery.DeliveryPlan;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.PbxMode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a presence answer shows beyond the presence: the agent's display name (profile), the dial command for the
 * softphone (pbxMode DIAL_COMMAND: the state's reason code) and, per enabled target, where the delivery stands.
 */
public record AgentExtras(String displayName, String pbxCommand, Map<String, TargetStatus> delivery) {

    /** One target's delivery of the agent's latest version it holds. */
    public record TargetStatus(DeliveryStatus status, long version, int attempts, String lastError) {
    }

    static AgentExtras of(CallCenterConfig config, AgentPresence shown, Outbox.AgentTargets targets) {
        String pbxCommand = config.pbxMode() == PbxMode.DIAL_COMMAND ? shown.state().reasonCode() : null;
        Map<String, TargetStatus> delivery = new LinkedHashMap<>();
        if (targets != null) {
            for (DeliveryTarget target : DeliveryPlan.targets(config)) {
                targets.items().stream().filter(i -> i.target() == target).findFirst()
                        .ifPresent(i -> delivery.put(target.key(), status(i)));
            }
        }
        String name = targets == null || targets.profile() == null ? null : targets.profile().displayName();
        return new AgentExtras(name, pbxCommand, delivery.isEmpty() ? null : Map.copyOf(delivery));
    }

    private static TargetStatus status(OutboxItem i) {
        return new TargetStatus(i.status(), i.version(), i.attempts(), i.lastError());
    }
}
