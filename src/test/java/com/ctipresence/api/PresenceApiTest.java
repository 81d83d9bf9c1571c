package com.ctipresence.api;

import com.ctipresence.adapter.out.timer.LocalWrapUpTimer;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.ctipresence.support.Api.asAgent;
import static com.ctipresence.support.Api.asSupervisor;
import static com.ctipresence.support.Api.callEvent;
import static com.ctipresence.support.Api.event;
import static com.ctipresence.support.Api.newCallCenter;
import static com.ctipresence.support.Api.presence;
import static com.ctipresence.support.Api.putConfig;
import static com.ctipresence.support.Api.setState;
import static com.ctipresence.support.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PresenceApiTest {
    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Inject
    TestClock clock;
    @Inject
    PresenceService presenceService;
    @Inject
    LocalWrapUpTimer timer;
    @Inject
    AgentRepository agents;

    /** The agent as stored (not as a read projects it). */
    private AgentPresence stored(String cc, String agentId) {
        return agents.find(cc, agentId).orElseThrow();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void agentSetsAStateAndReadsItBack() {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "dnd").statusCode(200)
                .body("callCenterId", equalTo(cc)).body("agentId", equalTo("a1"))
                .body("stateId", equalTo("dnd")).body("label", equalTo("Do Not Disturb"))
                .body("presenceStatus", equalTo(4)).body("reasonCode", equalTo("*61"))
                .body("since", matchesPattern(ISO_MILLIS))
                .body("wrapUpUntil", nullValue()).body("activeCallId", nullValue())
                .body("version", equalTo(1));
        presence(cc, "a1").statusCode(200).body("stateId", equalTo("dnd")).body("version", equalTo(1));
        setState(cc, "a1", "away").statusCode(200).body("stateId", equalTo("away")).body("version", equalTo(2));
    }

    @Test
    void choosingTheCurrentStateAgainChangesNothing() {
        String cc = newCallCenter(30, true);
        String since = setState(cc, "a1", "away").extract().path("since");
        clock.advance(Duration.ofSeconds(5));
        setState(cc, "a1", "away").statusCode(200).body("version", equalTo(1)).body("since", equalTo(since));
    }

    @Test
    void allAgentsOfTheCallCenterAreListed() {
        String cc = newCallCenter(0, false);
        setState(cc, "a1", "ready");
        setState(cc, "a2", "away");
        setState(newCallCenter(0, false), "elsewhere", "ready");
        asSupervisor(cc).get("/v1/call-centers/{cc}/agents", cc).then().statusCode(200)
                .body("agentId", containsInAnyOrder("a1", "a2"))
                .body("stateId", containsInAnyOrder("ready", "away"));
    }

    @Test
    void unknownThingsAre4xxAndStoreNothing() {
        String cc = newCallCenter(30, true);
        presence(cc, "nobody").statusCode(404).contentType("application/problem+json");
        setState(cc, "a1", "lunch").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("stateId"))
                .body("errors[0].message", containsString("ready, dnd"));
        presence(cc, "a1").statusCode(404);
        setState(uniqueId("missing"), "a1", "ready").statusCode(404);
        asSupervisor("missing").get("/v1/call-centers/{cc}/agents", "missing").then().statusCode(404);
        setState(cc, "bad agent", "ready").statusCode(400).body("errors[0].field", equalTo("agentId"));
        asAgent(cc, "a1").contentType("application/json").body("{\"stateId\":\"ready\",\"mood\":\"happy\"}")
                .put("/v1/call-centers/{cc}/agents/{a}/presence", cc, "a1").then().statusCode(400)
                .body("errors[0].field", equalTo("mood"));
        asAgent(cc, "a1").contentType("application/json").body("{\"stateId\":7}")
                .put("/v1/call-centers/{cc}/agents/{a}/presence", cc, "a1").then().statusCode(400)
                .body("errors[0].field", equalTo("stateId"));
        asAgent(cc, "a1").contentType("application/json").body("{}")
                .put("/v1/call-centers/{cc}/agents/{a}/presence", cc, "a1").then().statusCode(400)
                .body("errors[0].field", equalTo("stateId"));
        asAgent(cc, "a1").contentType("application/json")
                .put("/v1/call-centers/{cc}/agents/{a}/presence", cc, "a1").then().statusCode(400);
        presence(cc, "a1").statusCode(404);
    }

    @Test
    void connectedGoesOnACallAndEndedStartsWrapUpThenReadyByItself() {
        String cc = uniqueId("cc");
        putConfig(cc, com.ctipresence.support.Api.config(1, true)).statusCode(200);
        setState(cc, "a1", "ready");
        callEvent(cc, "a1", event("e1", "CONNECTED", "c-9", false, null)).statusCode(200)
                .body("stateId", equalTo("on-a-call")).body("presenceStatus", equalTo(6))
                .body("activeCallId", equalTo("c-9"));
        ExtractableResponse<Response> ended = callEvent(cc, "a1", event("e2", "ENDED", "c-9", false, 42))
                .statusCode(200).body("stateId", equalTo("dnd")).body("presenceStatus", equalTo(4))
                .body("activeCallId", nullValue()).body("wrapUpUntil", matchesPattern(ISO_MILLIS)).extract();
        Instant endedAt = Instant.parse(ended.path("since"));
        Instant until = Instant.parse(ended.path("wrapUpUntil"));
        assertThat(until).isEqualTo(endedAt.plusSeconds(1));
        assertThat(stored(cc, "a1").inWrapUp()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        timer.fireDue(); // the wrap-up timer's instant has come by the clock
        assertThat(stored(cc, "a1").state().id()).as("the timer wrote the expiry").isEqualTo("ready");
        assertThat(stored(cc, "a1").since()).isEqualTo(until);
        presence(cc, "a1").body("presenceStatus", equalTo(1)).body("wrapUpUntil", nullValue())
                .body("since", equalTo(ended.path("wrapUpUntil")));
    }

    @Test
    void wrapUpExpiryIsStampedAtWrapUpUntilEvenWhenItRunsLate() {
        String cc = newCallCenter(30, true);
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(200);
        String until = callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 10)).statusCode(200)
                .extract().path("wrapUpUntil");
        clock.advance(Duration.ofSeconds(300)); // the timer "runs" 270 s late: as after a restart
        assertThat(presenceService.rearmWrapUps()).isGreaterThanOrEqualTo(1);
        timer.fireDue();
        assertThat(stored(cc, "a1").state().id()).isEqualTo("ready");
        presence(cc, "a1").body("since", equalTo(until)).body("version", equalTo(3));
    }

    @Test
    void ringOnlyAndInternalCallsGetNoWrapUp() {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "ready");
        callEvent(cc, "a1", event("e1", "ENDED", "ring", false, 0)).statusCode(200)
                .body("stateId", equalTo("ready")).body("wrapUpUntil", nullValue());
        callEvent(cc, "a1", event("e2", "CONNECTED", "int", true, null)).statusCode(200)
                .body("stateId", equalTo("on-a-call"));
        callEvent(cc, "a1", event("e3", "ENDED", "int", true, 120)).statusCode(200)
                .body("stateId", equalTo("ready")).body("wrapUpUntil", nullValue());
    }

    @Test
    void withoutActiveCallOptionACallNeverOverridesAChosenStateButAWrapUpFollowsReady() {
        String cc = newCallCenter(30, false);
        setState(cc, "a1", "away");
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(200)
                .body("stateId", equalTo("away")).body("activeCallId", equalTo("c1"));
        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 0)).statusCode(200)
                .body("stateId", equalTo("away")).body("activeCallId", nullValue());
        callEvent(cc, "a1", event("e3", "ENDED", "c2", false, 15)).statusCode(200)
                .body("stateId", equalTo("away")).body("wrapUpUntil", nullValue());
        setState(cc, "a1", "ready");
        callEvent(cc, "a1", event("e4", "ENDED", "c3", false, 15)).statusCode(200)
                .body("stateId", equalTo("dnd")).body("wrapUpUntil", notNullValue());
    }

    @Test
    void wrapUpDisabledMeansReadyRightAfterTheCall() {
        String cc = newCallCenter(0, true);
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(200)
                .body("stateId", equalTo("on-a-call"));
        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 60)).statusCode(200)
                .body("stateId", equalTo("ready")).body("wrapUpUntil", nullValue());
    }

    @Test
    void dialingOutDuringWrapUpOrManualDndSetsReadyAtOnce() {
        String cc = newCallCenter(999, true);
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null));
        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 30)).body("stateId", equalTo("dnd"));
        callEvent(cc, "a1", event("e3", "DIALING", "c2", false, null)).statusCode(200)
                .body("stateId", equalTo("ready")).body("wrapUpUntil", nullValue());
        setState(cc, "a2", "dnd");
        callEvent(cc, "a2", event("e1", "DIALING", "c3", false, null)).statusCode(200)
                .body("stateId", equalTo("ready"));
        setState(cc, "a3", "away");
        callEvent(cc, "a3", event("e1", "DIALING", "c4", false, null)).statusCode(200)
                .body("stateId", equalTo("away")).body("version", equalTo(1));
    }

    @Test
    void aStateChosenDuringWrapUpIsNeverOverriddenByItsExpiry() {
        String cc = newCallCenter(999, true);
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null));
        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 30)).body("stateId", equalTo("dnd"));
        String a1WrapUp = stored(cc, "a1").wrapUpId();
        setState(cc, "a1", "away").statusCode(200).body("wrapUpUntil", nullValue());
        setState(cc, "a2", "ready");
        callEvent(cc, "a2", event("e1", "CONNECTED", "c1", false, null));
        callEvent(cc, "a2", event("e2", "ENDED", "c1", false, 30)).body("stateId", equalTo("dnd"));
        String a2WrapUp = stored(cc, "a2").wrapUpId();
        setState(cc, "a2", "dnd").statusCode(200).body("wrapUpUntil", nullValue()); // stays DND by choice

        clock.advance(Duration.ofSeconds(1000));
        assertThat(presenceService.expireWrapUp(cc, "a1", a1WrapUp).change().changed()).isFalse();
        assertThat(presenceService.expireWrapUp(cc, "a2", a2WrapUp).change().changed()).isFalse();
        presenceService.rearmWrapUps();
        timer.fireDue();
        presence(cc, "a1").body("stateId", equalTo("away"));
        presence(cc, "a2").body("stateId", equalTo("dnd"));
        assertThat(stored(cc, "a2").state().id()).isEqualTo("dnd");
    }

    @Test
    void aRepeatedEventAnswersTheSameAndChangesNothing() {
        String cc = newCallCenter(30, true);
        clock.freeze();
        setState(cc, "a1", "ready");
        Map<String, Object> first = presenceFields(callEvent(cc, "a1", event("e-1", "CONNECTED", "c-9", false,
                null)).statusCode(200));
        clock.advance(Duration.ofSeconds(10));
        Map<String, Object> again = presenceFields(callEvent(cc, "a1", event("e-1", "CONNECTED", "c-9", false,
                null)).statusCode(200).body("secondsInState", equalTo(10)));
        assertThat(again).isEqualTo(first).containsEntry("stateId", "on-a-call").containsEntry("version", 2);
        presence(cc, "a1").body("version", equalTo(2));
        callEvent(cc, "a1", event("e-1", "ENDED", "c-9", false, 5)).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("e-1"));
        presence(cc, "a1").body("version", equalTo(2)).body("stateId", equalTo("on-a-call"));
    }

    @Test
    void aReplayChangesNothingAndAnswersTheCurrentPresenceWithTheReplayHeader() {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "away");
        callEvent(cc, "a1", event("d1", "DIALING", "c1", false, null)).statusCode(200).body("version", equalTo(1))
                .header("Idempotent-Replayed", nullValue());
        setState(cc, "a1", "dnd");
        callEvent(cc, "a1", event("d1", "DIALING", "c1", false, null)).statusCode(200)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("stateId", equalTo("dnd")).body("version", equalTo(2));
        presence(cc, "a1").body("stateId", equalTo("dnd")).body("version", equalTo(2));
    }

    @Test
    void concurrentDuplicatesAreAppliedOnce() throws Exception {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "ready");
        List<Map<String, Object>> bodies = runConcurrently(8, i ->
                presenceFields(callEvent(cc, "a1", event("dup", "CONNECTED", "c1", false, null)).statusCode(200)));
        assertThat(bodies).containsOnly(bodies.get(0));
        presence(cc, "a1").body("version", equalTo(2));
    }

    @Test
    void twentyConcurrentChangesAreAllKept() throws Exception {
        String cc = uniqueId("cc");
        StringBuilder states = new StringBuilder("{\"id\":\"ready\",\"label\":\"Ready\",\"presenceStatus\":1}");
        for (int i = 0; i < 20; i++) {
            states.append(",{\"id\":\"s").append(i).append("\",\"label\":\"State ").append(i)
                    .append("\",\"presenceStatus\":3}");
        }
        putConfig(cc, "{\"states\":[" + states + "]}").statusCode(200);
        List<Integer> versions = runConcurrently(20, i ->
                setState(cc, "a1", "s" + i).statusCode(200).extract().<Integer>path("version"));
        assertThat(versions).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        presence(cc, "a1").body("version", equalTo(20));
    }

    @Test
    void aCallEventForANewAgentCreatesIt() {
        String cc = newCallCenter(30, true);
        callEvent(cc, "new", event("e1", "CONNECTED", "c1", false, null)).statusCode(200)
                .body("stateId", equalTo("on-a-call")).body("version", equalTo(1));
        asSupervisor(cc).get("/v1/call-centers/{cc}/agents", cc).then().body("agentId", hasItem("new"));
    }

    @Test
    void presenceDisabledRefusesChangesAndIgnoresCallEvents() {
        String cc = uniqueId("cc");
        putConfig(cc, com.ctipresence.support.Api.config(30, true).replace("\"presenceEnabled\":true",
                "\"presenceEnabled\":false")).statusCode(200);
        setState(cc, "a1", "ready").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("presenceEnabled=false"));
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(202).body(emptyString());
        presence(cc, "a1").statusCode(404);
    }

    @Test
    void badCallEventsAreNamed() {
        String cc = newCallCenter(30, true);
        callEvent(cc, "a1", "{\"eventId\":\"e1\",\"type\":\"ENDED\",\"callId\":\"c1\"}").statusCode(400)
                .body("errors.field", hasItem("durationSeconds"));
        callEvent(cc, "a1", "{\"eventId\":\"e1\",\"type\":\"HANGUP\",\"callId\":\"c1\"}").statusCode(400)
                .body("errors[0].field", equalTo("type"));
        callEvent(cc, "a1", "{\"eventId\":\"e 1\",\"callId\":\"\",\"durationSeconds\":-1}").statusCode(400)
                .body("errors.field", containsInAnyOrder("eventId", "callId", "type", "durationSeconds"));
        callEvent(cc, "a1", "{\"eventId\":\"e1\",\"type\":\"ENDED\",\"callId\":\"c1\",\"durationSeconds\":\"9\"}")
                .statusCode(400).body("errors[0].field", equalTo("durationSeconds"));
        callEvent(cc, "a1", "{\"eventId\":\"e1\",\"type\":\"ENDED\",\"callId\":\"c1\",\"durationSeconds\":9,"
                + "\"internal\":\"no\"}").statusCode(400).body("errors[0].field", equalTo("internal"));
        presence(cc, "a1").statusCode(404);
    }

    /**
     * The presence itself, without the read-time figures (secondsInState, today, todayMillis) that move with the
     * clock.
     */
    private static Map<String, Object> presenceFields(ValidatableResponse response) {
        Map<String, Object> fields = new HashMap<>(response.extract().jsonPath().getMap("$"));
        fields.remove("secondsInState");
        fields.remove("today");
        fields.remove("todayMillis");
        return fields;
    }

    private interface Task<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<T> runConcurrently(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
