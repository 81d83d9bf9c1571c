package com.ctipresence.feed;

import com.ctipresence.adapter.in.rest.StreamConnections;
import com.ctipresence.adapter.out.feed.LocalChangeFeed;
import com.ctipresence.adapter.out.timer.LocalWrapUpTimer;
import com.ctipresence.support.SseClient;
import com.ctipresence.support.TestClock;
import com.ctipresence.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.ctipresence.support.Api.asAgent;
import static com.ctipresence.support.Api.asSupervisor;
import static com.ctipresence.support.Api.callEvent;
import static com.ctipresence.support.Api.event;
import static com.ctipresence.support.Api.newCallCenter;
import static com.ctipresence.support.Api.setState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The change feed through its SSE stream and the polling fallback (ETag / 304) of the agent list. */
@QuarkusTest
class ChangeFeedApiTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestClock clock;
    @Inject
    LocalWrapUpTimer timer;
    @Inject
    LocalChangeFeed feed;
    @Inject
    StreamConnections streams;

    private final List<SseClient> clients = new ArrayList<>();

    @AfterEach
    void tearDown() {
        clients.forEach(SseClient::close);
        feed.accept();
        clock.reset();
    }

    private SseClient stream(String cc, String token, String lastEventId) {
        SseClient client = SseClient.open(URI.create(base.toString()).resolve("/v1/call-centers/" + cc
                + "/agents/stream"), token, lastEventId);
        clients.add(client);
        return client;
    }

    private SseClient supervisorStream(String cc, String lastEventId) {
        SseClient client = stream(cc, Tokens.of(cc, "supervisor-1", "supervisor"), lastEventId);
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.contentType()).startsWith("text/event-stream");
        return client;
    }

    private static JsonNode data(SseClient.Event event) {
        try {
            return JSON.readTree(event.data());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode expectChange(SseClient client) {
        SseClient.Event e = client.nextEvent(WAIT);
        assertThat(e).as("a change event").isNotNull();
        assertThat(e.name()).isEqualTo("change");
        assertThat(e.id()).isNotBlank();
        return data(e).get("agent");
    }

    @Test
    void snapshotFirstThenEveryChangeInVersionOrder() {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "ready").statusCode(200);
        setState(cc, "a2", "away").statusCode(200);
        com.ctipresence.support.Api.asAdmin(cc).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"displayName\":\"Ada Lovelace\"}")
                .put("/v1/call-centers/{cc}/agents/{a}/profile", cc, "a1").then().statusCode(200);
        SseClient client = supervisorStream(cc, null);

        SseClient.Event snapshot = client.nextEvent(WAIT);
        assertThat(snapshot.name()).isEqualTo("snapshot");
        JsonNode first = data(snapshot);
        assertThat(first.get("serverTime").asText()).isEqualTo("2026-11-18T11:00:00.000Z");
        assertThat(first.get("agents")).hasSize(2);
        assertThat(first.get("agents").findValuesAsText("agentId")).containsExactlyInAnyOrder("a1", "a2");
        assertThat(first.get("agents").findValuesAsText("displayName")).as("the profile's name, as in the list")
                .containsExactly("Ada Lovelace");

        setState(cc, "a1", "dnd").statusCode(200);
        setState(cc, "a1", "away").statusCode(200);
        callEvent(cc, "a2", event("e1", "CONNECTED", "c1", false, null)).statusCode(200);

        List<String> seen = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode agent = expectChange(client);
            seen.add(agent.get("agentId").asText() + ":" + agent.get("version").asLong() + ":"
                    + agent.get("stateId").asText());
        }
        assertThat(seen).containsExactly("a1:2:dnd", "a1:3:away", "a2:2:on-a-call");
    }

    @Test
    void aChangeCarriesTodaysTimePerStateSoTheDashboardNeedsNoCarryForward() {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "ready").statusCode(200);
        SseClient client = supervisorStream(cc, null);
        assertThat(client.nextEvent(WAIT).name()).isEqualTo("snapshot");

        clock.advance(Duration.ofSeconds(90));
        setState(cc, "a1", "away").statusCode(200);
        JsonNode away = expectChange(client);
        assertThat(away.get("stateId").asText()).isEqualTo("away");
        assertThat(away.get("today").get("ready").asLong()).isEqualTo(90);

        clock.advance(Duration.ofMillis(30_400));
        setState(cc, "a1", "dnd").statusCode(200);
        JsonNode dnd = expectChange(client);
        assertThat(dnd.get("today").get("ready").asLong()).isEqualTo(90);
        assertThat(dnd.get("today").get("away").asLong()).isEqualTo(30);
        assertThat(dnd.get("todayMillis").get("away").asLong()).isEqualTo(30_400);
    }

    @Test
    void aWrapUpExpiryIsAnnouncedWithTheLabelAndCountdownFields() {
        String cc = newCallCenter(30, true);
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(200);
        SseClient client = supervisorStream(cc, null);
        assertThat(client.nextEvent(WAIT).name()).isEqualTo("snapshot");

        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 42)).statusCode(200);
        JsonNode wrapUp = expectChange(client);
        assertThat(wrapUp.get("stateId").asText()).isEqualTo("dnd");
        assertThat(wrapUp.get("wrapUpUntil").asText()).isEqualTo("2026-11-18T11:00:30.000Z");

        clock.advance(Duration.ofSeconds(30));
        timer.fireDue();
        JsonNode ready = expectChange(client);
        assertThat(ready.get("stateId").asText()).isEqualTo("ready");
        assertThat(ready.get("version").asLong()).isEqualTo(wrapUp.get("version").asLong() + 1);
        assertThat(ready.get("since").asText()).isEqualTo("2026-11-18T11:00:30.000Z");
    }

    @Test
    void lastEventIdResumesWithWhatWasMissedOrAFreshSnapshot() {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "ready").statusCode(200);
        SseClient first = supervisorStream(cc, null);
        SseClient.Event snapshot = first.nextEvent(WAIT);
        setState(cc, "a1", "dnd").statusCode(200);
        String lastSeen = first.nextEvent(WAIT).id();
        first.close();

        setState(cc, "a1", "away").statusCode(200);
        setState(cc, "a2", "ready").statusCode(200);

        SseClient again = supervisorStream(cc, lastSeen);
        SseClient.Event resumed = again.nextEvent(WAIT);
        assertThat(resumed.name()).isEqualTo("resumed");
        assertThat(data(resumed).get("missed").asInt()).isEqualTo(2);
        JsonNode missed1 = expectChange(again);
        JsonNode missed2 = expectChange(again);
        assertThat(missed1.get("agentId").asText() + missed1.get("stateId").asText()).isEqualTo("a1away");
        assertThat(missed2.get("agentId").asText() + missed2.get("stateId").asText()).isEqualTo("a2ready");
        setState(cc, "a2", "dnd").statusCode(200);
        assertThat(expectChange(again).get("stateId").asText()).isEqualTo("dnd");

        // a position the feed does not know (another run of the server, or dropped from the buffer): a snapshot
        SseClient unknown = supervisorStream(cc, "0000-" + snapshot.id());
        SseClient.Event fresh = unknown.nextEvent(WAIT);
        assertThat(fresh.name()).isEqualTo("snapshot");
        assertThat(data(fresh).get("agents")).hasSize(2);
    }

    @Test
    void onlySupervisorsAndAdminsOfTheCallCenterMayWatch() {
        String cc = newCallCenter(30, true);
        String other = newCallCenter(30, true);
        setState(cc, "a1", "ready").statusCode(200);
        assertThat(stream(cc, Tokens.of(cc, "a1", "agent"), null).status()).isEqualTo(403);
        assertThat(stream(cc, Tokens.of(other, "supervisor-1", "supervisor"), null).status()).isEqualTo(404);
        assertThat(stream(cc, Tokens.forged(cc, "supervisor-1", "supervisor"), null).status()).isEqualTo(401);
        SseClient admin = stream(cc, Tokens.of(cc, "admin-1", "admin"), null);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.nextEvent(WAIT).name()).isEqualTo("snapshot");
    }

    @Test
    void aFailedWriteAnnouncesNothing() {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "ready").statusCode(200);
        callEvent(cc, "a1", event("e1", "DIALING", "c1", false, null)).statusCode(200);
        SseClient client = supervisorStream(cc, null);
        assertThat(client.nextEvent(WAIT).name()).isEqualTo("snapshot");

        asAgent(cc, "a1").contentType(ContentType.JSON).body("{\"stateId\":")
                .put("/v1/call-centers/{cc}/agents/a1/presence", cc).then().statusCode(400);
        setState(cc, "a1", "no-such-state").statusCode(400);
        callEvent(cc, "a1", event("e1", "CONNECTED", "c9", false, null)).statusCode(409); // eventId reused
        asAgent(cc, "a2").contentType(ContentType.JSON).body("{\"stateId\":\"dnd\"}")
                .put("/v1/call-centers/{cc}/agents/a1/presence", cc).then().statusCode(403);
        callEvent(cc, "a1", event("e1", "DIALING", "c1", false, null)).statusCode(200); // a replay: no change

        setState(cc, "a1", "dnd").statusCode(200);
        JsonNode next = expectChange(client);
        assertThat(next.get("stateId").asText()).isEqualTo("dnd");
        assertThat(next.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void heartbeatsAreCommentLinesWithTheServerTime() {
        String cc = newCallCenter(30, true);
        SseClient client = supervisorStream(cc, null);
        assertThat(client.nextEvent(WAIT).name()).isEqualTo("snapshot");
        streams.heartbeat();
        SseClient.Event beat = client.next(WAIT);
        assertThat(beat.comment()).isEqualTo("heartbeat 2026-11-18T11:00:00.000Z");
    }

    @Test
    void aCutStreamEndsAndNewWatchersAreRefusedUntilTheFeedAcceptsAgain() {
        String cc = newCallCenter(30, true);
        SseClient client = supervisorStream(cc, null);
        assertThat(client.nextEvent(WAIT).name()).isEqualTo("snapshot");
        feed.cut(cc, false);
        await().atMost(WAIT).until(client::ended);
        assertThat(stream(cc, Tokens.of(cc, "supervisor-1", "supervisor"), null).status()).isEqualTo(503);
        feed.accept();
        assertThat(supervisorStream(cc, null).nextEvent(WAIT).name()).isEqualTo("snapshot");
    }

    /**
     * The server ends an open stream when the caller's token expires, with an {@code expired} event first (the
     * token's expiry is real time, as its verification: a token expiring 3 s from now, and a bounded wait).
     */
    @Test
    void theStreamEndsWhenTheCallersTokenExpires() {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "ready").statusCode(200);
        java.time.Instant expiresAt = java.time.Instant.now().plusSeconds(3).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS);
        SseClient client = stream(cc, Tokens.expiringAt(expiresAt, cc, "supervisor-1", "supervisor"), null);
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.nextEvent(WAIT).name()).isEqualTo("snapshot");
        setState(cc, "a1", "dnd").statusCode(200); // still live before the expiry
        assertThat(client.nextEvent(WAIT).name()).isEqualTo("change");

        SseClient.Event expired = client.nextEvent(Duration.ofSeconds(10));
        java.time.Instant seenAt = java.time.Instant.now();
        assertThat(expired).isNotNull();
        assertThat(expired.name()).isEqualTo("expired");
        assertThat(data(expired).path("expiredAt").asText()).isEqualTo(
                com.ctipresence.domain.Timestamps.format(expiresAt));
        assertThat(seenAt).as("ended at the token's exp, not before").isAfterOrEqualTo(expiresAt)
                .isBefore(expiresAt.plusSeconds(2));
        await().atMost(WAIT).until(client::ended); // the server closed it

        // a stream opened with a token already past its exp (but inside the verifier's clock skew) ends at once
        SseClient late = stream(cc, Tokens.expiringAt(java.time.Instant.now().minusSeconds(1), cc, "supervisor-1",
                "supervisor"), null);
        if (late.status() == 200) {
            assertThat(late.nextEvent(WAIT).name()).isEqualTo("snapshot");
            assertThat(late.nextEvent(WAIT).name()).isEqualTo("expired");
            await().atMost(WAIT).until(late::ended);
        } else {
            assertThat(late.status()).isEqualTo(401);
        }
    }

    @Test
    void thePollingFallbackAnswers304WhileNothingChanged() {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "ready").statusCode(200);
        String etag = asSupervisor(cc).get("/v1/call-centers/{cc}/agents", cc).then().statusCode(200)
                .header("ETag", notNullValue()).header("X-Server-Time", equalTo("2026-11-18T11:00:00.000Z"))
                .body("[0].agentId", equalTo("a1")).extract().header("ETag");

        clock.advance(Duration.ofSeconds(5)); // time in state grows, the presence does not change
        asSupervisor(cc).header("If-None-Match", etag).get("/v1/call-centers/{cc}/agents", cc).then()
                .statusCode(304).body(emptyString()).header("ETag", equalTo(etag));

        setState(cc, "a1", "dnd").statusCode(200);
        String changed = asSupervisor(cc).header("If-None-Match", etag).get("/v1/call-centers/{cc}/agents", cc)
                .then().statusCode(200).body("[0].stateId", equalTo("dnd")).header("ETag", not(equalTo(etag)))
                .extract().header("ETag");
        asSupervisor(cc).header("If-None-Match", changed).get("/v1/call-centers/{cc}/agents", cc).then()
                .statusCode(304);
    }
}
