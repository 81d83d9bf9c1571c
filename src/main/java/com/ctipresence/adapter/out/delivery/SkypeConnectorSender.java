package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.PresenceDelivery;
import com.ctipresence.application.port.out.delivery.PresenceSender;
import com.ctipresence.application.port.out.delivery.SecretResolver;
import com.ctipresence.domain.delivery.DeliveryConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Skype for Business ({@code pbxMode=SKYPE_FOR_BUSINESS}), one-way: POSTs
 * {@code {callCenterId, agentId, sipAddress, availability, stateId, label, version, at}} signed to the connector
 * webhook; {@code availability} is the state's reason code, which for Skype is a Skype availability code (manual).
 */
@ApplicationScoped
public class SkypeConnectorSender implements PresenceSender {

    private final SignedWebhook webhook;

    public SkypeConnectorSender(OutboundHttp http, SecretResolver secrets) {
        this.webhook = new SignedWebhook(http, secrets);
    }

    @Override
    public DeliveryTarget target() {
        return DeliveryTarget.SKYPE;
    }

    @Override
    public DeliveryOutcome send(DeliveryConfig config, PresenceDelivery d) {
        if (OutboundHttp.blank(d.sipAddress())) {
            return new DeliveryOutcome.Failed("agent profile has no sipAddress");
        }
        if (OutboundHttp.blank(d.reasonCode())) {
            return new DeliveryOutcome.Failed("state " + d.stateId() + " has no reason code (its Skype availability code)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callCenterId", d.callCenterId());
        body.put("agentId", d.agentId());
        body.put("sipAddress", d.sipAddress());
        body.put("availability", d.reasonCode());
        body.put("stateId", d.stateId());
        body.put("label", d.label());
        body.put("version", d.version());
        body.put("at", OutboundHttp.iso(d.at()));
        return webhook.post(config == null ? null : config.skype(), "Skype connector", d, body);
    }
}
