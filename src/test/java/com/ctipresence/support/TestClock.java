package com.ctipresence.support;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: frozen at a fixed instant ({@link #FIXED}, noon in Berlin on a weekday, far
 * from midnight and DST) unless a test moves it, so timing rules are tested by moving time rather than by sleeping,
 * and no test depends on the day or hour it runs. Replaces the default clock bean.
 */
@Singleton
public class TestClock extends Clock {
    /** Where every test starts: 2026-11-18 12:00 Europe/Berlin. */
    public static final Instant FIXED = Instant.parse("2026-11-18T11:00:00Z");

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozen = new AtomicReference<>(FIXED);

    /** Moves time on (a frozen clock stays frozen at the later instant). */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
        frozen.updateAndGet(f -> f == null ? null : f.plus(by));
    }

    /** Stops time at {@code instant} until {@link #advance} or {@link #reset}. */
    public Instant freezeAt(Instant instant) {
        frozen.set(instant);
        return instant;
    }

    /** A clock frozen at {@code instant} (for tests outside CDI). */
    public static TestClock frozenAt(Instant instant) {
        TestClock clock = new TestClock();
        clock.freezeAt(instant);
        return clock;
    }

    /** Freezes at {@code instant} unless that is earlier than now: time only runs forward. */
    public void forwardTo(Instant instant) {
        Instant now = instant();
        freezeAt(instant.isAfter(now) ? instant : now);
    }

    /** Stops time now, at a whole second (so second-exact expectations are easy to write). */
    public Instant freeze() {
        Instant now = instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        frozen.set(now);
        return now;
    }

    /** Back to {@link #FIXED}, frozen. */
    public void reset() {
        offset.set(Duration.ZERO);
        frozen.set(FIXED);
    }

    @Override
    public Instant instant() {
        Instant f = frozen.get();
        return f != null ? f : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC only");
    }
}
