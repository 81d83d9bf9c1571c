package com.ctipresence.api;

import com.ctipresence.application.port.out.TimeTotalsRepository;
import com.ctipresence.adapter.out.timer.LocalWrapUpTimer;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.application.service.TickService;
import com.ctipresence.support.Api;
import com.ctipresence.adapter.out.dynamodb.Tables;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.support.StoredTotals;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
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
    @Inject
    DynamoDbClient dynamo;
    @Inject
    Tables tables;

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

    @Test
    void twoHundredShortIntervalsGiveEveryStateItsExactTimeAndEachAgentDayAddsUpToItsRoundedWallTime() {
        String cc = newCallCenter(0, false);
        // from 23:57 Berlin: the ~200 s of intervals cross local midnight, so there are two agent-days
        Instant start = ZonedDateTime.of(2026, 11, 23, 23, 57, 0, 0, BERLIN).toInstant().plusMillis(123);
        clock.freezeAt(start);
        List<String> states = List.of("ready", "dnd", "away", "on-a-call", "offline");
        java.util.Random random = new java.util.Random(20261124L);
        Map<String, Long> trueMillis = new HashMap<>(); // "date/state" -> milliseconds
        String current = "ready";
        setState(cc, "a1", current).statusCode(200);
        for (int i = 0; i < 200; i++) {
            long millis = 300 + random.nextInt(1_401); // 0.3 .. 1.7 s
            Instant from = clock.instant();
            clock.advance(Duration.ofMillis(millis));
            addSplitAtMidnight(trueMillis, current, from, clock.instant());
            String next;
            do {
                next = states.get(random.nextInt(states.size()));
            } while (next.equals(current));
            setState(cc, "a1", next).statusCode(200);
            current = next;
            if (i % 50 == 49) {
                timeTracking.tick(cc); // ticks between changes book nothing twice
            }
        }
        LocalDate first = LocalDate.of(2026, 11, 23);
        JsonPath rows = report(cc, first, first.plusDays(1), "a1");
        List<Map<String, Object>> list = rows.getList("$");
        Map<String, Long> secondsPerDay = new HashMap<>();
        Map<String, Long> wallPerDay = new HashMap<>();
        trueMillis.forEach((key, ms) -> wallPerDay.merge(key.substring(0, key.indexOf('/')), ms, Long::sum));
        for (Map<String, Object> row : list) {
            String key = row.get("date") + "/" + row.get("stateId");
            long exact = trueMillis.getOrDefault(key, 0L);
            long seconds = ((Number) row.get("seconds")).longValue();
            // the state's total is exact (so within 0.5 s of the true time, as the issue asks: 0 ms off); the
            // whole seconds shown are that total rounded down or up (largest remainder), never a second off
            assertThat(((Number) row.get("millis")).longValue()).as("exact millis of %s", key).isEqualTo(exact);
            assertThat(Math.abs(seconds * 1000 - exact)).as("seconds of %s vs the true %d ms", key, exact)
                    .isLessThan(1000);
            secondsPerDay.merge((String) row.get("date"), seconds, Long::sum);
        }
        assertThat(list).hasSize(trueMillis.size());
        assertThat(wallPerDay).hasSize(2);
        wallPerDay.forEach((day, wall) -> assertThat(secondsPerDay.get(day))
                .as("the seconds of %s add up to its rounded wall time %d ms", day, wall)
                .isEqualTo((wall + 500) / 1000));
        // the state totals themselves (milliseconds, what the store holds) are exact: within 0.5 s of the truth
        Map<String, Long> stored = new HashMap<>();
        StoredTotals.of(agents, totals, cc, "a1", first, first.plusDays(1))
                .forEach(t -> stored.put(t.date() + "/" + t.stateId(), t.millis()));
        assertThat(stored).isEqualTo(trueMillis);
    }

    private static void addSplitAtMidnight(Map<String, Long> into, String state, Instant from, Instant to) {
        Instant midnight = LocalDate.ofInstant(from, BERLIN).plusDays(1).atStartOfDay(BERLIN).toInstant();
        if (to.isAfter(midnight)) {
            addSplitAtMidnight(into, state, from, midnight);
            addSplitAtMidnight(into, state, midnight, to);
            return;
        }
        into.merge(LocalDate.ofInstant(from, BERLIN) + "/" + state, Duration.between(from, to).toMillis(), Long::sum);
    }

    @Test
    void anAgentItemWrittenBeforeRunningTotalsIsReadWithItsStoredSecondsAndStartsRunningTotalsAfterMidnight() {
        String cc = newCallCenter(0, false);
        Instant t0 = clock.freeze(); // 12:00 Berlin
        String day = LocalDate.ofInstant(t0, BERLIN).toString();
        // as the code before running totals wrote them: no dayTotals on the agent, whole seconds in the row
        Map<String, AttributeValue> agent = new HashMap<>(Map.of("callCenterId", AttributeValue.fromS(cc),
                "agentId", AttributeValue.fromS("old"), "stateId", AttributeValue.fromS("ready"),
                "label", AttributeValue.fromS("Ready for Calls"), "reasonCode", AttributeValue.fromS("*60"),
                "presenceStatus", AttributeValue.fromN("1"), "since", AttributeValue.fromS(
                        t0.minusSeconds(100).toString().replace("Z", ".000Z")),
                "automatic", AttributeValue.fromBool(false), "version", AttributeValue.fromN("1")));
        agent.put("accountedUntil", AttributeValue.fromS(t0.minusSeconds(40).toString().replace("Z", ".000Z")));
        dynamo.putItem(PutItemRequest.builder().tableName(tables.name(Tables.AGENTS)).item(agent).build());
        dynamo.putItem(PutItemRequest.builder().tableName(tables.name(Tables.TIME_TOTALS)).item(Map.of(
                "callCenterId", AttributeValue.fromS(cc), "totalKey", AttributeValue.fromS(day + "#old#ready"),
                "agentId", AttributeValue.fromS("old"), "date", AttributeValue.fromS(day),
                "stateId", AttributeValue.fromS("ready"), "label", AttributeValue.fromS("Ready for Calls"),
                "presenceStatus", AttributeValue.fromN("1"), "seconds", AttributeValue.fromN("60"))).build());

        presence(cc, "old").statusCode(200).body("today.ready", equalTo(100)).body("todayMillis.ready", equalTo(100_000))
                .body("secondsInState", equalTo(100));
        asSupervisor(cc).get("/v1/call-centers/{cc}/agents", cc).then().statusCode(200)
                .body("find { it.agentId == 'old' }.today.ready", equalTo(100));
        clock.advance(Duration.ofMillis(2_500));
        timeTracking.tick(cc); // still the legacy day: booked into the row, as before
        assertThat(agents.find(cc, "old").orElseThrow().running().legacy()).isTrue();
        presence(cc, "old").body("todayMillis.ready", equalTo(102_500));
        Instant midnight = LocalDate.ofInstant(t0, BERLIN).plusDays(1).atStartOfDay(BERLIN).toInstant();
        clock.freezeAt(midnight.plusSeconds(10));
        timeTracking.tick(cc);
        AgentPresence after = agents.find(cc, "old").orElseThrow();
        assertThat(after.running().legacy()).as("running totals from the first booking on a later day").isFalse();
        assertThat(after.running().date()).isEqualTo(LocalDate.ofInstant(midnight, BERLIN));
        presence(cc, "old").body("today.ready", equalTo(10)).body("todayMillis.ready", equalTo(10_000));
        long dayOne = Duration.between(t0.minusSeconds(100), midnight).toSeconds();
        assertThat(secondsByKey(report(cc, LocalDate.parse(day), LocalDate.parse(day).plusDays(1), "old")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("old/" + day + "/ready", (int) dayOne,
                        "old/" + LocalDate.ofInstant(midnight, BERLIN) + "/ready", 10));
    }
}
