package com.ctipresence.scheduler;

import com.ctipresence.adapter.in.scheduler.TimeTrackingTicker;
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
}
