package com.ctipresence.adapter.in.api;

import com.ctipresence.domain.delivery.DeliveryConfig;
import com.ctipresence.domain.delivery.DeliveryDraft;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code delivery} object of a configuration: where presence is sent on. Secrets only by reference. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@Schema(name = "Delivery", description = "Where presence is sent on; every part optional. Secrets are referenced by "
        + "name (an environment variable name locally, a Secrets Manager ARN on AWS), never stored")
public record DeliveryDto(
        @Schema(description = "With pbxMode DIAL_COMMAND: a webhook receiving each change, signed (HMAC-SHA256)")
        WebhookDto pbxWebhook,
        @Schema(description = "With pbxMode SKYPE_FOR_BUSINESS: the connector webhook receiving the availability code")
        WebhookDto skype,
        @Schema(description = "Microsoft Teams presence through Microsoft Graph (client credentials)")
        TeamsDto teams,
        @Schema(description = "The Salesforce org: Omni-Channel (omniChannelEnabled) and the time-tracking object "
                + "(timeTrackingEnabled); required when omniChannelEnabled is true and delivery is sent")
        SalesforceDto salesforce) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DeliveryWebhook")
    public record WebhookDto(
            @Schema(description = "https URL; no private, link-local or loopback address",
                    example = "https://pbx.example.com/cti/presence") String url,
            @Schema(description = "Name of the HMAC secret: env var name or Secrets Manager ARN",
                    example = "CTI_PBX_SECRET") String secretRef) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DeliveryTeams")
    public record TeamsDto(
            @Schema(description = "Entra ID tenant id (GUID)") String tenantId,
            @Schema(description = "App registration client id (GUID); also the Graph session id") String clientId,
            @Schema(description = "Name of the client secret", example = "CTI_TEAMS_SECRET") String clientSecretRef,
            @Schema(description = "Session presence lifetime, 5-240 minutes; default 60", minimum = "5",
                    maximum = "240") Integer expirationMinutes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DeliverySalesforce")
    public record SalesforceDto(
            @Schema(description = "The org's My Domain URL", example = "https://acme.my.salesforce.com")
            String myDomainUrl,
            @Schema(description = "Connected app consumer key") String clientId,
            @Schema(description = "Name of the consumer secret", example = "CTI_SF_SECRET") String clientSecretRef,
            @Schema(description = "Platform Event API name; default CTI_Presence_Change__e") String platformEvent,
            @Schema(description = "Time-tracking custom object; default CTI_Presence_Time__c") String timeObject,
            @Schema(description = "Its external id field; default External_Id__c") String externalIdField) {
    }

    DeliveryDraft toDraft() {
        return new DeliveryDraft(
                pbxWebhook == null ? null : new DeliveryDraft.WebhookDraft(pbxWebhook.url(), pbxWebhook.secretRef()),
                skype == null ? null : new DeliveryDraft.WebhookDraft(skype.url(), skype.secretRef()),
                teams == null ? null : new DeliveryDraft.TeamsDraft(teams.tenantId(), teams.clientId(),
                        teams.clientSecretRef(), teams.expirationMinutes()),
                salesforce == null ? null : new DeliveryDraft.SalesforceDraft(salesforce.myDomainUrl(),
                        salesforce.clientId(), salesforce.clientSecretRef(), salesforce.platformEvent(),
                        salesforce.timeObject(), salesforce.externalIdField()));
    }

    static DeliveryDto from(DeliveryDraft d) {
        if (d == null) {
            return null;
        }
        return new DeliveryDto(
                d.pbxWebhook() == null ? null : new WebhookDto(d.pbxWebhook().url(), d.pbxWebhook().secretRef()),
                d.skype() == null ? null : new WebhookDto(d.skype().url(), d.skype().secretRef()),
                d.teams() == null ? null : new TeamsDto(d.teams().tenantId(), d.teams().clientId(),
                        d.teams().clientSecretRef(), d.teams().expirationMinutes()),
                d.salesforce() == null ? null : new SalesforceDto(d.salesforce().myDomainUrl(),
                        d.salesforce().clientId(), d.salesforce().clientSecretRef(), d.salesforce().platformEvent(),
                        d.salesforce().timeObject(), d.salesforce().externalIdField()));
    }

    static DeliveryDto from(DeliveryConfig d) {
        if (d == null || d.equals(DeliveryConfig.NONE)) {
            return null;
        }
        return new DeliveryDto(
                d.pbxWebhook() == null ? null : new WebhookDto(d.pbxWebhook().url(), d.pbxWebhook().secretRef()),
                d.skype() == null ? null : new WebhookDto(d.skype().url(), d.skype().secretRef()),
                d.teams() == null ? null : new TeamsDto(d.teams().tenantId(), d.teams().clientId(),
                        d.teams().clientSecretRef(), d.teams().expirationMinutes()),
                d.salesforce() == null ? null : new SalesforceDto(d.salesforce().myDomainUrl(),
                        d.salesforce().clientId(), d.salesforce().clientSecretRef(), d.salesforce().platformEvent(),
                        d.salesforce().timeObject(), d.salesforce().externalIdField()));
    }
}
