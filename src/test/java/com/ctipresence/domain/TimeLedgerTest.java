package com.ctipresence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static com.ctipresence.domain.ConfigDraftBuilder.rulesConfig;
import static org.assertj.core.api.Assertions.assertThat;

class TimeLedgerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final CallCenterConfig CONFIG = rulesConfig().timeZone("Europe/Berlin").validate();
    private static final PresenceState READY = CONFIG.state("ready").orElseThrow();
    private static final PresenceState LOGOUT = CONFIG.state("logout").orElseThrow();

    private static Instant berlin(int year, int month, int day, int hour, int minute, int second, int millis) {
        return ZonedDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000, BERLIN).toInstant();
    }

    @Test
    void countsTheSecondBoundariesCrossedSoConsecutiveIntervalsAddUpExactly() {
        Instant a = berlin(2026, 11, 23, 10, 0, 0, 700);
        Instant b = berlin(2026, 11, 23, 10, 0, 1, 200);
        Instant c = berlin(2026, 11, 23, 10, 0, 2, 900);
        long first = TimeLedger.book(CONFIG, "a1", READY, a, b).get(0).seconds();
        long second = TimeLedger.book(CONFIG, "a1", READY, b, c).get(0).seconds();
        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(1);
        assertThat(first + second).isEqualTo(TimeLedger.seconds(a, c));
        assertThat(TimeLedger.book(CONFIG, "a1", READY, a, a.plusMillis(250))).isEmpty();
    }

    @Test
    void splitsAtLocalMidnightNotUtcMidnight() {
        List<DayTotal> booked = TimeLedger.book(CONFIG, "a1", READY, berlin(2026, 11, 23, 23, 59, 0, 0),
                berlin(2026, 11, 24, 0, 2, 0, 0));
        assertThat(booked).containsExactly(
                new DayTotal("a1", LocalDate.of(2026, 11, 23), "ready", "Ready for Calls", 1, 60),
                new DayTotal("a1", LocalDate.of(2026, 11, 24), "ready", "Ready for Calls", 1, 120));
    }

    @Test
    void daylightSavingDaysHaveTheirRealLength() {
        Instant start = berlin(2026, 3, 29, 0, 0, 0, 0);
        Instant end = berlin(2026, 3, 30, 0, 0, 0, 0);
        assertThat(TimeLedger.book(CONFIG, "a1", READY, start, end)).extracting(DayTotal::seconds)
                .containsExactly(23 * 3600L);
        assertThat(TimeLedger.book(CONFIG, "a1", READY, berlin(2026, 10, 25, 0, 0, 0, 0),
                berlin(2026, 10, 26, 0, 0, 0, 0))).extracting(DayTotal::seconds).containsExactly(25 * 3600L);
    }

    @Test
    void aLongIntervalGetsOneRowPerDay() {
        List<DayTotal> booked = TimeLedger.book(CONFIG, "a1", READY, berlin(2026, 11, 20, 12, 0, 0, 0),
                berlin(2026, 11, 23, 12, 0, 0, 0));
        assertThat(booked).extracting(DayTotal::seconds).containsExactly(43_200L, 86_400L, 86_400L, 43_200L);
    }

    @Test
    void logoutAndDisabledTrackingBookNothing() {
        Instant a = berlin(2026, 11, 23, 10, 0, 0, 0);
        assertThat(TimeLedger.book(CONFIG, "a1", LOGOUT, a, a.plusSeconds(60))).isEmpty();
        CallCenterConfig off = rulesConfig().timeTrackingEnabled(false).validate();
        assertThat(TimeLedger.book(off, "a1", READY, a, a.plusSeconds(60))).isEmpty();
        assertThat(TimeLedger.book(CONFIG, "a1", READY, a, a.minusSeconds(5))).isEmpty();
    }

    @Test
    void mergeAddsUpRowsOfTheSameAgentDayAndState() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        assertThat(TimeLedger.merge(List.of(new DayTotal("a1", day, "ready", "R", 1, 5),
                new DayTotal("a1", day, "away", "A", 3, 7), new DayTotal("a1", day, "ready", "R", 1, 6))))
                .containsExactly(new DayTotal("a1", day, "ready", "R", 1, 11), new DayTotal("a1", day, "away", "A", 3, 7));
    }
}
