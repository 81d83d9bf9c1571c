package com.ctipresence.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.ctipresence.support.Api.asAdmin;
import static com.ctipresence.support.Api.asAgent;
import static com.ctipresence.support.Api.asSupervisor;
import static com.ctipresence.support.Api.putConfig;
import static com.ctipresence.support.Api.setState;
import static com.ctipresence.support.Api.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The delivery configuration, agent profiles and the delivery part of presence answers, over HTTP. */
@QuarkusTest
class DeliveryApiTest {
    static final String TENANT = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    static final String CLIENT = "11111111-2222-3333-4444-555555555555";
    static final String ENTRA_USER = "7a1f0c3e-5b2d-4c8e-9f10-2a3b4c5d6e7f";

    static String config(String pbxMode, boolean omniChannel, String delivery) {
        return """
                {"name":"Delivery","timeZone":"Europe/Berlin","pbxMode":"%s","omniChannelEnabled":%b,
                 "states":[{"id":"ready","label":"Ready","reasonCode":"*60","presenceStatus":1,
                            "omniChannelStatusId":"0N5000000000001AAA"},
                           {"id":"dnd","label":"Do Not Disturb","reasonCode":"*61","presenceStatus":4,
                            "teams":{"availability":"Busy","activity":"InAConferenceCall"}},
                           {"id":"offline","label":"Offline","presenceStatus":2}]%s}
                """.formatted(pbxMode, omniChannel, delivery == null ? "" : ",\"delivery\":" + delivery);
    }

    static String webhook(String url) {
        return "{\"pbxWebhook\":{\"url\":\"" + url + "\",\"secretRef\":\"CTI_PBX_SECRET\"}}";
    }

    static final String EVERY_TARGET = """
            {"pbxWebhook":{"url":"https://pbx.example.com/cti/presence","secretRef":"CTI_PBX_SECRET"},
             "teams":{"tenantId":"%s","clientId":"%s","clientSecretRef":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:cti/teams-AbC123"},
             "salesforce":{"myDomainUrl":"https://acme.my.salesforce.com","clientId":"3MVG9abc.def",
                           "clientSecretRef":"CTI_SF_SECRET"}}""".formatted(TENANT, CLIENT);

    @Test
    void everyTargetIsConfiguredWithDefaultsAndReadBackAsStored() {
        String cc = uniqueId("dlv");
        putConfig(cc, config("DIAL_COMMAND", true, EVERY_TARGET)).statusCode(200)
                .body("delivery.pbxWebhook.url", equalTo("https://pbx.example.com/cti/presence"))
                .body("delivery.teams.expirationMinutes", equalTo(60))
                .body("delivery.salesforce.platformEvent", equalTo("CTI_Presence_Change__e"))
                .body("delivery.salesforce.timeObject", equalTo("CTI_Presence_Time__c"))
                .body("delivery.salesforce.externalIdField", equalTo("External_Id__c"));
        String stored = asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(200)
                .body("delivery.teams.clientSecretRef", containsString("secretsmanager"))
                .body("states[0].omniChannelStatusId", equalTo("0N5000000000001AAA"))
                .body("states[1].teams.activity", equalTo("InAConferenceCall"))
                .body("states[2]", not(hasKey("teams")))
                .extract().asString();
        putConfig(cc, stored).statusCode(200); // what GET answers can be put back
    }

    @Test
    void anAdminCannotPointATargetIntoTheNetworkAndNothingChanges() {
        String cc = uniqueId("dlv");
        putConfig(cc, config("DIAL_COMMAND", false, null)).statusCode(200);
        String before = asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().extract().asString();
        for (List<String> bad : List.of(
                List.of("http://169.254.169.254/latest/meta-data/", "link-local address (cloud metadata)"),
                List.of("https://169.254.169.254/latest/meta-data/", "link-local"),
                List.of("http://10.0.0.1/hook", "private network address"),
                List.of("https://10.0.0.1/hook", "private network address"),
                List.of("http://pbx.example.com/hook", "must use https"),
                List.of("ftp://pbx.example.com/hook", "https URL"),
                List.of("https://[::ffff:169.254.169.254]/", "link-local"),
                List.of("https://metadata.google.internal/", "metadata"),
                List.of("https://user:pw@pbx.example.com/", "user info"))) {
            putConfig(cc, config("DIAL_COMMAND", false, webhook(bad.get(0)))).statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("delivery.pbxWebhook.url"))
                    .body("errors[0].message", containsString(bad.get(1)));
        }
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(200).body(equalTo(before));
    }

    @Test
    void everyBadDeliveryFieldIsNamedAtOnce() {
        String cc = uniqueId("dlv");
        String delivery = """
                {"pbxWebhook":{"url":"http://10.0.0.1/x","secretRef":"s3cr3t-value!"},
                 "skype":{"url":"https://sfb.example.com/x","secretRef":"CTI_SFB"},
                 "teams":{"tenantId":"acme","clientId":"%s","clientSecretRef":"CTI_TEAMS","expirationMinutes":300},
                 "salesforce":{"myDomainUrl":"https://192.168.1.10","clientId":"x","clientSecretRef":"CTI_SF",
                               "platformEvent":"Presence"}}""".formatted(CLIENT);
        putConfig(cc, config("DIAL_COMMAND", true, delivery).replace("0N5000000000001AAA", "005000000000001AAA")
                .replace("InAConferenceCall", "Busy")).statusCode(400)
                .body("errors.field", containsInAnyOrder("delivery.pbxWebhook.url", "delivery.pbxWebhook.secretRef",
                        "delivery.skype", "delivery.teams.tenantId", "delivery.teams.expirationMinutes",
                        "delivery.salesforce.myDomainUrl", "delivery.salesforce.platformEvent",
                        "states[0].omniChannelStatusId", "states[1].teams"));
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(404);
    }

    @Test
    void omniChannelNeedsASalesforceOrgOnceDeliveryIsConfiguredButOlderConfigurationsStayValid() {
        String cc = uniqueId("dlv");
        putConfig(cc, config("DIAL_COMMAND", true, webhook("https://pbx.example.com/h"))).statusCode(400)
                .body("errors.field", contains("delivery.salesforce"))
                .body("errors[0].message", containsString("omniChannelEnabled"));
        putConfig(cc, config("DIAL_COMMAND", true, null)).statusCode(200).body("$", not(hasKey("delivery")));
    }

    @Test
    void profilesAreAnAdminsToWriteAndAnAgentReadsItsOwn() {
        String cc = uniqueId("dlv");
        putConfig(cc, config("DIAL_COMMAND", false, null)).statusCode(200);
        String profile = """
                {"displayName":"Ada Lovelace","extension":"4711","sipAddress":"sip:ada@example.com",
                 "entraUserId":"%s","salesforceUserId":"005000000000001"}""".formatted(ENTRA_USER);
        asAgent(cc, "a1").contentType(ContentType.JSON).body(profile)
                .put("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a1").then().statusCode(403);
        asAdmin(cc).contentType(ContentType.JSON).body(profile)
                .put("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a1").then().statusCode(200)
                .body("displayName", equalTo("Ada Lovelace")).body("agentId", equalTo("a1"));
        asAgent(cc, "a1").get("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a1").then().statusCode(200)
                .body("extension", equalTo("4711")).body("entraUserId", equalTo(ENTRA_USER));
        asSupervisor(cc).get("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a1").then().statusCode(200)
                .body("salesforceUserId", equalTo("005000000000001"));
        asAgent(cc, "a2").get("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a1").then().statusCode(403);
        asAgent(cc, "a2").get("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a2").then().statusCode(200)
                .body("$", not(hasKey("displayName")));

        asAdmin(cc).contentType(ContentType.JSON).body("""
                        {"displayName":"","extension":"12a","sipAddress":"ada@example.com","entraUserId":"nope",
                         "salesforceUserId":"0N5000000000001"}""")
                .put("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("displayName", "extension", "sipAddress", "entraUserId",
                        "salesforceUserId"));
        asAdmin(cc).contentType(ContentType.JSON).body("{\"displayName\":\"A\",\"nickname\":\"x\"}")
                .put("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a1").then().statusCode(400)
                .body("errors.field", hasItem("nickname"));
        asAdmin(cc).get("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a1").then().statusCode(200)
                .body("displayName", equalTo("Ada Lovelace")); // unchanged
    }

    @Test
    void thePresenceAnswerCarriesTheDialCommandTheDisplayNameAndTheDeliveryStatus() {
        String cc = uniqueId("dlv");
        putConfig(cc, config("DIAL_COMMAND", false, webhook("https://pbx.example.com/cti"))).statusCode(200);
        asAdmin(cc).contentType(ContentType.JSON).body("{\"displayName\":\"Ada\",\"extension\":\"4711\"}")
                .put("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a1").then().statusCode(200);
        int version = setState(cc, "a1", "dnd").statusCode(200)
                .body("pbxCommand", equalTo("*61"))
                .body("displayName", equalTo("Ada"))
                .body("delivery.pbx.status", equalTo("PENDING"))
                .body("delivery.pbx.attempts", equalTo(0))
                .body("delivery.pbx.lastError", nullValue())
                .body("delivery", not(hasKey("teams")))
                .extract().path("version");
        asAgent(cc, "a1").get("/v1/call-centers/{cc}/agents/{a}/presence", cc, "a1").then().statusCode(200)
                .body("delivery.pbx.version", equalTo(version));
        asSupervisor(cc).get("/v1/call-centers/{cc}/agents", cc).then().statusCode(200)
                .body("[0].displayName", equalTo("Ada"))
                .body("[0].pbxCommand", equalTo("*61"))
                .body("[0].delivery.pbx.version", equalTo(version));

        String plain = uniqueId("dlv");
        putConfig(plain, config("NOT_SENT", false, null)).statusCode(200);
        setState(plain, "a1", "dnd").statusCode(200)
                .body("$", not(hasKey("pbxCommand"))).body("$", not(hasKey("delivery")));
    }
}
