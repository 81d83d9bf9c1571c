package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.PresenceDelivery;
import com.ctipresence.application.port.out.delivery.SecretResolver;
import com.ctipresence.domain.delivery.DeliveryConfig;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * POSTs a JSON body to a webhook, signed (see {@link WebhookSigner}) with the headers {@code X-CTI-Timestamp}
 * (epoch seconds), {@code X-CTI-Signature} and {@code X-CTI-Delivery: <callCenterId>/<agentId>/<version>} (the same
 * for every retry of one version: a receiver can drop duplicates by it).
 */
final class SignedWebhook {

    private final OutboundHttp http;
    private final SecretResolver secrets;

    SignedWebhook(OutboundHttp http, SecretResolver secrets) {
        this.http = http;
        this.secrets = secrets;
    }

    DeliveryOutcome post(DeliveryConfig.Webhook webhook, String what, PresenceDelivery delivery,
                         Map<String, Object> body) {
        try {
            if (webhook == null || OutboundHttp.blank(webhook.url())) {
                return new DeliveryOutcome.Failed("no " + what + " configured");
            }
            URI uri = http.checked(webhook.url());
            String secret = OutboundHttp.secret(secrets, webhook.secretRef());
            String json = Json.write(body);
            long timestamp = http.clock().instant().getEpochSecond();
            HttpRequest request = http.request(uri)
                    .header("Content-Type", "application/json")
                    .header("X-CTI-Timestamp", Long.toString(timestamp))
                    .header("X-CTI-Signature", WebhookSigner.signature(secret, timestamp, json))
                    .header("X-CTI-Delivery",
                            delivery.callCenterId() + "/" + delivery.agentId() + "/" + delivery.version())
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            return http.outcome(http.exchange(request, what), what);
        } catch (DeliveryProblem p) {
            return p.outcome();
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome.Failed(what + ": invalid request: " + OutboundHttp.excerpt(e.getMessage()));
        }
    }
}
