package com.ctipresence.api;

import com.ctipresence.application.port.out.TimeTotalsRepository;
import com.ctipresence.adapter.out.timer.LocalWrapUpTimer;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.application.service.TickService;
import com.ctipresence.support.Api;
import com.ctipresence.support.StoredTotals;
import com.ctipresence.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TimeTrackingApiTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    TestClock clock;
    @Inject
    TickService timeTracking;
    @Inject
    PresenceService presenceService;
    @Inject
    TimeTotalsRepository totals;
    @Inject
    LocalWrapUpTimer timer;
    @Inject
    AgentRepository agents;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static JsonPath report(String cc, LocalDate from, LocalDate to, String agentId) {
        var request = asSupervisor(cc).queryParam("from", from.toString()).queryParam("to", to.toString());
        if (agentId != null) {
            request.queryParam("agentId", agentId);
        }
        return request.get("/v1/call-centers/{cc}/time-tracking", cc).then().statusCode(200).extract().jsonPath();
    }

    /** seconds per "agent/date/state" of a report. */
    private static Map<String, Integer> secondsByKey(JsonPath report) {
        Map<String, Integer> result = new HashMap<>();
        List<Map<String, Object>> rows = report.getList("$");
        for (Map<String, Object> row : rows) {
            result.put(row.get("agentId") + "/" + row.get("date") + "/" + row.get("stateId"),
                    (Integer) row.get("seconds"));
        }
        return result;
    }

    @Test
    void timeIsBookedPerStateExactlyAndIncludesTheOpenInterval() {
        String cc = newCallCenter(30, true); // Europe/Berlin
        Instant t0 = clock.freeze();
        setState(cc, "a1", "ready");
        clock.advance(Duration.ofSeconds(125));
        setState(cc, "a1", "away");
        clock.advance(Duration.ofSeconds(40));
        LocalDate day = LocalDate.ofInstant(t0, BERLIN);
        assertThat(secondsByKey(report(cc, day, day.plusDays(1), null)))
                .containsEntry("a1/" + day + "/ready", 125)
                .containsEntry("a1/" + day + "/away", 40);
        presence(cc, "a1").body("secondsInState", equalTo(40))
                .body("today.ready", equalTo(125)).body("today.away", equalTo(40));
    }

    @Test
    void aRepeatedEventAnswersTheFirstPresenceWithTodaysFiguresAsStoredNow() {
        String cc = newCallCenter(30, true);
        clock.freeze();
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(200)
                .body("today.on-a-call", nullValue());
        clock.advance(Duration.ofSeconds(100));
        timeTracking.tick(cc); // books the 100 s; the first answer's presence had booked none
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(200)
                .body("version", equalTo(1)).body("secondsInState", equalTo(100))
                .body("today.on-a-call", equalTo(100));
        presence(cc, "a1").body("today.on-a-call", equalTo(100));
    }

    @Test
    void anIntervalAcrossLocalMidnightIsSplitAtMidnight() {
        String cc = newCallCenter(0, false);
        Instant beforeMidnight = ZonedDateTime.of(2026, 11, 23, 23, 59, 30, 0, BERLIN).toInstant();
        clock.freezeAt(beforeMidnight);
        setState(cc, "a1", "ready");
        clock.advance(Duration.ofSeconds(90));
        timeTracking.tick(cc);
        JsonPath rows = report(cc, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), "a1");
        assertThat(secondsByKey(rows)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a1/2026-11-23/ready", 30, "a1/2026-11-24/ready", 60));
        assertThat(rows.getList("date")).containsExactly("2026-11-23", "2026-11-24");
    }

    @Test
    void ticksCheckpointOpenIntervalsAndRepeatingOneCountsNothingTwice() {
        String cc = newCallCenter(0, false);
        Instant t0 = clock.freeze();
        setState(cc, "a1", "ready");
        setState(cc, "a2", "logout");
        clock.advance(Duration.ofSeconds(61));
        assertThat(timeTracking.tick(cc).written()).isEqualTo(1); // a2 is logged out: nothing to book
        assertThat(timeTracking.tick(cc).written()).isZero();
        assertThat(timeTracking.tick(cc).written()).isZero();
        LocalDate day = LocalDate.ofInstant(t0, BERLIN);
        // the stored row itself (the report's open part is now zero) holds the 61 s
        assertThat(secondsByKey(report(cc, day, day, null))).containsExactly(Map.entry("a1/" + day + "/ready", 61));
    }

    @Test
    void logoutEndsTrackingAndEveryOtherStateCounts() {
        String cc = newCallCenter(0, false);
        Instant t0 = clock.freeze();
        setState(cc, "a1", "offline");
        clock.advance(Duration.ofSeconds(10));
        setState(cc, "a1", "logout");
        clock.advance(Duration.ofSeconds(1000));
        setState(cc, "a1", "ready");
        clock.advance(Duration.ofSeconds(5));
        LocalDate day = LocalDate.ofInstant(t0, BERLIN);
        assertThat(secondsByKey(report(cc, day, day.plusDays(1), null))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a1/" + day + "/offline", 10, "a1/" + day + "/ready", 5));
    }

    @Test
    void withTimeTrackingDisabledNoTotalsAreKeptButHistoryIs() {
        String cc = uniqueId("cc");
        putConfig(cc, Api.config(0, false).replace("\"timeTrackingEnabled\":true", "\"timeTrackingEnabled\":false"))
                .statusCode(200);
        Instant t0 = clock.freeze();
        setState(cc, "a1", "ready");
        clock.advance(Duration.ofSeconds(30));
        setState(cc, "a1", "away");
        clock.advance(Duration.ofSeconds(30));
        timeTracking.tick(cc);
        LocalDate day = LocalDate.ofInstant(t0, BERLIN);
        asSupervisor(cc).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/v1/call-centers/{cc}/time-tracking", cc).then().statusCode(200).body("$", empty());
        asSupervisor(cc).get("/v1/call-centers/{cc}/agents/{a}/history", cc, "a1").then().statusCode(200)
                .body("toStateId", contains("ready", "away"));
    }

    @Test
    void historyListsEveryChangeWithItsCause() {
        String cc = newCallCenter(30, true);
        Instant t0 = clock.freeze();
        setState(cc, "a1", "ready");
        clock.advance(Duration.ofSeconds(5));
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(200);
        clock.advance(Duration.ofSeconds(60));
        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 60)).statusCode(200);
        clock.advance(Duration.ofSeconds(100)); // the wrap-up ran out 70 s ago; the tick settles it
        timeTracking.tick(cc);
        asSupervisor(cc).queryParam("from", t0.minusSeconds(1).toString()).queryParam("to", t0.plusSeconds(3600).toString())
                .get("/v1/call-centers/{cc}/agents/{a}/history", cc, "a1").then().statusCode(200)
                .body("cause", contains("AGENT", "CALL_EVENT", "CALL_EVENT", "WRAP_UP_EXPIRY"))
                .body("fromStateId", contains(null, "ready", "on-a-call", "dnd"))
                .body("toStateId", contains("ready", "on-a-call", "dnd", "ready"))
                .body("eventId", contains(null, "e1", "e2", null))
                .body("actorId", contains("a1", null, null, null))
                .body("at[3]", equalTo(t0.plusSeconds(95).toString().replace("Z", ".000Z")));
    }

    @Test
    void aWrapUpExpiryIsBookedAtWrapUpUntilEvenWhenTheTimerFiresLate() {
        String cc = newCallCenter(30, true);
        Instant t0 = clock.freeze();
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null));
        clock.advance(Duration.ofSeconds(20));
        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 20)).body("stateId", equalTo("dnd"));
        clock.advance(Duration.ofSeconds(25));
        timeTracking.tick(cc); // during the wrap-up: books 25 s of DND
        clock.advance(Duration.ofSeconds(75)); // the timer is 70 s late
        presence(cc, "a1").body("stateId", equalTo("ready")) // a read shows the expiry already, writing nothing
                .body("since", equalTo(t0.plusSeconds(50).toString().replace("Z", ".000Z")));
        presenceService.rearmWrapUps(); // as at a restart: the overdue timer fires now, 70 s late
        timer.fireDue();
        assertThat(agents.find(cc, "a1").orElseThrow().state().id()).as("stored by the timer").isEqualTo("ready");
        LocalDate day = LocalDate.ofInstant(t0, BERLIN);
        assertThat(secondsByKey(report(cc, day, day.plusDays(1), "a1"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a1/" + day + "/on-a-call", 20, "a1/" + day + "/dnd", 30, "a1/" + day + "/ready", 70));
        presence(cc, "a1").body("since", equalTo(t0.plusSeconds(50).toString().replace("Z", ".000Z")))
                .body("wrapUpUntil", nullValue());
    }

    @Test
    void twoTicksAndAStateChangeRacingOnFiftyAgentsCountEverySecondOnce() throws Exception {
        String cc = newCallCenter(0, false);
        Instant t0 = clock.freeze();
        List<String> agents = IntStream.range(0, 50).mapToObj(i -> "ag" + i).toList();
        agents.forEach(a -> setState(cc, a, "ready").statusCode(200));
        clock.advance(Duration.ofSeconds(100));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Object>> work = new ArrayList<>();
            work.add(() -> timeTracking.tick(cc));
            work.add(() -> timeTracking.tick(cc));
            for (String a : agents) {
                work.add(() -> setState(cc, a, "away").statusCode(200));
            }
            for (Future<Object> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        clock.advance(Duration.ofSeconds(50));
        timeTracking.tick(cc);
        timeTracking.tick(cc);
        LocalDate day = LocalDate.ofInstant(t0, BERLIN);
        Map<String, Integer> totals = secondsByKey(report(cc, day, day.plusDays(1), null));
        for (String a : agents) {
            assertThat(totals).as(a).containsEntry(a + "/" + day + "/ready", 100)
                    .containsEntry(a + "/" + day + "/away", 50);
        }
        assertThat(totals).hasSize(100);
    }

    @Test
    void theSchedulersDueTicksBookEachCallCenterOncePerUpdateInterval() {
        String cc = uniqueId("cc");
        putConfig(cc, Api.config(0, false).replace("\"timeTrackingUpdateSeconds\":60",
                "\"timeTrackingUpdateSeconds\":5")).statusCode(200);
        Instant t0 = clock.freezeAt(TestClock.FIXED.plusMillis(200)); // inside the slot [FIXED, FIXED + 5 s)
        setState(cc, "a1", "ready");
        clock.advance(Duration.ofSeconds(42)); // 42.2 s later: slot FIXED + 40 s
        LocalDate day = LocalDate.ofInstant(t0, BERLIN);
        // the stored rows, not the read-time projection: only a tick writes them
        assertThat(timeTracking.tickDue()).anyMatch(r -> r.callCenterId().equals(cc) && r.written() == 1);
        assertThat(StoredTotals.of(agents, totals, cc, "a1", day, day)).extracting(DayTotal::millis)
                .containsExactly(42_000L);
        clock.advance(Duration.ofSeconds(2)); // 44.2 s: still the same slot, not due again
        assertThat(timeTracking.tickDue()).noneMatch(r -> r.callCenterId().equals(cc));
        clock.advance(Duration.ofSeconds(1)); // 45.2 s: the next multiple of 5 s has come
        assertThat(timeTracking.tickDue()).anyMatch(r -> r.callCenterId().equals(cc) && r.written() == 1);
        assertThat(StoredTotals.of(agents, totals, cc, "a1", day, day)).extracting(DayTotal::millis)
                .containsExactly(45_000L);
    }

    @Test
    void csvHasAHeaderAndTheSameRows() {
        String cc = uniqueId("cc");
        putConfig(cc, "{\"timeZone\":\"Europe/Berlin\",\"states\":[{\"id\":\"ready\",\"label\":\"Ready, \\\"set\\\"\","
                + "\"presenceStatus\":1}]}").statusCode(200);
        Instant t0 = clock.freeze();
        setState(cc, "a1", "ready");
        clock.advance(Duration.ofSeconds(7));
        LocalDate day = LocalDate.ofInstant(t0, BERLIN);
        String csv = asSupervisor(cc).accept("text/csv").queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/v1/call-centers/{cc}/time-tracking", cc).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).isEqualTo("agentId,date,stateId,label,presenceStatus,seconds,removed\r\n"
                + "a1," + day + ",ready,\"Ready, \"\"set\"\"\",1,7,false\r\n");
    }

    @Test
    void badRangesAre400NamingTheParameter() {
        String cc = newCallCenter(0, false);
        String path = "/v1/call-centers/{cc}/time-tracking";
        asSupervisor(cc).queryParam("from", "2026-11-24").queryParam("to", "2026-11-23").get(path, cc).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        asSupervisor(cc).queryParam("from", "2026-10-01").queryParam("to", "2026-11-01").get(path, cc).then()
                .statusCode(400).body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("31"));
        asSupervisor(cc).queryParam("from", "2026-10-01").queryParam("to", "2026-10-31").get(path, cc).then()
                .statusCode(200);
        asSupervisor(cc).queryParam("from", "2026-13-01").queryParam("to", "2026-11-01").get(path, cc).then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        asSupervisor(cc).queryParam("to", "2026-11-01").get(path, cc).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        asSupervisor(cc).queryParam("from", "2026-11-01").queryParam("to", "2026-11-01").queryParam("agentId", "a b")
                .get(path, cc).then().statusCode(400).body("errors[0].field", equalTo("agentId"));
        asSupervisor(cc).queryParam("from", "2026-11-01").queryParam("to", "2026-11-01")
                .get(path, uniqueId("missing")).then().statusCode(404);
        setState(cc, "a1", "ready");
        String history = "/v1/call-centers/{cc}/agents/{a}/history";
        asSupervisor(cc).queryParam("from", "yesterday").get(history, cc, "a1").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        asSupervisor(cc).queryParam("from", "2026-11-02T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .get(history, cc, "a1").then().statusCode(400).body("errors[0].field", equalTo("from"));
        asSupervisor(cc).queryParam("from", "2026-09-01T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .get(history, cc, "a1").then().statusCode(400).body("errors[0].field", equalTo("to"));
        asSupervisor(cc).get(history, cc, "nobody").then().statusCode(404);
        asSupervisor(cc).get(history, cc, "a1").then().statusCode(200).body("$", hasSize(1));
    }
}
