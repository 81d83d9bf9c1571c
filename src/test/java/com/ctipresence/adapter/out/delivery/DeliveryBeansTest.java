package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.PresenceSender;
import com.ctipresence.application.port.out.delivery.SecretResolver;
import com.ctipresence.application.port.out.delivery.TimeRecordSink;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.ctipresence.support.TestClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.arc.All;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The delivery adapters as the application gets them: one sender per target, the local secrets, the test settings. */
@QuarkusTest
class DeliveryBeansTest {

    @Inject
    @All
    List<PresenceSender> senders;

    @Inject
    TimeRecordSink timeSink;

    @Inject
    SecretResolver secrets;

    @Inject
    OutboundHttp http;

    @Test
    void oneSenderPerTargetAndTheLocalResolver() {
        assertThat(senders).extracting(PresenceSender::target).containsExactlyInAnyOrder(
                DeliveryTarget.PBX, DeliveryTarget.SKYPE, DeliveryTarget.TEAMS, DeliveryTarget.OMNI_CHANNEL);
        assertThat(timeSink).isInstanceOf(SalesforceTimeSink.class);
        assertThat(secrets).isInstanceOf(ConfigSecretResolver.class);
        assertThat(secrets.resolve("CTI_SECRET_TEST_WEBHOOK")).contains("test-webhook-secret");
        assertThat(http.settings().allowLoopbackHttp()).isTrue();
        assertThat(http.settings().allowedHosts()).isEmpty();
        assertThat(http.settings().graphBase()).isEqualTo("https://graph.microsoft.com/v1.0");
    }

    @Test
    void theApplicationsPbxSenderSignsWithTheReferencedSecretOnTheApplicationClock() {
        WireMockServer server = DeliveryFixtures.startServer();
        try {
            server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(202)));
            PresenceSender pbx = senders.stream().filter(s -> s.target() == DeliveryTarget.PBX).findFirst().orElseThrow();
            DeliveryConfig config = new DeliveryConfig(new DeliveryConfig.Webhook(
                    DeliveryFixtures.base(server) + "/hook", "CTI_SECRET_TEST_WEBHOOK"), null, null, null);

            assertThat(pbx.send(config, DeliveryFixtures.dnd())).isEqualTo(new DeliveryOutcome.Delivered());

            var request = DeliveryFixtures.all(server).get(0);
            long timestamp = Long.parseLong(request.getHeader("X-CTI-Timestamp"));
            assertThat(timestamp).isEqualTo(http.clock().instant().getEpochSecond());
            assertThat(request.getHeader("X-CTI-Signature")).isEqualTo(
                    WebhookSigner.signature("test-webhook-secret", timestamp, request.getBodyAsString()));
            assertThat(http.clock()).isInstanceOf(TestClock.class);
        } finally {
            server.stop();
        }
    }
}
