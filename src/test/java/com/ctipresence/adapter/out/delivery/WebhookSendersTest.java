package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.PresenceDelivery;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.ctipresence.support.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The PBX webhook and the Skype connector against a real (in-process) HTTP server: exact requests and outcomes. */
class WebhookSendersTest {

    private static final String SECRET = "pbx-shared-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireMockServer server;
    private TestClock clock;
    private DeliveryFixtures.MapSecrets secrets;
    private PbxWebhookSender pbx;
    private SkypeConnectorSender skype;

    @BeforeEach
    void start() {
        server = DeliveryFixtures.startServer();
        clock = TestClock.frozenAt(TestClock.FIXED);
        secrets = new DeliveryFixtures.MapSecrets().with("CTI_SECRET_PBX", SECRET).with("CTI_SECRET_SKYPE", "sk");
        OutboundHttp http = DeliveryFixtures.http(DeliveryFixtures.settings(server), clock);
        pbx = new PbxWebhookSender(http, secrets);
        skype = new SkypeConnectorSender(http, secrets);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private DeliveryConfig pbxAt(String url) {
        return new DeliveryConfig(new DeliveryConfig.Webhook(url, "CTI_SECRET_PBX"), null, null, null);
    }

    private DeliveryConfig pbxConfig() {
        return pbxAt(DeliveryFixtures.base(server) + "/pbx/presence?tenant=9");
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pbxWebhookGetsTheSignedDialCommand() throws Exception {
        server.stubFor(post(urlEqualTo("/pbx/presence?tenant=9")).willReturn(aResponse().withStatus(204)));

        DeliveryOutcome outcome = pbx.send(pbxConfig(), DeliveryFixtures.dnd());

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered());
        List<LoggedRequest> requests = DeliveryFixtures.all(server);
        assertThat(requests).hasSize(1);
        LoggedRequest r = requests.get(0);
        assertThat(r.getMethod().getName()).isEqualTo("POST");
        assertThat(r.getUrl()).isEqualTo("/pbx/presence?tenant=9");
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(r.getHeader("X-CTI-Timestamp")).isEqualTo(Long.toString(TestClock.FIXED.getEpochSecond()));
        assertThat(r.getHeader("X-CTI-Delivery")).isEqualTo("cc-1/a-7/12");
        String body = r.getBodyAsString();
        assertThat(body).isEqualTo("{\"callCenterId\":\"cc-1\",\"agentId\":\"a-7\",\"extension\":\"4711\","
                + "\"dialCommand\":\"*61\",\"stateId\":\"dnd\",\"presenceStatus\":4,\"version\":12,"
                + "\"at\":\"2026-11-18T10:59:30.000Z\"}");
        // the receiver's check, computed here independently: HMAC-SHA256(secret, timestamp + "." + raw body)
        String expected = "sha256=" + hmac(SECRET, "1794999600." + body);
        assertThat(r.getHeader("X-CTI-Signature")).isEqualTo(expected);
        assertThat(WebhookSigner.signature(SECRET, 1794999600L, body)).isEqualTo(expected);
        assertThat(TestClock.FIXED.getEpochSecond()).isEqualTo(1794999600L);
        // a signature under another secret or another timestamp does not match
        assertThat(r.getHeader("X-CTI-Signature")).isNotEqualTo("sha256=" + hmac("other", "1794999600." + body))
                .isNotEqualTo("sha256=" + hmac(SECRET, "1794999601." + body));
    }

    @Test
    void skypeConnectorGetsTheAvailabilityCodeForTheSipAddress() throws Exception {
        server.stubFor(post(urlEqualTo("/skype")).willReturn(aResponse().withStatus(200)));
        PresenceDelivery d = new PresenceDelivery("cc-1", "a-7", 3, DeliveryFixtures.AT, "busy", "Busy", "6500", 5,
                null, "sip:anna@example.com", null, null, null, null, false, null);
        DeliveryConfig config = new DeliveryConfig(null,
                new DeliveryConfig.Webhook(DeliveryFixtures.base(server) + "/skype", "CTI_SECRET_SKYPE"), null, null);

        assertThat(skype.send(config, d)).isEqualTo(new DeliveryOutcome.Delivered());

        LoggedRequest r = DeliveryFixtures.all(server).get(0);
        String body = r.getBodyAsString();
        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree("{\"callCenterId\":\"cc-1\",\"agentId\":\"a-7\","
                + "\"sipAddress\":\"sip:anna@example.com\",\"availability\":\"6500\",\"stateId\":\"busy\","
                + "\"label\":\"Busy\",\"version\":3,\"at\":\"2026-11-18T10:59:30.000Z\"}"));
        assertThat(r.getHeader("X-CTI-Signature")).isEqualTo("sha256=" + hmac("sk", r.getHeader("X-CTI-Timestamp")
                + "." + body));
        assertThat(r.getHeader("X-CTI-Delivery")).isEqualTo("cc-1/a-7/3");
    }

    @Test
    void missingProfileFieldsOrSecretFailWithoutARequest() {
        DeliveryConfig skypeConfig = new DeliveryConfig(null,
                new DeliveryConfig.Webhook(DeliveryFixtures.base(server) + "/skype", "CTI_SECRET_SKYPE"), null, null);
        assertThat(skype.send(skypeConfig, DeliveryFixtures.with(DeliveryFixtures.dnd(), "4711", null, null, null, null)))
                .isEqualTo(new DeliveryOutcome.Failed("agent profile has no sipAddress"));
        assertThat(pbx.send(pbxConfig(), DeliveryFixtures.with(DeliveryFixtures.dnd(), " ", null, null, null, null)))
                .isEqualTo(new DeliveryOutcome.Failed("agent profile has no extension"));
        DeliveryConfig unknownSecret = new DeliveryConfig(
                new DeliveryConfig.Webhook(DeliveryFixtures.base(server) + "/pbx", "CTI_SECRET_NOPE"), null, null, null);
        assertThat(pbx.send(unknownSecret, DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Failed("secret CTI_SECRET_NOPE not found"));
        assertThat(pbx.send(DeliveryConfig.NONE, DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Failed("no PBX webhook configured"));
        assertThat(DeliveryFixtures.all(server)).isEmpty();
    }

    @Test
    void serverErrorAndTimeoutAreRetried() {
        server.stubFor(post(urlEqualTo("/pbx/presence?tenant=9")).willReturn(aResponse().withStatus(503)
                .withBody("maintenance")));
        assertThat(pbx.send(pbxConfig(), DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Retry("PBX webhook: HTTP 503 maintenance", null));

        server.stubFor(post(urlEqualTo("/pbx/presence?tenant=9")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "15")));
        assertThat(pbx.send(pbxConfig(), DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Retry("PBX webhook: HTTP 503", Duration.ofSeconds(15)));
        server.stubFor(post(urlEqualTo("/pbx/presence?tenant=9")).willReturn(aResponse().withStatus(500)
                .withHeader("Retry-After", "15")));
        assertThat(pbx.send(pbxConfig(), DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Retry("PBX webhook: HTTP 500", null));

        server.stubFor(post(urlEqualTo("/pbx/presence?tenant=9")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(5_000)));
        PbxWebhookSender impatient = new PbxWebhookSender(DeliveryFixtures.http(DeliveryFixtures.settings(server)
                .withRequestTimeout(Duration.ofMillis(1_000)), clock), secrets);
        DeliveryOutcome slow = impatient.send(pbxConfig(), DeliveryFixtures.dnd());
        assertThat(slow).isInstanceOf(DeliveryOutcome.Retry.class);
        assertThat(((DeliveryOutcome.Retry) slow).reason()).isEqualTo("PBX webhook: timed out after 1000 ms");
        assertThat(((DeliveryOutcome.Retry) slow).retryAfter()).isNull();
    }

    @Test
    void aClosedPortIsRetried() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DeliveryOutcome outcome = pbx.send(pbxAt("http://localhost:" + port + "/pbx"), DeliveryFixtures.dnd());
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retry.class);
        assertThat(((DeliveryOutcome.Retry) outcome).reason()).startsWith("PBX webhook: ");
    }

    @Test
    void tooManyRequestsHonoursRetryAfterInSecondsOrAsDate() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        assertThat(pbx.send(pbxConfig(), DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Retry("PBX webhook: HTTP 429", Duration.ofSeconds(120)));

        // FIXED is Wed, 18 Nov 2026 11:00:00 GMT
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "Wed, 18 Nov 2026 11:01:30 GMT")));
        assertThat(pbx.send(pbxConfig(), DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Retry("PBX webhook: HTTP 429", Duration.ofSeconds(90)));

        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429)));
        assertThat(pbx.send(pbxConfig(), DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Retry("PBX webhook: HTTP 429", null));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 422})
    void clientErrorsFailWithStatusAndBodyExcerpt(int status) {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
                .withBody("{\"error\":\"unknown extension\",\n \"detail\":\"" + "x".repeat(400) + "\"}")));
        DeliveryOutcome outcome = pbx.send(pbxConfig(), DeliveryFixtures.dnd());
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        String reason = ((DeliveryOutcome.Failed) outcome).reason();
        assertThat(reason).startsWith("PBX webhook: HTTP " + status + " {\"error\":\"unknown extension\", \"detail\"")
                .endsWith("…").hasSizeLessThan(240);
        assertThat(DeliveryFixtures.all(server)).hasSize(1);
    }

    @Test
    void aRedirectIsNotFollowed() {
        server.stubFor(post(urlEqualTo("/pbx/presence?tenant=9")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
        assertThat(pbx.send(pbxConfig(), DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Failed("PBX webhook: HTTP 307"));
        assertThat(DeliveryFixtures.all(server)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/x",
        "http://10.0.0.1/hook", "https://10.0.0.1/hook", "http://pbx.example.com/hook",
        "https://rebound.example.com/hook", "https://unknown.example.com/hook", "ftp://pbx.example.com/",
        "https://user:pw@pbx.example.com/hook", "not a url"})
    void refusedUrlsFailWithoutARequest(String url) {
        DeliveryOutcome outcome = pbx.send(pbxAt(url), DeliveryFixtures.dnd());
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(((DeliveryOutcome.Failed) outcome).reason()).contains("refused").doesNotContain("pw");
        assertThat(DeliveryFixtures.all(server)).isEmpty();
    }

    @Test
    void withoutTheDevSettingLoopbackIsRefusedToo() {
        OutboundHttp strict = DeliveryFixtures.http(DeliverySettings.defaults(), clock);
        DeliveryOutcome outcome = new PbxWebhookSender(strict, secrets).send(pbxConfig(), DeliveryFixtures.dnd());
        assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed("URL http://localhost:" + server.port()
                + "/pbx/presence refused: must not point at a loopback address"));
        assertThat(DeliveryFixtures.all(server)).isEmpty();
    }

    @Test
    void aRequestTheJdkRefusesToBuildFailsInsteadOfThrowing() {
        PresenceDelivery d = new PresenceDelivery("cc-1", "a-7\r\nX-Injected: 1", 12, DeliveryFixtures.AT, "dnd",
                "Do Not Disturb", "*61", 4, "4711", null, null, null, null, null, false, null);
        DeliveryOutcome outcome = pbx.send(pbxConfig(), d);
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(((DeliveryOutcome.Failed) outcome).reason()).startsWith("PBX webhook: invalid request: ");
        assertThat(DeliveryFixtures.all(server)).isEmpty();
    }

    @Test
    void aSecretThatCannotBeReadIsRetried() {
        PbxWebhookSender broken = new PbxWebhookSender(DeliveryFixtures.http(DeliveryFixtures.settings(server), clock),
                ref -> {
                    throw new IllegalStateException("throttled");
                });
        assertThat(broken.send(pbxConfig(), DeliveryFixtures.dnd())).isEqualTo(new DeliveryOutcome.Retry(
                "secret CTI_SECRET_PBX could not be read: IllegalStateException", null));
    }
}
