package com.ctipresence.api;

import com.ctipresence.adapter.out.dynamodb.Tables;
import com.ctipresence.adapter.out.timer.LocalWrapUpTimer;
import com.ctipresence.application.Body;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.port.out.TimeTotalsRepository;
import com.ctipresence.application.port.out.WrapUpDue;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.application.service.TickResult;
import com.ctipresence.application.service.TickService;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.support.Services;
import com.ctipresence.support.StoreProbe;
import com.ctipresence.support.StoredTotals;
import com.ctipresence.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static com.ctipresence.support.Api.asSupervisor;
import static com.ctipresence.support.Api.callEvent;
import static com.ctipresence.support.Api.event;
import static com.ctipresence.support.Api.newCallCenter;
import static com.ctipresence.support.Api.presence;
import static com.ctipresence.support.Api.setState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The presence rules v2 and hardening as seen through the API and the store. */
@QuarkusTest
class PresenceRulesApiTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    TestClock clock;
    @Inject
    PresenceService presenceService;
    @Inject
    TickService ticks;
    @Inject
    AgentRepository agents;
    @Inject
    TimeTotalsRepository totals;
    @Inject
    LocalWrapUpTimer timer;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    Tables tables;
    @Inject
    com.ctipresence.application.port.out.CallCenterRepository callCenters;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void aReadAfterWrapUpUntilWithTheTimerHeldBackShowsReadyWithoutWriting() {
        String cc = newCallCenter(999, true);
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(200);
        String until = callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 60)).statusCode(200)
                .body("stateId", equalTo("dnd")).extract().path("wrapUpUntil");
        timer.cancel(cc, "a1"); // held back
        clock.advance(Duration.ofSeconds(1_005));
        presence(cc, "a1").statusCode(200).body("stateId", equalTo("ready")).body("since", equalTo(until))
                .body("wrapUpUntil", nullValue()).body("secondsInState", equalTo(6))
                .body("today.dnd", equalTo(999)).body("today.ready", equalTo(6));
        asSupervisor(cc).get("/v1/call-centers/{cc}/agents", cc).then().statusCode(200)
                .body("find { it.agentId == 'a1' }.stateId", equalTo("ready"));
        assertThat(agents.find(cc, "a1").orElseThrow().inWrapUp()).as("reads write nothing").isTrue();
    }

    @Test
    void aReplayedEventReArmsTheWrapUpItStartedWhileThatStillRuns() {
        String cc = newCallCenter(30, true);
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(200);
        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 60)).statusCode(200);
        timer.cancel(cc, "a1"); // the first answer was lost with its timer
        assertThat(timer.pending()).noneMatch(d -> d.callCenterId().equals(cc));
        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 60)).statusCode(200)
                .header("Idempotent-Replayed", equalTo("true")).body("stateId", equalTo("dnd"));
        assertThat(timer.pending()).extracting(WrapUpDue::callCenterId, WrapUpDue::agentId)
                .contains(org.assertj.core.groups.Tuple.tuple(cc, "a1"));
        setState(cc, "a1", "away").statusCode(200);
        timer.cancel(cc, "a1");
        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 60)).statusCode(200).body("stateId", equalTo("away"));
        assertThat(timer.pending()).as("that wrap-up is over").noneMatch(d -> d.callCenterId().equals(cc));
    }

    @Test
    void aNinthConcurrentCallIs409NamingTheLimitAndChangesNothing() {
        String cc = newCallCenter(30, true);
        for (int i = 1; i <= 8; i++) {
            callEvent(cc, "a1", event("e" + i, "CONNECTED", "c" + i, false, null)).statusCode(200);
        }
        callEvent(cc, "a1", event("e9", "CONNECTED", "c9", false, null)).statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("8"));
        presence(cc, "a1").body("activeCallIds.size()", equalTo(8)).body("activeCallId", equalTo("c8"));
    }

    @Test
    void oneAgentsViewAndChangesCostTheSameStoreRequestsInCallCentersOf10AndOf1000Agents() throws Exception {
        String small = untrackedCallCenter();
        String large = untrackedCallCenter(); // left out of the other tests' ticks: nothing to tick
        populate(small, 10);
        populate(large, 1_000);
        for (String cc : List.of(small, large)) {
            assertThat(requests(cc, () -> presence(cc, "agent-1").statusCode(200)))
                    .as("GET presence in %s", cc).hasSizeLessThanOrEqualTo(4);
        }
        assertThat(requests(large, () -> presence(large, "agent-1"))).hasSameSizeAs(
                requests(small, () -> presence(small, "agent-1")));
        assertThat(requests(large, () -> setState(large, "agent-2", "away").statusCode(200))).hasSameSizeAs(
                requests(small, () -> setState(small, "agent-2", "away").statusCode(200)));
        assertThat(requests(large, () -> callEvent(large, "agent-3", event("x", "CONNECTED", "c", false, null))
                .statusCode(200))).hasSameSizeAs(requests(small, () -> callEvent(small, "agent-3",
                event("x", "CONNECTED", "c", false, null)).statusCode(200)));
    }

    private static String untrackedCallCenter() {
        String cc = com.ctipresence.support.Api.uniqueId("cc");
        com.ctipresence.support.Api.putConfig(cc, com.ctipresence.support.Api.config(0, true)
                .replace("\"timeTrackingEnabled\":true", "\"timeTrackingEnabled\":false")).statusCode(200);
        return cc;
    }

    private static List<String> requests(String marker, Runnable action) {
        StoreProbe.record(marker);
        action.run();
        return StoreProbe.recorded(marker);
    }

    private void populate(String cc, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = IntStream.range(0, count).<Future<?>>mapToObj(i -> pool.submit(() ->
                    presenceService.setState(Services.agent(cc, "agent-" + i), cc, "agent-" + i,
                            Body.of("ready")))).toList();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingCallCenterDoesNotStopAnothersTick() {
        String bad = newCallCenter(0, false);
        String good = newCallCenter(0, false);
        setState(good, "a1", "ready").statusCode(200);
        dynamo.putItem(PutItemRequest.builder().tableName(tables.name(Tables.AGENTS)).item(Map.of(
                "callCenterId", AttributeValue.fromS(bad), "agentId", AttributeValue.fromS("broken"),
                "presenceStatus", AttributeValue.fromN("99"))).build());
        clock.advance(Duration.ofSeconds(61));
        List<TickResult> results = ticks.tickDue();
        assertThat(results).anyMatch(r -> r.callCenterId().equals(bad) && r.failed() < 0);
        assertThat(results).anyMatch(r -> r.callCenterId().equals(good) && r.written() == 1);
        LocalDate day = LocalDate.ofInstant(clock.instant(), BERLIN);
        assertThat(StoredTotals.of(agents, totals, good, "a1", day, day)).extracting(DayTotal::millis)
                .containsExactly(61_000L);
    }

    @Test
    void anAgentLastAccounted120DaysAgoIsTickedAndChangedWithoutErrorAndExactly() {
        String cc = newCallCenter(0, false);
        Instant t0 = clock.instant();
        setState(cc, "ticked", "away").statusCode(200);
        setState(cc, "changed", "away").statusCode(200);
        clock.advance(Duration.ofDays(120));
        assertThat(ticks.tick(cc).written()).isEqualTo(2);
        setState(cc, "changed", "ready").statusCode(200).body("stateId", equalTo("ready"));
        setState(cc, "ticked", "ready").statusCode(200);
        clock.advance(Duration.ofSeconds(10));
        ticks.tick(cc);
        LocalDate first = LocalDate.ofInstant(t0, BERLIN);
        LocalDate last = LocalDate.ofInstant(clock.instant(), BERLIN);
        for (String agent : List.of("ticked", "changed")) {
            List<DayTotal> rows = StoredTotals.of(agents, totals, cc, agent, first, last);
            assertThat(rows.stream().filter(r -> r.stateId().equals("away")).mapToLong(DayTotal::millis).sum())
                    .as(agent).isEqualTo(Duration.ofDays(120).toMillis());
            assertThat(rows.stream().filter(r -> r.stateId().equals("ready")).mapToLong(DayTotal::millis).sum())
                    .as(agent).isEqualTo(10_000);
        }
    }

    @Test
    void throttlingInsideTheTransactionIs503WithRetryAfterAndNoUpdateIsLost() {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "ready").statusCode(200);
        StoreProbe.fail(cc, "TransactWriteItems", 1, () -> TransactionCanceledException.builder()
                .message("Transaction cancelled").cancellationReasons(
                        CancellationReason.builder().code("ThrottlingError").build(),
                        CancellationReason.builder().code("None").build()).build());
        setState(cc, "a1", "away").statusCode(503).header("Retry-After", notNullValue())
                .contentType("application/problem+json");
        presence(cc, "a1").body("stateId", equalTo("ready")).body("version", equalTo(1));
        StoreProbe.fail(cc, "GetItem", 1, () -> ProvisionedThroughputExceededException.builder()
                .message("Rate exceeded").statusCode(400).awsErrorDetails(
                        software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                .errorCode("ProvisionedThroughputExceededException").serviceName("DynamoDb")
                                .errorMessage("Rate exceeded").build()).build());
        setState(cc, "a1", "away").statusCode(503).header("Retry-After", notNullValue());
        StoreProbe.clearFaults(cc);
        setState(cc, "a1", "away").statusCode(200).body("version", equalTo(2));
        asSupervisor(cc).get("/v1/call-centers/{cc}/agents/a1/history", cc).then().statusCode(200)
                .body("toStateId", hasItem("away")).body("size()", equalTo(2));
    }

    @Test
    void reportsShowTheCurrentLabelAndMarkARemovedStateWithItsLastLabel() {
        String cc = newCallCenter(0, false);
        setState(cc, "a1", "away").statusCode(200);
        clock.advance(Duration.ofSeconds(10));
        setState(cc, "a1", "offline").statusCode(200);
        clock.advance(Duration.ofSeconds(5));
        ticks.tick(cc);
        com.ctipresence.support.Api.putConfig(cc, com.ctipresence.support.Api.config(0, false)
                .replace("\"label\":\"Away\"", "\"label\":\"Away from desk\"")
                .replaceAll(",\\s*\\{\"id\":\"offline\"[^}]*}", ""))
                .statusCode(200);
        String day = LocalDate.ofInstant(clock.instant(), BERLIN).toString();
        var rows = asSupervisor(cc).queryParam("from", day).queryParam("to", day)
                .get("/v1/call-centers/{cc}/time-tracking", cc).then().statusCode(200).extract().jsonPath();
        assertThat(rows.getList("findAll { it.stateId == 'away' }.label")).containsExactly("Away from desk");
        assertThat(rows.getList("findAll { it.stateId == 'away' }.removed")).containsExactly(false);
        assertThat(rows.getList("findAll { it.stateId == 'offline' }.label")).containsExactly("Offline");
        assertThat(rows.getList("findAll { it.stateId == 'offline' }.removed")).containsExactly(true);
        assertThat(rows.getList("findAll { it.stateId == 'offline' }.seconds", Integer.class)).containsExactly(5);
        String csv = asSupervisor(cc).accept("text/csv").queryParam("from", day).queryParam("to", day)
                .get("/v1/call-centers/{cc}/time-tracking", cc).then().statusCode(200).extract().asString();
        assertThat(csv).contains(",away,Away from desk,3,10,false\r\n").contains(",offline,Offline,2,5,true\r\n");
    }

    @Test
    void aCallCenterCannotGrowPastItsAgentCapAndTheCapIsCountedExactly() {
        String cc = newCallCenter(30, true);
        var capped = new com.ctipresence.adapter.out.dynamodb.DynamoAgentRepository(dynamo, tables,
                new com.ctipresence.adapter.out.dynamodb.DynamoTimeTotalsRepository(dynamo, tables), () -> 3,
                Services.NO_METRICS);
        var config = callCenters.find(cc).orElseThrow();
        for (int i = 1; i <= 3; i++) {
            capped.commit(new com.ctipresence.application.port.out.AgentCommit(com.ctipresence.domain.PresenceMachine
                    .setState(config, null, "a" + i, "ready", com.ctipresence.domain.TransitionCause.AGENT, "a" + i,
                            clock.instant()), null));
        }
        var fourth = com.ctipresence.domain.PresenceMachine.setState(config, null, "a4", "ready",
                com.ctipresence.domain.TransitionCause.AGENT, "a4", clock.instant());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> capped.commit(
                        new com.ctipresence.application.port.out.AgentCommit(fourth, null)))
                .isInstanceOf(com.ctipresence.application.port.out.LimitReachedException.class)
                .hasMessageContaining("3 agents");
        assertThat(agents.find(cc, "a4")).isEmpty();
        setState(cc, "a1", "away").statusCode(200); // existing agents go on working
        assertThat(com.ctipresence.adapter.in.problem.Problems.of(
                new com.ctipresence.application.port.out.LimitReachedException("cap"), "/x").status()).isEqualTo(409);
    }

    @Test
    void everyCommitCarriesAClientRequestTokenSoARetryOfASucceededCommitSucceedsAgain() {
        String cc = newCallCenter(30, true);
        StoreProbe.record(cc);
        setState(cc, "a1", "ready").statusCode(200);
        assertThat(StoreProbe.recorded(cc)).contains("TransactWriteItems");
        var change = com.ctipresence.domain.PresenceMachine.setState(
                callCenters.find(cc).orElseThrow(), agents.find(cc, "a1").orElseThrow(),
                "a1", "away", com.ctipresence.domain.TransitionCause.AGENT, "a1", clock.instant());
        var commit = new com.ctipresence.application.port.out.AgentCommit(change, null);
        agents.commit(commit);
        agents.commit(commit); // as the SDK's retry after a lost answer: same token, succeeds, writes nothing new
        presence(cc, "a1").body("stateId", equalTo("away")).body("version", equalTo(2));
    }
}
