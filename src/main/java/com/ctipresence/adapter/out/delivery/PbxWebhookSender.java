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
 * PBX ({@code pbxMode=DIAL_COMMAND} with a webhook): POSTs
 * {@code {callCenterId, agentId, extension, dialCommand, stateId, presenceStatus, version, at}} signed to the
 * configured webhook; {@code dialCommand} is the state's reason code. docs/DELIVERY.md "Targets" has the contract.
 */
@ApplicationScoped
public class PbxWebhookSender implements PresenceSender {

    private final SignedWebhook webhook;

    public PbxWebhookSender(OutboundHttp http, SecretResolver secrets) {
        this.webhook = new SignedWebhook(http, secrets);
    }

    @Override
    public DeliveryTarget target() {
        return DeliveryTarget.PBX;
    }

    @Override
    public DeliveryOutcome send(DeliveryConfig config, PresenceDelivery d) {
        if (OutboundHttp.blank(d.extension())) {
            return new DeliveryOutcome.Failed("agent profile has no extension");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callCenterId", d.callCenterId());
        body.put("agentId", d.agentId());
        body.put("extension", d.extension());
        body.put("dialCommand", d.reasonCode());
        body.put("stateId", d.stateId());
        body.put("presenceStatus", d.presenceStatus());
        body.put("version", d.version());
        body.put("at", OutboundHttp.iso(d.at()));
        return webhook.post(config == null ? null : config.pbxWebhook(), "PBX webhook", d, body);
    }
}
