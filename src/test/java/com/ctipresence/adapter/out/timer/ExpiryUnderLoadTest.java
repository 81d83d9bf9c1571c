package com.ctipresence.adapter.out.timer;

import com.ctipresence.application.port.out.WrapUpDue;
import com.ctipresence.application.service.ExpiryFirst;
import com.ctipresence.application.service.TickResult;
import com.ctipresence.application.service.TickScheduler;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.domain.CallCenterConfigDraft.StateDraft;
import com.ctipresence.support.Services;
import com.ctipresence.support.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wrap-up expiries under load: they run on the timer's own threads while a tick is blocked with every one of its
 * writers busy, and a bulk writer holds back while an expiry is in flight.
 */
class ExpiryUnderLoadTest {
    private final TestClock clock = TestClock.frozenAt(TestClock.FIXED);

    @Test
    void anExpiryRunsWhileATickIsBlockedWithAllItsWritersBusy() throws Exception {
        CountDownLatch tickMayEnd = new CountDownLatch(1);
        ThreadPoolExecutor writers = ExpiryFirst.bulkPool(2, "test-tick-writer");
        ExecutorService tickPool = Executors.newFixedThreadPool(1);
        try {
            // a long tick: it holds the tick pool, and its agent writes occupy every writer and queue more behind
            CountDownLatch writersBusy = new CountDownLatch(2);
            TickScheduler scheduler = new TickScheduler(() -> List.of(new CallCenterConfigDraft(null,
                    "Europe/Berlin", true, null, 0, true, 60, false, false,
                    List.of(new StateDraft("ready", "Ready for Calls", null, 1))).validate("cc-busy")),
                    cc -> {
                        for (int i = 0; i < 50; i++) {
                            writers.execute(() -> {
                                writersBusy.countDown();
                                try {
                                    tickMayEnd.await(30, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
                        }
                        try {
                            tickMayEnd.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new TickResult(cc, 50, 50, 0, 0);
                    }, clock, Services.NO_METRICS, tickPool, Duration.ofMinutes(5));
            assertThat(scheduler.runDue()).containsExactly("cc-busy");
            assertThat(writersBusy.await(10, TimeUnit.SECONDS)).isTrue();
            // the tick may still be handing its writes over when the first two start
            await().atMost(Duration.ofSeconds(10)).until(() -> writers.getQueue().size() == 48);
            assertThat(writers.getQueue()).as("agent writes queued behind the busy writers").hasSize(48);

            Queue<String> expired = new ConcurrentLinkedQueue<>();
            LocalWrapUpTimer timer = new LocalWrapUpTimer(due -> ExpiryFirst.expiry(() -> expired.add(due.agentId())),
                    clock, true, Duration.ofMillis(5));
            timer.schedule("cc-busy", "a1", "w1", clock.instant()); // due now
            timer.schedule("cc-busy", "a2", "w2", clock.instant());

            await().atMost(Duration.ofSeconds(10)).until(() -> expired.size() == 2);
            assertThat(scheduler.running("cc-busy")).as("the tick is still blocked").isTrue();
            assertThat(writers.getQueue()).as("and its writes still wait").hasSize(48);
            assertThat(timer.pending()).extracting(WrapUpDue::agentId).isEmpty();
        } finally {
            tickMayEnd.countDown();
            writers.shutdownNow();
            tickPool.shutdownNow();
        }
    }

    @Test
    void aBulkWriterWaitsWhileAnExpiryIsInFlightAndGoesOnWhenItEnds() throws Exception {
        CountDownLatch expiryMayEnd = new CountDownLatch(1);
        Queue<String> order = new ConcurrentLinkedQueue<>();
        Thread expiry = new Thread(() -> ExpiryFirst.expiry(() -> {
            try {
                expiryMayEnd.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("expiry ended");
            return null;
        }));
        expiry.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> ExpiryFirst.inFlight() == 1);

        Thread bulk = new Thread(() -> {
            boolean waited = ExpiryFirst.yieldToExpiries(Duration.ofMinutes(1));
            order.add("bulk went on, waited " + waited);
        });
        bulk.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> bulk.getState() == Thread.State.TIMED_WAITING);
        assertThat(order).as("the bulk writer holds back").isEmpty();

        expiryMayEnd.countDown();
        bulk.join(10_000);
        expiry.join(10_000);
        assertThat(order).containsExactly("expiry ended", "bulk went on, waited true");
        assertThat(ExpiryFirst.yieldToExpiries(Duration.ofMinutes(1))).as("no expiry: no wait").isFalse();
    }

    @Test
    void whileExpiriesStayInFlightPastTheYieldBulkWritersGoOnOneAtATimeAndAllTogetherOnceNoneRuns()
            throws Exception {
        CountDownLatch expiryMayEnd = new CountDownLatch(1);
        Thread expiry = new Thread(() -> ExpiryFirst.expiry(() -> {
            try {
                expiryMayEnd.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        expiry.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> ExpiryFirst.inFlight() == 1);
        ThreadPoolExecutor writers = ExpiryFirst.bulkPool(3, "test-one-at-a-time");
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        try {
            CountDownLatch unitsMayEnd = new CountDownLatch(1);
            List<java.util.concurrent.Future<?>> units = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                units.add(writers.submit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        unitsMayEnd.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                }));
            }
            // past their yield (ExpiryFirst.MAX_YIELD) one unit runs; the other two wait for it
            await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 1 && waitingWriters() == 2);
            unitsMayEnd.countDown();
            for (var unit : units) {
                unit.get(10, TimeUnit.SECONDS);
            }
            assertThat(most.get()).as("bulk units at once while an expiry ran").isEqualTo(1);

            expiryMayEnd.countDown();
            expiry.join(10_000);
            CountDownLatch allThree = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                writers.submit(() -> {
                    allThree.countDown();
                    try {
                        allThree.await(30, TimeUnit.SECONDS); // each waits for the other two: all run at once
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertThat(allThree.await(10, TimeUnit.SECONDS)).as("no expiry: the whole pool writes").isTrue();
        } finally {
            expiryMayEnd.countDown();
            writers.shutdownNow();
        }
    }

    private static long waitingWriters() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("test-one-at-a-time") && t.getState() == Thread.State.WAITING)
                .count();
    }

    @Test
    void bulkWritersRunAtMinimumAndTimerThreadsAtMaximumPriority() throws Exception {
        ThreadPoolExecutor writers = ExpiryFirst.bulkPool(1, "test-prio");
        try {
            assertThat(writers.submit(() -> Thread.currentThread().getPriority()).get(10, TimeUnit.SECONDS))
                    .isEqualTo(Thread.MIN_PRIORITY);
        } finally {
            writers.shutdownNow();
        }
        Queue<Integer> priorities = new ConcurrentLinkedQueue<>();
        LocalWrapUpTimer timer = new LocalWrapUpTimer(due -> priorities.add(Thread.currentThread().getPriority()),
                clock, true, Duration.ofMillis(5));
        timer.schedule("cc", "a1", "w1", clock.instant());
        await().atMost(Duration.ofSeconds(10)).until(() -> !priorities.isEmpty());
        assertThat(priorities).containsExactly(Thread.MAX_PRIORITY);
    }
}
