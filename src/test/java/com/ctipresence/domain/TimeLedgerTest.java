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
    void countsMillisecondsSoEveryIntervalAndEveryStateIsExact() {
        Instant a = berlin(2026, 11, 23, 10, 0, 0, 700);
        Instant b = berlin(2026, 11, 23, 10, 0, 1, 200);
        Instant c = berlin(2026, 11, 23, 10, 0, 2, 900);
        long first = TimeLedger.book(CONFIG, "a1", READY, a, b).get(0).millis();
        long second = TimeLedger.book(CONFIG, "a1", READY, b, c).get(0).millis();
        assertThat(first).isEqualTo(500);
        assertThat(second).isEqualTo(1_700);
        assertThat(TimeLedger.book(CONFIG, "a1", READY, a, a.plusMillis(250))).extracting(DayTotal::millis)
                .containsExactly(250L);
    }

    @Test
    void splitsAtLocalMidnightNotUtcMidnight() {
        List<DayTotal> booked = TimeLedger.book(CONFIG, "a1", READY, berlin(2026, 11, 23, 23, 59, 0, 0),
                berlin(2026, 11, 24, 0, 2, 0, 0));
        assertThat(booked).containsExactly(
                new DayTotal("a1", LocalDate.of(2026, 11, 23), "ready", "Ready for Calls", 1, 60_000),
                new DayTotal("a1", LocalDate.of(2026, 11, 24), "ready", "Ready for Calls", 1, 120_000));
    }

    @Test
    void daylightSavingDaysHaveTheirRealLength() {
        Instant start = berlin(2026, 3, 29, 0, 0, 0, 0);
        Instant end = berlin(2026, 3, 30, 0, 0, 0, 0);
        assertThat(TimeLedger.book(CONFIG, "a1", READY, start, end)).extracting(DayTotal::millis)
                .containsExactly(23 * 3_600_000L);
        assertThat(TimeLedger.book(CONFIG, "a1", READY, berlin(2026, 10, 25, 0, 0, 0, 0),
                berlin(2026, 10, 26, 0, 0, 0, 0))).extracting(DayTotal::millis).containsExactly(25 * 3_600_000L);
    }

    @Test
    void aLongIntervalGetsOneRowPerDay() {
        List<DayTotal> booked = TimeLedger.book(CONFIG, "a1", READY, berlin(2026, 11, 20, 12, 0, 0, 0),
                berlin(2026, 11, 23, 12, 0, 0, 0));
        assertThat(booked).extracting(DayTotal::millis)
                .containsExactly(43_200_000L, 86_400_000L, 86_400_000L, 43_200_000L);
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

    private static DayTotal row(String state, LocalDate day, long millis) {
        return new DayTotal("a1", day, state, state, 1, millis);
    }

    @Test
    void roundingPerAgentDayAddsUpToTheRoundedWallTimeAndKeepsEachRowWithinASecond() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        // 43.76 s in seven pieces of one state, plus two others: wall 43,760 + 1,400 + 2,600 = 47,760 ms -> 48 s
        List<TimeLedger.Rounded> rounded = TimeLedger.rounded(List.of(row("on-a-call", day, 43_760),
                row("ready", day, 1_400), row("away", day, 2_600), row("ready", day.plusDays(1), 499)));
        assertThat(rounded).extracting(TimeLedger.Rounded::seconds).containsExactly(44L, 1L, 3L, 0L);
        assertThat(rounded.subList(0, 3).stream().mapToLong(TimeLedger.Rounded::seconds).sum()).isEqualTo(48);
        // three thirds of a second: 1 s in all, to the largest remainder (ties by state id)
        assertThat(TimeLedger.rounded(List.of(row("b", day, 333), row("a", day, 333), row("c", day, 334))))
                .extracting(TimeLedger.Rounded::seconds).containsExactly(0L, 0L, 1L);
    }

    @Test
    void theRunningDayTakesTodaysBookingsAndALaterDayClosesIt() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        TimeLedger.Accumulated first = TimeLedger.accumulate(RunningTotals.NONE,
                List.of(row("ready", day, 1_000)), day);
        assertThat(first.closed()).isEmpty();
        assertThat(first.running()).isEqualTo(RunningTotals.of(day, List.of(row("ready", day, 1_000))));
        TimeLedger.Accumulated second = TimeLedger.accumulate(first.running(),
                List.of(row("ready", day, 500), row("away", day, 2_000)), day);
        assertThat(second.closed()).isEmpty();
        assertThat(second.running().rows()).extracting(DayTotal::stateId, DayTotal::millis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("away", 2_000L), org.assertj.core.groups.Tuple.tuple("ready", 1_500L));
        TimeLedger.Accumulated midnight = TimeLedger.accumulate(second.running(),
                List.of(row("away", day, 100), row("away", day.plusDays(1), 300)), day);
        assertThat(midnight.closed()).extracting(DayTotal::date, DayTotal::stateId, DayTotal::millis)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(day, "away", 2_100L),
                        org.assertj.core.groups.Tuple.tuple(day, "ready", 1_500L));
        assertThat(midnight.running()).isEqualTo(RunningTotals.of(day.plusDays(1),
                List.of(row("away", day.plusDays(1), 300))));
        TimeLedger.Accumulated earlier = TimeLedger.accumulate(midnight.running(),
                List.of(row("away", day, 5)), day);
        assertThat(earlier.closed()).as("a day before the running one (time zone change) goes to the rows")
                .containsExactly(row("away", day, 5));
        assertThat(earlier.running()).isEqualTo(midnight.running());
    }

    @Test
    void aLegacyAgentBooksItsDayIntoTheRowsUntilItsFirstLaterDay() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        TimeLedger.Accumulated same = TimeLedger.accumulate(RunningTotals.LEGACY, List.of(row("ready", day, 7)),
                day);
        assertThat(same.running()).isEqualTo(RunningTotals.LEGACY);
        assertThat(same.closed()).containsExactly(row("ready", day, 7));
        TimeLedger.Accumulated later = TimeLedger.accumulate(RunningTotals.LEGACY,
                List.of(row("ready", day, 7), row("ready", day.plusDays(1), 9)), day);
        assertThat(later.closed()).containsExactly(row("ready", day, 7));
        assertThat(later.running()).isEqualTo(RunningTotals.of(day.plusDays(1), List.of(row("ready", day.plusDays(1), 9))));
    }
}
