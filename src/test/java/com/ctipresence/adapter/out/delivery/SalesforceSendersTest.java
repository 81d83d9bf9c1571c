package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.TimeRecord;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.ctipresence.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Salesforce: the client-credentials token on the My Domain (one fake), the data calls on the token's instance_url
 * (another fake): the Platform Event for Omni-Channel and the sObject Collections upsert of the time object.
 */
class SalesforceSendersTest {

    private static final String EVENT_PATH = "/services/data/v62.0/sobjects/CTI_Presence_Change__e/";
    private static final String UPSERT_PATH = "/services/data/v62.0/composite/sobjects/CTI_Presence_Time__c/External_Id__c";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireMockServer myDomain;
    private WireMockServer instance;
    private TestClock clock;
    private OmniChannelSender omni;
    private SalesforceTimeSink time;
    private DeliveryConfig config;

    @BeforeEach
    void start() {
        myDomain = DeliveryFixtures.startServer();
        instance = DeliveryFixtures.startServer();
        clock = TestClock.frozenAt(TestClock.FIXED);
        SalesforceClient client = new SalesforceClient(
                DeliveryFixtures.http(DeliveryFixtures.settings(myDomain).withSalesforceTokenTtl(Duration.ofMinutes(30)),
                        clock),
                new DeliveryFixtures.MapSecrets().with("CTI_SECRET_SF", "sf-secret/1"));
        omni = new OmniChannelSender(client);
        time = new SalesforceTimeSink(client);
        config = new DeliveryConfig(null, null, null, new DeliveryConfig.Salesforce(
                DeliveryFixtures.base(myDomain) + "/", "3MVG9.consumer.key", "CTI_SECRET_SF",
                "CTI_Presence_Change__e", "CTI_Presence_Time__c", "External_Id__c"));
    }

    @AfterEach
    void stop() {
        myDomain.stop();
        instance.stop();
    }

    private void tokenAnswers(String... tokens) {
        String state = Scenario.STARTED;
        for (int i = 0; i < tokens.length; i++) {
            String next = "token-" + (i + 1);
            myDomain.stubFor(post(urlEqualTo("/services/oauth2/token")).inScenario("tokens")
                    .whenScenarioStateIs(state)
                    .willReturn(okJson("{\"access_token\":\"" + tokens[i] + "\",\"signature\":\"sig\","
                            + "\"scope\":\"api\",\"instance_url\":\"" + DeliveryFixtures.base(instance) + "\","
                            + "\"id\":\"https://login.salesforce.com/id/00D/005\",\"token_type\":\"Bearer\","
                            + "\"issued_at\":\"1794999600000\"}"))
                    .willSetStateTo(next));
            state = next;
        }
    }

    private List<LoggedRequest> tokenRequests() {
        return myDomain.findAll(postRequestedFor(urlEqualTo("/services/oauth2/token")));
    }

    private List<LoggedRequest> events() {
        return instance.findAll(postRequestedFor(urlEqualTo(EVENT_PATH)));
    }

    private List<LoggedRequest> upserts() {
        return instance.findAll(patchRequestedFor(urlEqualTo(UPSERT_PATH)));
    }

    private void eventAccepted() {
        instance.stubFor(post(urlEqualTo(EVENT_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"e00xx0000000001AAA\",\"success\":true,\"errors\":[]}")));
    }

    @Test
    void publishesThePlatformEventOnTheInstanceWithOneTokenForBothTargets() throws Exception {
        tokenAnswers("00D!first");
        eventAccepted();
        instance.stubFor(patch(urlEqualTo(UPSERT_PATH)).willReturn(okJson(
                "[{\"id\":\"a00xx01\",\"success\":true,\"errors\":[],\"created\":true}]")));

        assertThat(omni.send(config, DeliveryFixtures.dnd())).isEqualTo(new DeliveryOutcome.Delivered());
        assertThat(time.upsert(config, records(1))).containsExactly(
                Map.entry("cc-1|2026-11-18|agent-0|dnd", new DeliveryOutcome.Delivered()));

        assertThat(tokenRequests()).hasSize(1);
        LoggedRequest token = tokenRequests().get(0);
        assertThat(token.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(token.getBodyAsString())
                .isEqualTo("grant_type=client_credentials&client_id=3MVG9.consumer.key&client_secret=sf-secret%2F1");

        assertThat(events()).hasSize(1);
        LoggedRequest event = events().get(0);
        assertThat(event.getHeader("Authorization")).isEqualTo("Bearer 00D!first");
        assertThat(event.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(event.getBodyAsString()).isEqualTo("{\"Call_Center_Id__c\":\"cc-1\",\"Agent_Id__c\":\"a-7\","
                + "\"User_Id__c\":\"005000000000001AAA\",\"Service_Presence_Status_Id__c\":\"0N5000000000001AAA\","
                + "\"State_Id__c\":\"dnd\",\"Label__c\":\"Do Not Disturb\",\"Reason_Code__c\":\"*61\","
                + "\"Presence_Status__c\":4,\"Version__c\":12,\"Changed_At__c\":\"2026-11-18T10:59:30.000Z\"}");
        assertThat(upserts()).singleElement().satisfies(r ->
                assertThat(r.getHeader("Authorization")).isEqualTo("Bearer 00D!first"));
        assertThat(myDomain.findAll(postRequestedFor(urlEqualTo(EVENT_PATH)))).isEmpty();
    }

    @Test
    void theTokenIsKeptForTheConfiguredTimeAndRenewedAfterA401() {
        tokenAnswers("00D!first", "00D!second", "00D!third");
        eventAccepted();

        omni.send(config, DeliveryFixtures.dnd());
        clock.advance(Duration.ofMinutes(29));
        omni.send(config, DeliveryFixtures.dnd());
        assertThat(tokenRequests()).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        omni.send(config, DeliveryFixtures.dnd());
        assertThat(tokenRequests()).hasSize(2);

        instance.stubFor(post(urlEqualTo(EVENT_PATH)).inScenario("session").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withBody(
                        "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"))
                .willSetStateTo("renewed"));
        instance.stubFor(post(urlEqualTo(EVENT_PATH)).inScenario("session").whenScenarioStateIs("renewed")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"e01\",\"success\":true,\"errors\":[]}")));
        assertThat(omni.send(config, DeliveryFixtures.dnd())).isEqualTo(new DeliveryOutcome.Delivered());

        assertThat(tokenRequests()).hasSize(3);
        assertThat(events()).extracting(r -> r.getHeader("Authorization")).containsExactly(
                "Bearer 00D!first", "Bearer 00D!first", "Bearer 00D!second", "Bearer 00D!second", "Bearer 00D!third");
    }

    @Test
    void logoutWithoutAStatusIdPublishesAnEventWithoutOneForTheComponentToLogOut() throws Exception {
        tokenAnswers("00D!first");
        eventAccepted();

        assertThat(omni.send(config, DeliveryFixtures.logout(13))).isEqualTo(new DeliveryOutcome.Delivered());

        assertThat(JSON.readTree(events().get(0).getBodyAsString())).isEqualTo(JSON.readTree(
                "{\"Call_Center_Id__c\":\"cc-1\",\"Agent_Id__c\":\"a-7\",\"User_Id__c\":\"005000000000001AAA\","
                + "\"Service_Presence_Status_Id__c\":null,\"State_Id__c\":\"logout\",\"Label__c\":\"Logout\","
                + "\"Reason_Code__c\":null,\"Presence_Status__c\":7,\"Version__c\":13,"
                + "\"Changed_At__c\":\"2026-11-18T11:00:30.000Z\"}"));
    }

    @Test
    void missingUserOrStatusIdFailsWithoutARequest() {
        assertThat(omni.send(config, DeliveryFixtures.with(DeliveryFixtures.dnd(), "4711", null, null, null,
                "0N5000000000001AAA"))).isEqualTo(new DeliveryOutcome.Failed("agent profile has no salesforceUserId"));
        assertThat(omni.send(config, DeliveryFixtures.with(DeliveryFixtures.dnd(), "4711", null, null,
                "005000000000001AAA", null))).isEqualTo(new DeliveryOutcome.Failed("state dnd has no omniChannelStatusId"));
        assertThat(omni.send(DeliveryConfig.NONE, DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Failed("no Salesforce target configured"));
        assertThat(DeliveryFixtures.all(myDomain)).isEmpty();
        assertThat(DeliveryFixtures.all(instance)).isEmpty();
    }

    @Test
    void eventFailuresMapToOutcomes() {
        tokenAnswers("00D!first");
        instance.stubFor(post(urlEqualTo(EVENT_PATH)).willReturn(aResponse().withStatus(400).withBody(
                "[{\"message\":\"No such column 'User_Id__c' on sobject of type CTI_Presence_Change__e\","
                        + "\"errorCode\":\"INVALID_FIELD\"}]")));
        DeliveryOutcome bad = omni.send(config, DeliveryFixtures.dnd());
        assertThat(bad).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(((DeliveryOutcome.Failed) bad).reason()).startsWith("Salesforce Platform Event: HTTP 400 ")
                .contains("INVALID_FIELD");

        instance.stubFor(post(urlEqualTo(EVENT_PATH)).willReturn(aResponse().withStatus(404).withBody(
                "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]")));
        assertThat(omni.send(config, DeliveryFixtures.dnd())).isInstanceOf(DeliveryOutcome.Failed.class);

        instance.stubFor(post(urlEqualTo(EVENT_PATH)).willReturn(aResponse().withStatus(503)));
        assertThat(omni.send(config, DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Retry("Salesforce Platform Event: HTTP 503", null));

        instance.stubFor(post(urlEqualTo(EVENT_PATH)).willReturn(aResponse().withStatus(201).withBody(
                "{\"id\":null,\"success\":false,\"errors\":[{\"statusCode\":\"LIMIT_EXCEEDED\","
                        + "\"message\":\"event limit\",\"fields\":[]}]}")));
        assertThat(omni.send(config, DeliveryFixtures.dnd())).isEqualTo(new DeliveryOutcome.Failed(
                "Salesforce Platform Event: not published: LIMIT_EXCEEDED: event limit"));
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void aRefusedTokenOrAForbiddenInstanceFails() {
        myDomain.stubFor(post(urlEqualTo("/services/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}")));
        assertThat(omni.send(config, DeliveryFixtures.dnd())).isEqualTo(new DeliveryOutcome.Failed(
                "Salesforce token request: HTTP 400 {\"error\":\"invalid_client\",\"error_description\":"
                        + "\"invalid client credentials\"}"));

        myDomain.stubFor(post(urlEqualTo("/services/oauth2/token")).willReturn(okJson(
                "{\"access_token\":\"00D!x\",\"instance_url\":\"http://10.0.0.1\",\"token_type\":\"Bearer\"}")));
        DeliveryOutcome outcome = omni.send(config, DeliveryFixtures.dnd());
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(((DeliveryOutcome.Failed) outcome).reason()).startsWith("URL http://10.0.0.1/services/data/"
                + "v62.0/sobjects/CTI_Presence_Change__e/ refused: must not point at a private network address");
        assertThat(DeliveryFixtures.all(instance)).isEmpty();
    }

    @Test
    void aMyDomainOnAForbiddenAddressIsNeverCalled() {
        for (String url : List.of("http://169.254.169.254", "https://10.0.0.1", "http://pbx.example.com")) {
            DeliveryConfig bad = new DeliveryConfig(null, null, null, new DeliveryConfig.Salesforce(url,
                    "3MVG9.consumer.key", "CTI_SECRET_SF", "CTI_Presence_Change__e", "CTI_Presence_Time__c",
                    "External_Id__c"));
            assertThat(omni.send(bad, DeliveryFixtures.dnd())).isInstanceOf(DeliveryOutcome.Failed.class);
            assertThat(time.upsert(bad, records(3)).values()).hasSize(3)
                    .allMatch(o -> o instanceof DeliveryOutcome.Failed f && f.reason().contains("refused"));
        }
        assertThat(DeliveryFixtures.all(myDomain)).isEmpty();
    }

    private static List<TimeRecord> records(int n) {
        List<TimeRecord> list = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 11, 18);
        for (int i = 0; i < n; i++) {
            String agent = "agent-" + i;
            list.add(new TimeRecord(TimeRecord.externalId("cc-1", day, agent, "dnd"), "cc-1", agent,
                    i % 2 == 0 ? "00500000000000" + String.format("%04d", i) : null, day, "dnd", "Do Not Disturb",
                    "*61", 4, 100L + i));
        }
        return list;
    }

    /** Salesforce's answer to a batch: success for all but the records whose index (in all records) is listed. */
    private static String answer(int from, int size, List<Integer> failing) {
        StringBuilder b = new StringBuilder("[");
        for (int i = from; i < from + size; i++) {
            b.append(i == from ? "" : ",");
            if (failing.contains(i)) {
                b.append(i == 401
                        ? "{\"id\":null,\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\","
                        + "\"message\":\"unable to obtain exclusive access to this record\",\"fields\":[]}]}"
                        : "{\"id\":null,\"success\":false,\"errors\":[{\"statusCode\":\"INVALID_CROSS_REFERENCE_KEY\","
                        + "\"message\":\"invalid cross reference id\",\"fields\":[\"User__c\"]}]}");
            } else {
                b.append("{\"id\":\"a00xx").append(i).append("\",\"success\":true,\"errors\":[],\"created\":false}");
            }
        }
        return b.append("]").toString();
    }

    @Test
    void upserts450RecordsIn3BatchesAndMapsEachRecordsResult() throws Exception {
        tokenAnswers("00D!first");
        List<TimeRecord> all = records(450);
        List<Integer> failing = List.of(2, 399, 401);
        instance.stubFor(patch(urlEqualTo(UPSERT_PATH)).inScenario("batches").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(answer(0, 200, failing))).willSetStateTo("2"));
        instance.stubFor(patch(urlEqualTo(UPSERT_PATH)).inScenario("batches").whenScenarioStateIs("2")
                .willReturn(okJson(answer(200, 200, failing))).willSetStateTo("3"));
        instance.stubFor(patch(urlEqualTo(UPSERT_PATH)).inScenario("batches").whenScenarioStateIs("3")
                .willReturn(okJson(answer(400, 50, failing))).willSetStateTo("done"));

        Map<String, DeliveryOutcome> outcomes = time.upsert(config, all);

        List<LoggedRequest> requests = upserts();
        assertThat(requests).hasSize(3);
        int from = 0;
        for (LoggedRequest r : requests) {
            assertThat(r.getMethod().getName()).isEqualTo("PATCH");
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer 00D!first");
            assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
            JsonNode body = JSON.readTree(r.getBodyAsString());
            assertThat(body.get("allOrNone").asBoolean(true)).isFalse();
            JsonNode list = body.get("records");
            assertThat(list.size()).isEqualTo(from < 400 ? 200 : 50);
            for (int i = 0; i < list.size(); i++) {
                TimeRecord expected = all.get(from + i);
                assertThat(list.get(i).get("External_Id__c").asText()).isEqualTo(expected.externalId());
            }
            from += list.size();
        }
        assertThat(from).isEqualTo(450);
        // one record exactly as sent
        JsonNode first = JSON.readTree(requests.get(0).getBodyAsString()).get("records").get(0);
        assertThat(first).isEqualTo(JSON.readTree("{\"attributes\":{\"type\":\"CTI_Presence_Time__c\"},"
                + "\"External_Id__c\":\"cc-1|2026-11-18|agent-0|dnd\",\"Call_Center_Id__c\":\"cc-1\","
                + "\"Agent_Id__c\":\"agent-0\",\"User__c\":\"005000000000000000\",\"Date__c\":\"2026-11-18\","
                + "\"State_Id__c\":\"dnd\",\"State_Label__c\":\"Do Not Disturb\",\"Reason_Code__c\":\"*61\","
                + "\"Presence_Status__c\":4,\"Seconds__c\":100}"));
        assertThat(requests.get(0).getBodyAsString()).startsWith("{\"allOrNone\":false,\"records\":[{\"attributes\":"
                + "{\"type\":\"CTI_Presence_Time__c\"},\"External_Id__c\":\"cc-1|2026-11-18|agent-0|dnd\",");

        assertThat(outcomes).hasSize(450);
        assertThat(outcomes.keySet()).containsExactlyElementsOf(all.stream().map(TimeRecord::externalId).toList());
        assertThat(outcomes.get(all.get(2).externalId())).isEqualTo(new DeliveryOutcome.Failed(
                "Salesforce rejected the record: INVALID_CROSS_REFERENCE_KEY: invalid cross reference id (User__c)"));
        assertThat(outcomes.get(all.get(399).externalId())).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(outcomes.get(all.get(401).externalId())).isEqualTo(new DeliveryOutcome.Retry(
                "Salesforce rejected the record: UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record",
                null));
        assertThat(outcomes.values().stream().filter(o -> o instanceof DeliveryOutcome.Delivered).count())
                .isEqualTo(447);
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void aBatchThatFailsAsAWholeGivesEachOfItsRecordsTheOutcome() {
        tokenAnswers("00D!first");
        List<TimeRecord> all = records(450);
        // first batch refused as malformed (400): Failed, the next batches still go; the second meets an outage
        // (503): it and the third (not sent) are to be retried
        instance.stubFor(patch(urlEqualTo(UPSERT_PATH)).inScenario("b").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withBody("[{\"errorCode\":\"JSON_PARSER_ERROR\","
                        + "\"message\":\"bad\"}]")).willSetStateTo("2"));
        instance.stubFor(patch(urlEqualTo(UPSERT_PATH)).inScenario("b").whenScenarioStateIs("2")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")).willSetStateTo("3"));

        Map<String, DeliveryOutcome> outcomes = time.upsert(config, all);

        assertThat(upserts()).hasSize(2);
        assertThat(outcomes).hasSize(450);
        for (int i = 0; i < 200; i++) {
            assertThat(outcomes.get(all.get(i).externalId())).isEqualTo(new DeliveryOutcome.Failed(
                    "Salesforce time upsert: HTTP 400 [{\"errorCode\":\"JSON_PARSER_ERROR\",\"message\":\"bad\"}]"));
        }
        for (int i = 200; i < 450; i++) {
            assertThat(outcomes.get(all.get(i).externalId()))
                    .isEqualTo(new DeliveryOutcome.Retry("Salesforce time upsert: HTTP 503", Duration.ofSeconds(30)));
        }
    }

    @Test
    void throttlingAndTimeoutsAreRetriedForTheWholeUpsert() {
        tokenAnswers("00D!first", "00D!second");
        instance.stubFor(patch(urlEqualTo(UPSERT_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "45")));
        assertThat(time.upsert(config, records(250)).values()).hasSize(250).containsOnly(
                new DeliveryOutcome.Retry("Salesforce time upsert: HTTP 429", Duration.ofSeconds(45)));
        assertThat(upserts()).hasSize(1);

        SalesforceTimeSink impatient = new SalesforceTimeSink(new SalesforceClient(DeliveryFixtures.http(
                DeliveryFixtures.settings(myDomain).withRequestTimeout(Duration.ofMillis(1_000)), clock),
                new DeliveryFixtures.MapSecrets().with("CTI_SECRET_SF", "sf-secret/1")));
        instance.stubFor(patch(urlEqualTo(UPSERT_PATH)).willReturn(okJson("[]").withFixedDelay(5_000)));
        assertThat(impatient.upsert(config, records(2)).values()).containsOnly(
                new DeliveryOutcome.Retry("Salesforce time upsert: timed out after 1000 ms", null));
        assertThat(time.upsert(config, List.of())).isEmpty();
    }
}
