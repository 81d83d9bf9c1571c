package com.ctipresence.adapter.in.scheduler;

import com.ctipresence.application.service.TickScheduler;
import com.ctipresence.config.StoreReadiness;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Local server: once a second, start the ticks of the call centers whose next tick instant (a multiple of
 * timeTrackingUpdateSeconds from the epoch) has come ({@link TickScheduler}: a cached list of call centers, a tick
 * pool of its own, no overlapping ticks of one call center). On AWS an EventBridge schedule calls the same use case.
 * <p>
 * It can be paused and resumed at run time; {@link #pause()} returns only once a tick that is running has ended. Tests
 * start with it paused ({@code %test.cti.time-tracking.scheduler.enabled=false}): no tick runs on a test's clock
 * unless that test resumes the ticker itself.
 */
@ApplicationScoped
public class TimeTrackingTicker {
    public static final String JOB = "time-tracking-ticker";

    @ConfigMapping(prefix = "cti.time-tracking.scheduler")
    public interface Config {
        /** Whether the local ticker ticks (it can still be resumed at run time). */
        @WithDefault("true")
        boolean enabled();

        /** How often it looks for call centers that are due (read by the @Scheduled expression below). */
        @WithDefault("1s")
        Duration every();

        /** Delay of its first run after start-up (read by the @Scheduled expression below). */
        @WithDefault("1s")
        Duration delay();
    }

    private final TickScheduler ticks;
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean enabled;

    private final StoreReadiness store;

    public TimeTrackingTicker(TickScheduler ticks, Config config, StoreReadiness store) {
        this.store = store;
        this.ticks = ticks;
        this.enabled = config.enabled();
    }

    @Scheduled(identity = JOB, every = "${cti.time-tracking.scheduler.every:1s}",
            delayed = "${cti.time-tracking.scheduler.delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!enabled || !store.isReady()) {
            return; // paused, or the store is still starting
        }
        running.lock();
        try {
            if (enabled) {
                ticks.runDue(); // starts the due ticks on the tick pool (TickScheduler) and returns
            }
        } finally {
            running.unlock();
        }
    }

    /** Stops ticking; returns once the ticks that are running have ended, so nothing of them is written afterwards. */
    public void pause() {
        enabled = false;
        running.lock();
        running.unlock();
        try {
            ticks.awaitIdle(Duration.ofMinutes(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void resume() {
        enabled = true;
    }

    public boolean isEnabled() {
        return enabled;
    }
}
