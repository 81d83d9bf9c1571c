package com.ctipresence.scheduler;

import com.ctipresence.application.port.out.PresenceMetrics;
import com.ctipresence.application.service.TickResult;
import com.ctipresence.application.service.TickScheduler;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.domain.CallCenterConfigDraft.StateDraft;
import com.ctipresence.support.TestClock;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local tick scheduling, on a frozen clock: ticks of one call center never overlap, an overrun is logged and
 * counted once and the next slot after it ticks again, and the call centers are not loaded every second.
 */
class TickSchedulerTest {
    final TestClock clock = TestClock.frozenAt(TestClock.FIXED); // 11:00:00Z, a slot boundary of 60 s
    final List<String> overruns = new CopyOnWriteArrayList<>();
    final PresenceMetrics metrics = new PresenceMetrics() {
        public void presenceChanged(String cause) { }
        public void wrapUpStarted() { }
        public void wrapUpExpired(Duration lateness) { }
        public void tickCompleted(String callCenterId, Duration duration, int agentsTicked) { }
        public void storeError(String kind) { }
        @Override
        public void tickOverrun(String callCenterId) {
            overruns.add(callCenterId);
        }
    };
    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        public void publish(LogRecord r) {
            logged.add(r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage());
        }
        public void flush() { }
        public void close() { }
    };
    final Logger schedulerLog = Logger.getLogger(TickScheduler.class.getName());
    ExecutorService pool;

    {
        schedulerLog.addHandler(capture);
    }

    @AfterEach
    void cleanUp() {
        schedulerLog.removeHandler(capture);
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    static CallCenterConfig callCenter(String id, int updateSeconds) {
        return new CallCenterConfigDraft(null, "Europe/Berlin", true, null, 0, true, updateSeconds, false, false,
                List.of(new StateDraft("ready", "Ready for Calls", null, 1), new StateDraft("away", "Away", null, 3)))
                .validate(id);
    }

    @Test
    void aSlotThatComesWhileTheTickStillRunsIsSkippedLoggedAndCountedOnceAndTheNextSlotTicks() {
        List<Runnable> queued = new ArrayList<>(); // a manual executor: the test decides when a tick runs
        AtomicInteger ticks = new AtomicInteger();
        TickScheduler scheduler = new TickScheduler(() -> List.of(callCenter("cc-1", 60)),
                cc -> {
                    ticks.incrementAndGet();
                    return new TickResult(cc, 0, 0, 0, 0);
                }, clock, metrics, queued::add, Duration.ofMinutes(5));

        assertThat(scheduler.runDue()).containsExactly("cc-1");
        assertThat(scheduler.runDue()).as("same slot").isEmpty();
        clock.advance(Duration.ofSeconds(60));
        assertThat(scheduler.runDue()).as("the tick of the previous slot still runs").isEmpty();
        clock.advance(Duration.ofSeconds(60));
        assertThat(scheduler.runDue()).isEmpty();
        assertThat(queued).as("nothing piled up").hasSize(1);
        assertThat(overruns).as("counted once per tick").containsExactly("cc-1");
        assertThat(logged).filteredOn(m -> m.contains("has not finished within its interval")).hasSize(1)
                .allMatch(m -> m.contains("cc-1"));

        queued.remove(0).run(); // the long tick ends
        assertThat(ticks).hasValue(1);
        assertThat(logged).anyMatch(m -> m.contains("cc-1") && m.contains("2 tick(s) due meanwhile were skipped"));
        assertThat(scheduler.running("cc-1")).isFalse();
        assertThat(scheduler.runDue()).as("its slot was skipped, not queued").isEmpty();

        clock.advance(Duration.ofSeconds(60));
        assertThat(scheduler.runDue()).as("the next slot ticks again").containsExactly("cc-1");
        queued.remove(0).run();
        assertThat(ticks).hasValue(2);
        assertThat(overruns).hasSize(1);
    }

    @Test
    void onARealPoolTicksOfOneCallCenterDoNotRunConcurrentlyWhileOthersGoOn() throws Exception {
        pool = Executors.newFixedThreadPool(4);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger slowTicks = new AtomicInteger();
        AtomicInteger otherTicks = new AtomicInteger();
        Function<String, TickResult> tick = cc -> {
            if (cc.equals("slow")) {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                slowTicks.incrementAndGet();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
            } else {
                otherTicks.incrementAndGet();
            }
            return new TickResult(cc, 0, 0, 0, 0);
        };
        TickScheduler scheduler = new TickScheduler(() -> List.of(callCenter("slow", 1), callCenter("other", 1)),
                tick, clock, metrics, pool, Duration.ofMinutes(5));

        for (int second = 0; second < 20; second++) {
            scheduler.runDue();
            clock.advance(Duration.ofSeconds(1));
            // each second's tick of "other" ends before the next second (the slow one keeps running)
            int expected = second + 1;
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> otherTicks.get() == expected && !scheduler.running("other"));
        }
        assertThat(slowTicks).as("one slow tick, never a second beside it").hasValue(1);
        assertThat(overruns).containsExactly("slow");

        release.countDown();
        assertThat(scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
        scheduler.runDue();
        assertThat(scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(slowTicks).hasValue(2);
        assertThat(maxRunning).as("never two ticks of one call center at once").hasValue(1);
    }

    @Test
    void theCallCentersAreLoadedOnceAndThenOnlyAtTheSlowPeriodOrWhenAConfigurationIsSaved() {
        AtomicInteger loads = new AtomicInteger();
        List<CallCenterConfig> store = new CopyOnWriteArrayList<>(List.of(callCenter("cc-1", 5)));
        List<String> ticked = new ArrayList<>();
        TickScheduler scheduler = new TickScheduler(() -> {
            loads.incrementAndGet();
            return List.copyOf(store);
        }, cc -> new TickResult(cc, 0, 0, 0, 0), clock, metrics, r -> r.run(), Duration.ofMinutes(5));

        for (int second = 0; second < 600; second++) { // ten simulated minutes, one run a second
            if (second > 0) {
                clock.advance(Duration.ofSeconds(1));
            }
            ticked.addAll(scheduler.runDue());
        }
        assertThat(loads).as("at 0 s and 300 s, not 600 times").hasValue(2);
        assertThat(ticked).as("every 5 s").hasSize(120);

        store.add(callCenter("cc-2", 5));
        assertThat(scheduler.runDue()).isEmpty();
        assertThat(loads).as("not seen before the next reload").hasValue(2);
        scheduler.callCentersChanged(); // a configuration was saved
        assertThat(scheduler.runDue()).as("reloaded at once; cc-1 already ticked in this slot").containsExactly("cc-2");
        assertThat(loads).hasValue(3);
    }
}
