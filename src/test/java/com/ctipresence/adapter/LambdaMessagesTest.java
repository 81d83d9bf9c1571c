package com.ctipresence.adapter;

import com.ctipresence.adapter.in.lambda.HttpApiEvent;
import com.ctipresence.adapter.out.sqs.SqsWrapUpTimer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain parts of the AWS adapters: SQS delays, and what the api function reads from an HTTP API event. */
class LambdaMessagesTest {
    private static final Instant NOW = Instant.parse("2026-11-18T11:00:00Z");

    @Test
    void sqsDelaysAreWholeSecondsRoundedUpAndAtMost900() {
        assertThat(SqsWrapUpTimer.delaySeconds(NOW, NOW.plusMillis(30_001))).isEqualTo(31);
        assertThat(SqsWrapUpTimer.delaySeconds(NOW, NOW.plusSeconds(30))).isEqualTo(30);
        assertThat(SqsWrapUpTimer.delaySeconds(NOW, NOW.plusSeconds(999))).isEqualTo(900);
        assertThat(SqsWrapUpTimer.delaySeconds(NOW, NOW.minusSeconds(5))).as("overdue: at once").isZero();
    }

    @Test
    void claimsAreReadAsStringsWhateverShapeTheyCameIn() {
        HttpApiEvent event = new HttpApiEvent("2.0", "GET /v1/presets", "/v1/presets", "", Map.of(), null, null,
                new HttpApiEvent.RequestContext("r", "GET /v1/presets", new HttpApiEvent.Authorizer(
                        new HttpApiEvent.Jwt(Map.of("sub", "a1", "groups", List.of("agent", "admin"), "exp", 1795L),
                                null))), null, false);
        assertThat(event.claims()).containsEntry("sub", "a1").containsEntry("groups", "[agent admin]")
                .containsEntry("exp", "1795");
        HttpApiEvent anonymous = new HttpApiEvent("2.0", "GET /v1/presets", "/v1/presets", "", Map.of(), null, null,
                new HttpApiEvent.RequestContext("r", "GET /v1/presets", null), null, false);
        assertThat(anonymous.claims()).isNull();
    }

    @Test
    void aBase64BodyIsDecoded() {
        String body = "{\"stateId\":\"dnd\"}";
        HttpApiEvent event = new HttpApiEvent("2.0", "PUT x", "/x", "", Map.of(), null, null, null,
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)), true);
        assertThat(event.text()).isEqualTo(body);
        assertThat(new HttpApiEvent("2.0", "PUT x", "/x", "", Map.of(), null, null, null, body, null).text())
                .isEqualTo(body);
    }
}
