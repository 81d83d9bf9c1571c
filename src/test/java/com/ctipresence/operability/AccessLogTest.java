package com.ctipresence.operability;

import com.ctipresence.adapter.in.http.AccessLog;
import com.ctipresence.support.Api;
import com.ctipresence.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** One access log line per request: template, status, duration, call center, request id; never a token. */
@QuarkusTest
class AccessLogTest {
    static final String PRESENCE_TEMPLATE = "/v1/call-centers/{callCenterId}/agents/{agentId}/presence";

    /** The access log line of the request with this id (the line is written when the response has ended). */
    private static String lineOf(LogCapture log, String requestId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> log.messages().stream()
                .anyMatch(m -> m.endsWith("requestId=" + requestId)));
        List<String> lines = log.messages().stream().filter(m -> m.endsWith("requestId=" + requestId)).toList();
        assertThat(lines).as("access log lines of request %s", requestId).hasSize(1);
        return lines.get(0);
    }

    @Test
    void aRefusedRequestIsLoggedWithItsTemplateCallCenterAndTheClientsRequestId() {
        try (LogCapture log = new LogCapture(AccessLog.CATEGORY)) {
            given().header("X-Request-Id", "req-401-a").get("/v1/call-centers/acme/agents/agent-7/presence")
                    .then().statusCode(401).header("X-Request-Id", equalTo("req-401-a"));
            assertThat(lineOf(log, "req-401-a")).matches("method=GET path=" + java.util.regex.Pattern.quote(
                    PRESENCE_TEMPLATE) + " status=401 durationMs=\\d+ callCenterId=acme requestId=req-401-a")
                    .doesNotContain("agent-7");
        }
    }

    @Test
    void anAuthorizedRequestNeverLogsItsToken() {
        String cc = Api.newCallCenter(0, false);
        String token = Tokens.of(cc, "a1", "agent");
        try (LogCapture log = new LogCapture(AccessLog.CATEGORY)) {
            given().auth().oauth2(token).header("X-Request-Id", "req-ok-1").contentType("application/json")
                    .body("{\"stateId\":\"away\"}").put("/v1/call-centers/{cc}/agents/a1/presence", cc)
                    .then().statusCode(200);
            String line = lineOf(log, "req-ok-1");
            assertThat(line).startsWith("method=PUT path=" + PRESENCE_TEMPLATE + " status=200 ")
                    .contains("callCenterId=" + cc).doesNotContain(token).doesNotContain("Bearer")
                    .doesNotContain(token.substring(0, 20));
        }
    }

    @Test
    void unknownPathsAndHostileRequestIdsAreNotLoggedRaw() {
        try (LogCapture log = new LogCapture(AccessLog.CATEGORY)) {
            String generated = given().header("X-Request-Id", "evil id\" injected=1")
                    .get("/no/such/<script>/path").then().statusCode(404)
                    .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).extract().header("X-Request-Id");
            assertThat(lineOf(log, generated)).isEqualTo(
                    "method=GET path=NOT_FOUND status=404 durationMs=" + durationOf(lineOf(log, generated))
                            + " callCenterId=- requestId=" + generated);
        }
    }

    @Test
    void managementRoutesAreLoggedToo() {
        try (LogCapture log = new LogCapture(AccessLog.CATEGORY)) {
            given().header("X-Request-Id", "req-health").get("/q/health/live").then().statusCode(200);
            assertThat(lineOf(log, "req-health")).startsWith("method=GET path=/q/health/live status=200 ");
        }
    }

    private static String durationOf(String line) {
        return line.replaceAll(".*durationMs=(\\d+).*", "$1");
    }
}
