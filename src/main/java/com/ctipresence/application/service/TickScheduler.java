package com.ctipresence.application.service;

import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.port.out.PresenceMetrics;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.TickSchedule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * When the local server ticks which call center (the ticker asks once a second, {@link #runDue()}):
 * <ul>
 *   <li>the call centers that are ticked come from a cached list, reloaded when a configuration is saved
 *   ({@link #callCentersChanged()}) and otherwise every {@code refresh-every} (default 5 min), not from a scan of
 *   the call-center table every second;</li>
 *   <li>each due tick runs on the tick pool ({@code tick-threads}, default 2), so the ticker never waits for one;</li>
 *   <li>ticks of one call center never overlap: a slot that comes while the previous tick still runs is skipped, not
 *   queued; that tick is an overrun, logged and counted once ({@code cti.tick.overruns}); the next slot after it
 *   ends ticks as usual and books everything up to then.</li>
 * </ul>
 * Wrap-up expiries do not go through here: they run on the timer's threads, ahead of the ticks' writers
 * ({@link ExpiryFirst}).
 */
@ApplicationScoped
public class TickScheduler {
    private static final Logger LOG = Logger.getLogger(TickScheduler.class);

    @ConfigMapping(prefix = "cti.time-tracking.scheduling")
    public interface Config {
        /** Call centers ticked at the same time (each tick's agents share the tick-concurrency writers). */
        @WithDefault("2")
        int tickThreads();

        /** How often the cached list of ticked call centers is reloaded when no configuration was saved here. */
        @WithDefault("5m")
        Duration refreshEvery();
    }

    /** A tick in flight: the slot it started in, and whether it has been reported as an overrun. */
    private static final class InFlight {
        final long slot;
        final Instant started;
        int skipped;

        InFlight(long slot, Instant started) {
            this.slot = slot;
            this.started = started;
        }
    }

    private final Supplier<List<CallCenterConfig>> loader;
    private final Function<String, TickResult> tick;
    private final Clock clock;
    private final PresenceMetrics metrics;
    private final Executor executor;
    private final Duration refreshEvery;

    private final Map<String, Long> lastSlots = new HashMap<>();
    private final Map<String, InFlight> inFlight = new HashMap<>();
    private volatile boolean stale = true;
    private List<CallCenterConfig> ticked = List.of();
    private Instant loadedAt;
    private boolean loadFailing;

    @Inject
    public TickScheduler(TickService ticks, CallCenterRepository callCenters, Clock clock, PresenceMetrics metrics,
                         Config config) {
        this(callCenters::findAll, ticks::tick, clock, metrics, pool(config.tickThreads()), config.refreshEvery());
    }

    /** With its parts given (tests: a counting loader, a blocking tick, a manual executor). */
    public TickScheduler(Supplier<List<CallCenterConfig>> loader, Function<String, TickResult> tick, Clock clock,
                         PresenceMetrics metrics, Executor executor, Duration refreshEvery) {
        this.loader = loader;
        this.tick = tick;
        this.clock = clock;
        this.metrics = metrics;
        this.executor = executor;
        this.refreshEvery = refreshEvery;
    }

    private static ExecutorService pool(int threads) {
        AtomicInteger count = new AtomicInteger();
        // bounded: at most one queued tick per call center can exist (see runDue), so the queue stays small
        return new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "tick-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A configuration was saved: the next {@link #runDue()} reloads the list of ticked call centers. */
    public void callCentersChanged() {
        stale = true;
    }

    /**
     * Starts the tick of every ticked call center whose next slot has come since its last tick here, each on the
     * tick pool; returns the call centers started (in the order of the list).
     */
    public synchronized List<String> runDue() {
        Instant now = Millis.now(clock);
        List<String> started = new java.util.ArrayList<>();
        for (CallCenterConfig config : tickedCallCenters(now)) {
            String id = config.callCenterId();
            long slot = TickSchedule.slot(now, config.timeTrackingUpdateSeconds());
            Long last = lastSlots.put(id, slot);
            if (last != null && last == slot) {
                continue;
            }
            InFlight running = inFlight.get(id);
            if (running != null) {
                if (running.skipped++ == 0) {
                    LOG.warnf("tick of call center %s started at %s has not finished within its interval of %d s; "
                                    + "the ticks due meanwhile are skipped, the next one after it books the time",
                            id, running.started, config.timeTrackingUpdateSeconds());
                    metrics.tickOverrun(id);
                }
                continue;
            }
            InFlight mine = new InFlight(slot, now);
            inFlight.put(id, mine);
            try {
                executor.execute(() -> run(id, mine));
                started.add(id);
            } catch (RejectedExecutionException stopped) {
                inFlight.remove(id);
            }
        }
        return started;
    }

    private void run(String callCenterId, InFlight mine) {
        long begin = System.nanoTime();
        try {
            tick.apply(callCenterId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "tick of call center %s failed; the next tick books its time", callCenterId);
        } finally {
            synchronized (this) {
                inFlight.remove(callCenterId, mine);
                if (mine.skipped > 0) {
                    LOG.warnf("tick of call center %s took %d ms; %d tick(s) due meanwhile were skipped",
                            callCenterId, (System.nanoTime() - begin) / 1_000_000, mine.skipped);
                }
                notifyAll();
            }
        }
    }

    /** Whether the next run reloads the list of ticked call centers (a save was seen, or none loaded yet). */
    public boolean reloadPending() {
        return stale;
    }

    /** Whether a tick of the call center is running or queued. */
    public synchronized boolean running(String callCenterId) {
        return inFlight.containsKey(callCenterId);
    }

    /** Waits until no tick runs (the ticker's pause); false if {@code max} passed first. */
    public synchronized boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long left;
        while (!inFlight.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return inFlight.isEmpty();
    }

    private List<CallCenterConfig> tickedCallCenters(Instant now) {
        boolean due = loadedAt == null || !now.isBefore(loadedAt.plus(refreshEvery)) || now.isBefore(loadedAt);
        if (stale || due) {
            stale = false; // a save during the load marks it stale again
            try {
                ticked = loader.get().stream().filter(TickService::ticked).toList();
                loadedAt = now;
                loadFailing = false;
            } catch (RuntimeException e) {
                stale = true; // try again at the next run
                if (!loadFailing) {
                    LOG.warnf(e, "cannot load the call centers to tick; ticking the %d known until it works",
                            ticked.size());
                }
                loadFailing = true;
            }
        }
        return ticked;
    }

    @PreDestroy
    void stop() {
        if (executor instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }
}
