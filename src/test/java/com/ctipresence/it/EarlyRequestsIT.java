package com.ctipresence.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged server opens its HTTP port while its embedded store is still starting in the background: until the
 * store is ready, readiness is DOWN and API requests get a problem+json 503 with Retry-After at once (no hang, no
 * 500); afterwards they are served (here: 401, no token). No background job touches the store before then.
 */
class EarlyRequestsIT {

    record Seen(int status, String contentType, String retryAfter, boolean ready) {
    }

    @Test
    void requestsBeforeTheStoreIsReadyGet503AndAfterwardsAreServed(@TempDir Path dataDir) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();
        List<Seen> seen = new ArrayList<>();
        try (RunningServer server = RunningServer.launch(dataDir, RunningServer.freePort(),
                "-Dcti.store-startup.hold-back=3s")) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> {
                try {
                    HttpResponse<String> api = http.send(HttpRequest.newBuilder(
                                    URI.create(server.url("/v1/call-centers/acme/agents"))).timeout(Duration.ofSeconds(60))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                                    URI.create(server.url("/q/health/ready"))).timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    seen.add(new Seen(api.statusCode(), api.headers().firstValue("Content-Type").orElse(""),
                            api.headers().firstValue("Retry-After").orElse(null), ready.statusCode() == 200));
                    return ready.statusCode() == 200 && api.statusCode() == 401;
                } catch (java.net.ConnectException notListeningYet) {
                    return false;
                } catch (IOException e) {
                    if (e.getCause() instanceof java.net.ConnectException) {
                        return false;
                    }
                    throw e;
                }
            });
            System.out.printf("answers while starting: %s%n", seen);
            List<Seen> beforeReady = seen.stream().filter(s -> !s.ready()).toList();
            assertThat(beforeReady).as("answers before the store was ready").isNotEmpty()
                    .allSatisfy(s -> {
                        assertThat(s.status()).isIn(503, 401);
                        if (s.status() == 503) {
                            assertThat(s.contentType()).startsWith("application/problem+json");
                            assertThat(s.retryAfter()).isNotNull();
                        }
                    });
            assertThat(beforeReady).as("at least one 503 while the store started").anyMatch(s -> s.status() == 503);
            assertThat(seen).as("never a 500").noneMatch(s -> s.status() >= 500 && s.status() != 503);
            assertThat(java.nio.file.Files.readString(server.log))
                    .as("no background job (delivery sweep, ticker, timers) used the store before it was up")
                    .doesNotContain("non-existent table").doesNotContain("could not read the outbox");
        }
    }
}
