package com.ctipresence.domain.delivery;

/**
 * Where a call center's presence is sent on, every part optional (null: not configured). Secrets are never held
 * here, only referenced by name ({@code *SecretRef}: an environment variable name locally, a Secrets Manager ARN on
 * AWS).
 *
 * @param pbxWebhook  with {@code pbxMode=DIAL_COMMAND}: a PBX integration's webhook that receives each change signed
 * @param skype       with {@code pbxMode=SKYPE_FOR_BUSINESS}: the connector webhook that receives the availability code
 * @param teams       Microsoft Teams presence through Microsoft Graph
 * @param salesforce  the org used for Omni-Channel (with {@code omniChannelEnabled}) and for the time-tracking object
 *                    (with {@code timeTrackingEnabled})
 */
public record DeliveryConfig(Webhook pbxWebhook, Webhook skype, Teams teams, Salesforce salesforce) {

    public static final DeliveryConfig NONE = new DeliveryConfig(null, null, null, null);

    /** An HTTPS endpoint that receives JSON signed with HMAC-SHA256 under the referenced secret. */
    public record Webhook(String url, String secretRef) {
    }

    /**
     * An Entra ID app registration allowed to set presence ({@code Presence.ReadWrite.All}, application permission).
     * {@code expirationMinutes}: how long one session presence lasts in Graph (5–240) before it must be refreshed.
     */
    public record Teams(String tenantId, String clientId, String clientSecretRef, int expirationMinutes) {
    }

    /**
     * A connected app with the client-credentials flow enabled on the org's My Domain ({@code https://x.my.salesforce.com}).
     * {@code platformEvent}: the Platform Event's API name (e.g. {@code CTI_Presence_Change__e}); {@code timeObject}
     * and {@code externalIdField}: the custom object the day totals are upserted into and its external id field.
     */
    public record Salesforce(String myDomainUrl, String clientId, String clientSecretRef, String platformEvent,
                             String timeObject, String externalIdField) {
    }
}
