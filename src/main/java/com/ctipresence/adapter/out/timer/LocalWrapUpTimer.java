package com.ctipresence.adapter.out.timer;

import com.ctipresence.application.port.out.WrapUpDue;
import com.ctipresence.application.port.out.WrapUpTimer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * In-process wrap-up timers with millisecond precision (the local server). One pending timer per agent: arming a
 * wrap-up replaces the agent's previous timer. When a timer comes due it hands a {@link WrapUpDue} to its observer
 * (the inbound adapter that runs the expiry); if that fails (e.g. the store is briefly unavailable) the timer is
 * armed again with capped exponential back-off, 1 s doubling up to 60 s; the tick settles it meanwhile anyway.
 * With {@code cti.wrap-up.local-timers=false} no timer is armed: the tick alone ends wrap-ups.
 */
@ApplicationScoped
@Typed(LocalWrapUpTimer.class) // the WrapUpTimer in use is chosen by config.WrapUpTimerChoice
public class LocalWrapUpTimer implements WrapUpTimer {
    private static final Logger LOG = Logger.getLogger(LocalWrapUpTimer.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(60);

    @ConfigMapping(prefix = "cti.wrap-up")
    public interface Config {
        /** Arm in-process wrap-up timers (local server); false leaves wrap-ups to the tick. */
        @WithDefault("true")
        boolean localTimers();
    }

    private final java.util.function.Consumer<WrapUpDue> due;
    private final Clock clock;
    private final boolean enabled;
    private final Duration firstRetry;
    /**
     * Threads that run expiries: their own, never a tick's; see ExpiryFirst for their priority. Enough that a
     * thousand wrap-ups ending within seconds, each waiting on the store for two requests, do not queue for a
     * thread (with 4, expiries fired up to 470 ms late while the store was busy: docs/BENCHMARKS.md (b)).
     */
    static final int THREADS = 16;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "wrap-up-timer");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        return t;
    });
    private final Map<String, Armed> pending = new ConcurrentHashMap<>();

    private record Armed(WrapUpDue due, ScheduledFuture<?> future) {
    }

    @jakarta.inject.Inject
    public LocalWrapUpTimer(Event<WrapUpDue> due, Clock clock, Config config) {
        this(due::fire, clock, config.localTimers(), FIRST_RETRY);
    }

    /** Delivering to {@code due} directly, with the first retry after {@code firstRetry} (tests). */
    LocalWrapUpTimer(java.util.function.Consumer<WrapUpDue> due, Clock clock, boolean enabled, Duration firstRetry) {
        this.due = due;
        this.clock = clock;
        this.enabled = enabled;
        this.firstRetry = firstRetry;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public void schedule(String callCenterId, String agentId, String wrapUpId, Instant until) {
        if (enabled) {
            arm(new WrapUpDue(callCenterId, agentId, wrapUpId, until, 1), Duration.between(clock.instant(), until));
        }
    }

    /** Arms inside the map's lock for this agent, so even a 0 ms timer finds itself pending when it runs. */
    private void arm(WrapUpDue next, Duration delay) {
        String key = key(next);
        pending.compute(key, (k, previous) -> {
            if (previous != null) {
                previous.future().cancel(false); // an older wrap-up, or this one armed again
            }
            return new Armed(next, executor.schedule(() -> fire(next), Math.max(0, delay.toMillis()),
                    TimeUnit.MILLISECONDS));
        });
    }

    private void fire(WrapUpDue timer) {
        String key = key(timer);
        if (!isCurrent(key, timer)) {
            return;
        }
        try {
            due.accept(timer);
            pending.computeIfPresent(key, (k, armed) -> armed.due() == timer ? null : armed);
        } catch (RuntimeException e) {
            Duration backOff = backOff(firstRetry, timer.attempt());
            LOG.warnf("wrap-up expiry of agent %s in call center %s failed (attempt %d: %s); retrying in %d ms",
                    timer.agentId(), timer.callCenterId(), timer.attempt(), e.getMessage(), backOff.toMillis());
            WrapUpDue retry = new WrapUpDue(timer.callCenterId(), timer.agentId(), timer.wrapUpId(), timer.until(),
                    timer.attempt() + 1);
            if (isCurrent(key, timer)) {
                arm(retry, backOff);
            }
        }
    }

    /**
     * Whether {@code timer} is still the agent's pending timer. Read through {@code computeIfPresent}, which waits for
     * an {@link #arm} of the same agent still in progress (a plain {@code get} would not, and a 0 ms timer could then
     * run before it is in the map and be lost).
     */
    private boolean isCurrent(String key, WrapUpDue timer) {
        boolean[] current = {false};
        pending.computeIfPresent(key, (k, armed) -> {
            current[0] = armed.due() == timer;
            return armed;
        });
        return current[0];
    }

    /** {@code first}, doubling with every failed attempt, at most 60 s: 1 s, 2 s, 4 s … 60 s. */
    static Duration backOff(Duration first, int attempt) {
        long millis = first.toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(millis, MAX_RETRY.toMillis()));
    }

    /** Drops the agent's pending timer, as a crash would (tests of what re-arms it; the tick is the backstop). */
    public void cancel(String callCenterId, String agentId) {
        Armed armed = pending.remove(callCenterId + "#" + agentId);
        if (armed != null) {
            armed.future().cancel(false);
        }
    }

    /** Timers armed and not yet run (for tests and the operator). */
    public List<WrapUpDue> pending() {
        return pending.values().stream().map(Armed::due).toList();
    }

    /** Runs now every pending timer whose instant has come by the clock (tests that move the clock). */
    public void fireDue() {
        Instant now = clock.instant();
        pending.values().stream().map(Armed::due).filter(d -> !d.until().isAfter(now)).toList()
                .forEach(this::fire);
    }

    private static String key(WrapUpDue timer) {
        return timer.callCenterId() + "#" + timer.agentId();
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
