package com.ctipresence.scheduler;

import com.ctipresence.adapter.in.scheduler.TimeTrackingTicker;
import com.ctipresence.adapter.out.dynamodb.Tables;
import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.service.TickResult;
import com.ctipresence.application.service.TickScheduler;
import com.ctipresence.support.Services;
import com.ctipresence.support.StoreProbe;
import com.ctipresence.application.port.out.TimeTotalsRepository;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.support.Api;
import com.ctipresence.support.StoredTotals;
import com.ctipresence.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static com.ctipresence.support.Api.putConfig;
import static com.ctipresence.support.Api.setState;
import static com.ctipresence.support.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The local ticker: paused in tests unless a test resumes it; resumed, it books time every update interval. */
@QuarkusTest
class LocalTickerTest {
    static final Instant NOON_BERLIN = Instant.parse("2026-11-18T11:00:00Z");

    @Inject
    TimeTrackingTicker ticker;
    @Inject
    TestClock clock;
    @Inject
    TimeTotalsRepository totals;
    @Inject
    com.ctipresence.application.port.out.AgentRepository agents;
    @Inject
    CallCenterRepository callCenters;
    @Inject
    TickScheduler scheduler;
    @Inject
    Tables tables;

    @AfterEach
    void pauseAndReset() {
        ticker.pause();
        clock.reset();
    }

    @Test
    void testsStartWithTheTickerPaused() {
        assertThat(ticker.isEnabled()).isFalse();
    }

    @Test
    void resumedItChecksPointsEveryUpdateInterval() {
        String cc = uniqueId("cc");
        putConfig(cc, Api.config(0, false).replace("\"timeTrackingUpdateSeconds\":60",
                "\"timeTrackingUpdateSeconds\":1")).statusCode(200);
        clock.freezeAt(NOON_BERLIN);
        setState(cc, "a1", "ready").statusCode(200);
        clock.advance(Duration.ofSeconds(42));
        LocalDate day = LocalDate.ofInstant(NOON_BERLIN, ZoneId.of("Europe/Berlin"));
        assertThat(StoredTotals.of(agents, totals, cc, "a1", day, day)).as("nothing booked while paused").isEmpty();

        ticker.resume();
        // the stored rows, not the read-time projection: only a tick writes them
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                StoredTotals.of(agents, totals, cc, "a1", day, day)).extracting(DayTotal::millis)
                .containsExactly(42_000L));

        ticker.pause();
        clock.advance(Duration.ofSeconds(10));
        assertThat(StoredTotals.of(agents, totals, cc, "a1", day, day)).as("paused again: nothing more booked")
                .extracting(DayTotal::millis).containsExactly(42_000L);
    }

    @Test
    void theCallCenterTableIsScannedOnceNotEverySecond() {
        clock.freezeAt(NOON_BERLIN);
        String table = tables.name(Tables.CALL_CENTERS);
        // the scheduler as the ticker runs it, over the application's (probed) repository; its ticks do nothing
        TickScheduler scheduling = new TickScheduler(callCenters::findAll, cc -> new TickResult(cc, 0, 0, 0, 0),
                clock, Services.NO_METRICS, Runnable::run, Duration.ofMinutes(5));
        StoreProbe.countRequests();
        try {
            for (int second = 0; second < 120; second++) { // two simulated minutes, one run a second
                scheduling.runDue();
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(StoreProbe.counted("Scan", table)).as("Scans of %s in 120 runs", table).isEqualTo(1);
        } finally {
            StoreProbe.stopCounting();
        }
    }

    @Test
    void savingAConfigurationMakesTheTickerReloadItsCallCenters() throws Exception {
        clock.freezeAt(NOON_BERLIN);
        scheduler.runDue(); // loads the list (and starts whatever is due; the pause after the test waits for it)
        assertThat(scheduler.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(scheduler.reloadPending()).isFalse();
        putConfig(uniqueId("cc"), Api.config(0, false)).statusCode(200);
        assertThat(scheduler.reloadPending()).isTrue();
    }
}
