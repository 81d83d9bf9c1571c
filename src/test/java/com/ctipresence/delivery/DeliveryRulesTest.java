package com.ctipresence.delivery;

import com.ctipresence.adapter.in.lambda.DeliveryEvent;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.domain.FieldError;
import com.ctipresence.domain.PbxMode;
import com.ctipresence.domain.PresenceState;
import com.ctipresence.domain.PresenceStatus;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.ctipresence.domain.delivery.DeliveryDraft;
import com.ctipresence.domain.delivery.TeamsPresence;
import com.ctipresence.domain.delivery.UrlCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery configuration's rules, the default Teams mapping and the delivery function's event, without I/O. */
class DeliveryRulesTest {
    static final String GUID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

    private static List<FieldError> errors(DeliveryDraft draft, PbxMode mode, boolean omni) {
        List<FieldError> errors = new ArrayList<>();
        draft.validate(mode, omni, UrlCheck.SHAPE, errors);
        return errors;
    }

    @Test
    void secretRefsAreNamesNeverValues() {
        for (String ok : List.of("CTI_PBX_SECRET", "_X", "A1",
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:cti/pbx-AbCdEf")) {
            assertThat(errors(new DeliveryDraft(new DeliveryDraft.WebhookDraft("https://p.example.com", ok), null,
                    null, null), PbxMode.DIAL_COMMAND, false)).as(ok).isEmpty();
        }
        for (String bad : List.of("s3cr3t", "hunter2!", "Bearer abc", "cti_pbx", "1ABC", "arn:aws:s3:::bucket",
                "A".repeat(200))) {
            assertThat(errors(new DeliveryDraft(new DeliveryDraft.WebhookDraft("https://p.example.com", bad), null,
                    null, null), PbxMode.DIAL_COMMAND, false)).as(bad).extracting(FieldError::field)
                    .containsExactly("delivery.pbxWebhook.secretRef");
        }
    }

    @Test
    void webhooksBelongToTheirPbxModeAndOmniChannelNeedsSalesforce() {
        DeliveryDraft both = new DeliveryDraft(new DeliveryDraft.WebhookDraft("https://p.example.com", "P"),
                new DeliveryDraft.WebhookDraft("https://s.example.com", "S"), null, null);
        assertThat(errors(both, PbxMode.NOT_SENT, true)).extracting(FieldError::field)
                .containsExactly("delivery.pbxWebhook", "delivery.skype", "delivery.salesforce");
        assertThat(errors(both, PbxMode.DIAL_COMMAND, false)).extracting(FieldError::field)
                .containsExactly("delivery.skype");
    }

    @Test
    void teamsAndSalesforceGetTheirDefaultsAndEveryBadFieldIsNamed() {
        List<FieldError> errors = new ArrayList<>();
        DeliveryConfig config = new DeliveryDraft(null, null, new DeliveryDraft.TeamsDraft(GUID, GUID, "T", null),
                new DeliveryDraft.SalesforceDraft("https://acme.my.salesforce.com/", "key", "S", null, null, null))
                .validate(PbxMode.NOT_SENT, true, UrlCheck.SHAPE, errors);
        assertThat(errors).isEmpty();
        assertThat(config.teams().expirationMinutes()).isEqualTo(60);
        assertThat(config.salesforce().myDomainUrl()).isEqualTo("https://acme.my.salesforce.com");
        assertThat(config.salesforce().platformEvent()).isEqualTo("CTI_Presence_Change__e");

        assertThat(errors(new DeliveryDraft(null, null, new DeliveryDraft.TeamsDraft("x", null, null, 4),
                new DeliveryDraft.SalesforceDraft(null, "k", "S", "Bad__c", "My_Object__c", "Ext__Id__c")),
                PbxMode.NOT_SENT, false)).extracting(FieldError::field).containsExactly(
                "delivery.teams.tenantId", "delivery.teams.clientId", "delivery.teams.clientSecretRef",
                "delivery.teams.expirationMinutes", "delivery.salesforce.myDomainUrl",
                "delivery.salesforce.platformEvent", "delivery.salesforce.externalIdField");
    }

    @Test
    void theUrlPolicyDecidesAndItsReasonIsTheFieldsMessage() {
        List<FieldError> errors = new ArrayList<>();
        new DeliveryDraft(new DeliveryDraft.WebhookDraft("https://p.example.com/x", "P"), null, null, null)
                .validate(PbxMode.DIAL_COMMAND, false, url -> Optional.of("is not allowed here"), errors);
        assertThat(errors).containsExactly(new FieldError("delivery.pbxWebhook.url", "is not allowed here"));
    }

    @Test
    void statesMapToTheTeamsPairsGraphAcceptsByStatusOrSkypeCode() {
        assertThat(TeamsPresence.defaultFor(state(1, null), PbxMode.DIAL_COMMAND)).isEqualTo(TeamsPresence.AVAILABLE);
        assertThat(TeamsPresence.defaultFor(state(6, null), PbxMode.DIAL_COMMAND)).isEqualTo(TeamsPresence.IN_A_CALL);
        assertThat(TeamsPresence.defaultFor(state(4, null), PbxMode.DIAL_COMMAND))
                .isEqualTo(TeamsPresence.DO_NOT_DISTURB);
        assertThat(TeamsPresence.defaultFor(state(3, null), PbxMode.DIAL_COMMAND)).isEqualTo(TeamsPresence.AWAY);
        assertThat(TeamsPresence.defaultFor(state(5, null), PbxMode.DIAL_COMMAND)).isEqualTo(TeamsPresence.AWAY);
        assertThat(TeamsPresence.defaultFor(state(2, null), PbxMode.DIAL_COMMAND)).isNull();
        assertThat(TeamsPresence.defaultFor(state(7, null), PbxMode.DIAL_COMMAND)).isNull();
        // Skype codes: 6500 Busy on a Ready-like status is still Busy; 18500 Offline clears
        assertThat(TeamsPresence.defaultFor(state(1, "6500"), PbxMode.SKYPE_FOR_BUSINESS))
                .isEqualTo(TeamsPresence.IN_A_CALL);
        assertThat(TeamsPresence.defaultFor(state(3, "12500"), PbxMode.SKYPE_FOR_BUSINESS))
                .isEqualTo(TeamsPresence.AWAY);
        assertThat(TeamsPresence.defaultFor(state(1, "18500"), PbxMode.SKYPE_FOR_BUSINESS)).isNull();
        assertThat(TeamsPresence.defaultFor(state(4, "9500"), PbxMode.SKYPE_FOR_BUSINESS))
                .isEqualTo(TeamsPresence.DO_NOT_DISTURB);
        for (PresenceStatus status : PresenceStatus.values()) {
            TeamsPresence pair = TeamsPresence.defaultFor(state(status.code(), null), PbxMode.NOT_SENT);
            assertThat(pair == null || pair.allowed()).isTrue();
        }
        assertThat(new TeamsPresence("Busy", "Busy").allowed()).isFalse();
        assertThat(new TeamsPresence("Available", "Available").allowed()).isTrue();
    }

    private static PresenceState state(int status, String reasonCode) {
        return new PresenceState("s", "S", reasonCode, PresenceStatus.ofCode(status));
    }

    @Test
    void theDeliveryFunctionReadsTheItemKeysOfAStreamBatch() throws Exception {
        DeliveryEvent event = new ObjectMapper().readValue("""
                {"Records":[
                  {"eventName":"MODIFY","eventSource":"aws:dynamodb","dynamodb":{"Keys":{
                     "callCenterId":{"S":"acme"},"itemKey":{"S":"agent.1@x#TEAMS"}},"NewImage":{"status":{"S":"PENDING"}}}},
                  {"eventName":"INSERT","dynamodb":{"Keys":{"callCenterId":{"S":"acme"},"itemKey":{"S":"#time"}}}},
                  {"eventName":"INSERT","dynamodb":{"Keys":{"callCenterId":{"S":"acme"},"itemKey":{"S":"a1#profile"}}}},
                  {"eventName":"REMOVE"}]}""", DeliveryEvent.class);
        assertThat(event.items()).containsExactly(
                new DeliveryEvent.Item("acme", "agent.1@x", DeliveryTarget.TEAMS),
                new DeliveryEvent.Item("acme", null, DeliveryTarget.SALESFORCE_TIME));
        assertThat(new ObjectMapper().readValue("{}", DeliveryEvent.class).records()).isNull();
    }
}
