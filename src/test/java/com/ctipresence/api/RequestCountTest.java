package com.ctipresence.api;

import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.application.service.TickService;
import com.ctipresence.support.StoreProbe;
import com.ctipresence.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static com.ctipresence.support.Api.asSupervisor;
import static com.ctipresence.support.Api.callEvent;
import static com.ctipresence.support.Api.event;
import static com.ctipresence.support.Api.newCallCenter;
import static com.ctipresence.support.Api.presence;
import static com.ctipresence.support.Api.setState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The DynamoDB requests each command costs, counted by the SDK interceptor ({@link StoreProbe}) on the requests
 * that mention the test's own call center, so that a later change cannot quietly add one. The numbers are the
 * ones {@code docs/TIME-TRACKING.md} and {@code docs/ARCHITECTURE.md} state. Configurations come from the
 * in-process cache (the PUT that created the call center filled it).
 */
@QuarkusTest
class RequestCountTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    TestClock clock;
    @Inject
    TickService ticks;
    @Inject
    PresenceService presenceService;
    @Inject
    AgentRepository agents;
    @Inject
    com.ctipresence.application.port.out.CallCenterRepository callCenters;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static List<String> requests(String marker, Runnable action) {
        StoreProbe.record(marker);
        action.run();
        return StoreProbe.recorded(marker);
    }

    @Test
    void overTheEmbeddedStoreAConfigurationIsNeverReadAgainAfterItWasCached() {
        assertThat(callCenters.writtenOnlyHere()).as("the local server's store is reachable from this process only")
                .isTrue();
        String cc = newCallCenter(0, true);
        setState(cc, "a1", "ready").statusCode(200);
        assertThat(requests(cc, () -> IntStream.range(0, 20).forEach(i -> presence(cc, "a1").statusCode(200))))
                .as("20 GETs: 20 GetItems of the agent, no configuration read").hasSize(20).containsOnly("GetItem");
    }

    @Test
    void aPresenceChangeIsOneGetItemAndOneTransaction() {
        String cc = newCallCenter(0, true);
        assertThat(requests(cc, () -> setState(cc, "a1", "ready").statusCode(200)))
                .as("a new agent (its agent counter is in the same transaction)")
                .containsExactly("GetItem", "TransactWriteItems");
        clock.advance(Duration.ofSeconds(5));
        assertThat(requests(cc, () -> setState(cc, "a1", "away").statusCode(200).body("today.ready", equalTo(5))))
                .containsExactly("GetItem", "TransactWriteItems");
        assertThat(requests(cc, () -> setState(cc, "a1", "away").statusCode(200)))
                .as("the same state again changes nothing and writes nothing").containsExactly("GetItem");
    }

    @Test
    void aCallEventIsOneBatchReadAndOneTransactionAndAReplayOnlyTheRead() {
        String cc = newCallCenter(0, true);
        assertThat(requests(cc, () -> callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null))
                .statusCode(200))).containsExactly("BatchGetItem", "TransactWriteItems");
        clock.advance(Duration.ofSeconds(3));
        assertThat(requests(cc, () -> callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 3))
                .statusCode(200).body("stateId", equalTo("ready")))).containsExactly("BatchGetItem",
                "TransactWriteItems");
        assertThat(requests(cc, () -> callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 3))
                .statusCode(200).header("Idempotent-Replayed", "true")))
                .as("a replay is answered from the agent and event read together").containsExactly("BatchGetItem");
    }

    @Test
    void aGetPresenceIsOneGetItemAndTheListOneQueryPagePlusTheProfiles() {
        String cc = newCallCenter(0, true);
        IntStream.range(0, 3).forEach(i -> setState(cc, "a" + i, "ready").statusCode(200));
        clock.advance(Duration.ofSeconds(90));
        assertThat(requests(cc, () -> presence(cc, "a1").statusCode(200).body("today.ready", equalTo(90))))
                .containsExactly("GetItem");
        assertThat(requests(cc, () -> asSupervisor(cc).get("/v1/call-centers/{cc}/agents", cc).then()
                .statusCode(200).body("size()", equalTo(3)))).as("the agents' page, and the call center's profiles "
                + "(display names) and delivery status in the agent-delivery table").containsExactly("Query", "Query");
    }

    @Test
    void aTickIsOneQueryPageAndOneSingleItemUpdatePerAgent() {
        String cc = newCallCenter(0, false);
        IntStream.range(0, 5).forEach(i -> setState(cc, "a" + i, "ready").statusCode(200));
        clock.advance(Duration.ofSeconds(60));
        List<String> tick = requests(cc, () -> assertThat(ticks.tick(cc).written()).isEqualTo(5));
        assertThat(tick).containsExactlyInAnyOrderElementsOf(List.of("Query", "UpdateItem", "UpdateItem",
                "UpdateItem", "UpdateItem", "UpdateItem"));
        clock.advance(Duration.ofSeconds(60));
        List<String> page = requests(cc, () -> assertThat(ticks.tickPage(cc, null, 2).result().written())
                .isEqualTo(2));
        assertThat(page).as("one page of the AWS tick").containsExactlyInAnyOrder("Query", "UpdateItem",
                "UpdateItem");
        assertThat(requests(cc, () -> ticks.tick(cc))).as("nothing to book for the two just ticked")
                .containsExactlyInAnyOrderElementsOf(List.of("Query", "UpdateItem", "UpdateItem", "UpdateItem"));
    }

    @Test
    void theFirstTickAfterLocalMidnightRollsTheDayOverInOneTransactionThenSingleItemUpdatesAgain() {
        String cc = newCallCenter(0, false);
        clock.freezeAt(ZonedDateTime.of(2026, 11, 23, 23, 59, 0, 0, BERLIN).toInstant());
        setState(cc, "a1", "ready").statusCode(200);
        clock.advance(Duration.ofSeconds(30));
        assertThat(requests(cc, () -> ticks.tick(cc))).containsExactlyInAnyOrder("Query", "UpdateItem");
        clock.advance(Duration.ofSeconds(40)); // 00:00:10
        assertThat(requests(cc, () -> ticks.tick(cc))).as("the agent and the finished day's row")
                .containsExactlyInAnyOrder("Query", "TransactWriteItems");
        clock.advance(Duration.ofSeconds(5));
        assertThat(requests(cc, () -> ticks.tick(cc))).containsExactlyInAnyOrder("Query", "UpdateItem");
        assertThat(agents.find(cc, "a1").orElseThrow().running().date()).hasToString("2026-11-24");
    }

    @Test
    void aWrapUpExpiryIsOneGetItemAndOneTransaction() {
        String cc = newCallCenter(30, true);
        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(200);
        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 20)).statusCode(200);
        String wrapUpId = agents.find(cc, "a1").orElseThrow().wrapUpId();
        clock.advance(Duration.ofSeconds(31));
        List<String> expiry = requests(cc, () -> presenceService.expireWrapUp(cc, "a1", wrapUpId));
        // the local timer may have fired meanwhile on its own thread (real time): then this expiry reads and
        // finds nothing to do; either way at most one read and one transaction
        assertThat(expiry).isSubsetOf("GetItem", "TransactWriteItems").contains("GetItem");
        assertThat(Collections.frequency(expiry, "GetItem")).isEqualTo(1);
    }
}
