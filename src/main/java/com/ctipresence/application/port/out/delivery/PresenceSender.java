package com.ctipresence.application.port.out.delivery;

import com.ctipresence.domain.delivery.DeliveryConfig;

/**
 * Sends one agent's presence to one target (outbound port; one adapter per target). Never throws for what the
 * target or the network did: every such outcome is a {@link DeliveryOutcome}.
 */
public interface PresenceSender {

    /** The target this sender serves: one of PBX, SKYPE, TEAMS, OMNI_CHANNEL. */
    DeliveryTarget target();

    DeliveryOutcome send(DeliveryConfig config, PresenceDelivery delivery);
}
