package com.ctipresence.scheduler;

import com.ctipresence.adapter.in.scheduler.TimeTrackingTicker;
import com.ctipresence.application.port.out.TimeTotalsRepository;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.support.Api;
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
        assertThat(totals.find(cc, day, day, "a1")).as("nothing booked while paused").isEmpty();

        ticker.resume();
        // the stored rows, not the read-time projection: only a tick writes them
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(totals.find(cc, day, day, "a1"))
                .extracting(DayTotal::seconds).containsExactly(42L));

        ticker.pause();
        clock.advance(Duration.ofSeconds(10));
        assertThat(totals.find(cc, day, day, "a1")).as("paused again: nothing more booked")
                .extracting(DayTotal::seconds).containsExactly(42L);
    }
}
