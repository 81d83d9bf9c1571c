package com.ctipresence.delivery;

import com.ctipresence.application.service.DeliveryService;
import com.ctipresence.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static com.ctipresence.support.Api.asAdmin;
import static com.ctipresence.support.Api.presence;
import static com.ctipresence.support.Api.putConfig;
import static com.ctipresence.support.Api.setState;
import static com.ctipresence.support.Api.uniqueId;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole delivery path in the running application, as a softphone and a PBX integration see it: a presence
 * change over HTTP commits its outbox item, the application's worker (its {@link DeliveryService} bean, drained as the
 * local worker's sweep does) sends it with the real PBX webhook sender over real HTTP to an in-process WireMock, the
 * signature verifies with the shared secret, and the presence answer shows the delivery's status — through an outage
 * to the latest state only.
 */
@QuarkusTest
class DeliveryEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "test-webhook-secret"; // %test.CTI_SECRET_TEST_WEBHOOK

    @Inject
    DeliveryService worker;
    @Inject
    TestClock clock;

    private WireMockServer pbx;

    @BeforeEach
    void startPbx() {
        pbx = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        pbx.start();
        pbx.stubFor(post(urlEqualTo("/cti/presence")).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        pbx.stop();
        clock.reset();
    }

    private String callCenterWithWebhook() {
        String cc = uniqueId("e2e");
        putConfig(cc, DeliveryApiTest.config("DIAL_COMMAND", false, """
                {"pbxWebhook":{"url":"http://127.0.0.1:%d/cti/presence","secretRef":"CTI_SECRET_TEST_WEBHOOK"}}"""
                .formatted(pbx.port()))).statusCode(200);
        asAdmin(cc).contentType(ContentType.JSON).body("{\"displayName\":\"Ada Lovelace\",\"extension\":\"4711\"}")
                .put("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a1").then().statusCode(200);
        return cc;
    }

    @Test
    void aChangeReachesThePbxSignedAndTheAnswerShowsItDelivered() throws Exception {
        String cc = callCenterWithWebhook();
        setState(cc, "a1", "dnd").statusCode(200).body("pbxCommand", equalTo("*61"))
                .body("delivery.pbx.status", equalTo("PENDING")).body("delivery.pbx.version", equalTo(1));

        worker.drainDue();

        List<LoggedRequest> sent = pbx.findAll(postRequestedFor(urlEqualTo("/cti/presence")));
        assertThat(sent).hasSize(1);
        LoggedRequest request = sent.get(0);
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.path("callCenterId").asText()).isEqualTo(cc);
        assertThat(body.path("agentId").asText()).isEqualTo("a1");
        assertThat(body.path("extension").asText()).isEqualTo("4711");
        assertThat(body.path("dialCommand").asText()).isEqualTo("*61");
        assertThat(body.path("stateId").asText()).isEqualTo("dnd");
        assertThat(body.path("presenceStatus").asInt()).isEqualTo(4);
        assertThat(body.path("version").asLong()).isEqualTo(1);
        assertThat(body.path("at").asText()).isEqualTo("2026-11-18T11:00:00.000Z");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("X-CTI-Delivery")).isEqualTo(cc + "/a1/1");
        String timestamp = request.getHeader("X-CTI-Timestamp");
        assertThat(request.getHeader("X-CTI-Signature"))
                .isEqualTo("sha256=" + hmacSha256(SECRET, timestamp + "." + request.getBodyAsString()));

        presence(cc, "a1").body("displayName", equalTo("Ada Lovelace"))
                .body("delivery.pbx.status", equalTo("DELIVERED")).body("delivery.pbx.version", equalTo(1))
                .body("delivery.pbx.attempts", equalTo(1));
        worker.drainDue();
        assertThat(pbx.findAll(postRequestedFor(urlEqualTo("/cti/presence")))).as("nothing sent twice").hasSize(1);
    }

    @Test
    void throughAnOutageThePbxGetsOnlyTheLatestStateOnceItIsBack() throws Exception {
        String cc = callCenterWithWebhook();
        pbx.stubFor(post(urlEqualTo("/cti/presence")).willReturn(aResponse().withStatus(503)));
        setState(cc, "a1", "dnd").statusCode(200);
        worker.drainDue();
        presence(cc, "a1").body("delivery.pbx.status", equalTo("PENDING"))
                .body("delivery.pbx.attempts", equalTo(1)).body("delivery.pbx.lastError", containsString("503"));

        for (String state : List.of("ready", "offline", "dnd", "ready")) { // four more changes while it is down
            clock.advance(Duration.ofMillis(300));
            setState(cc, "a1", state).statusCode(200);
        }
        pbx.stubFor(post(urlEqualTo("/cti/presence")).willReturn(aResponse().withStatus(204)));
        clock.advance(Duration.ofMinutes(5)); // past any back-off
        worker.drainDue();

        List<LoggedRequest> sent = pbx.findAll(postRequestedFor(urlEqualTo("/cti/presence")));
        assertThat(sent).hasSize(2); // the refused first one, then the latest only
        JsonNode last = JSON.readTree(sent.get(1).getBodyAsString());
        assertThat(last.path("version").asLong()).isEqualTo(5);
        assertThat(last.path("stateId").asText()).isEqualTo("ready");
        presence(cc, "a1").body("version", equalTo(5)).body("delivery.pbx.status", equalTo("DELIVERED"))
                .body("delivery.pbx.version", equalTo(5));
    }

    private static String hmacSha256(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
