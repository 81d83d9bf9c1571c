package com.ctipresence.application.service;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Wrap-up expiries before bulk work, in this process: while an expiry is in flight, a tick's agent writer waits
 * before it starts its next agent (at most {@link #MAX_YIELD} each time, so a tick still progresses under a steady
 * stream of expiries). The writes already sent finish; no new ones compete with the expiry for the store and the
 * CPU. Expiries run on their own threads (the timer's), never in the tick's queue.
 * <p>
 * Process-wide on purpose: there is one store and one CPU to share, whoever runs the expiry.
 */
public final class ExpiryFirst {
    /** The longest a bulk writer waits for expiries before it goes on anyway. */
    public static final Duration MAX_YIELD = Duration.ofMillis(200);

    private static final Object LOCK = new Object();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    /**
     * Bulk units that go on while expiries are still in flight after their wait: one at a time, so a steady stream
     * of expiries (which rarely leaves none in flight) finds at most one bulk write ahead of it at the store, not a
     * whole pool's.
     */
    private static final Semaphore WHILE_EXPIRING = new Semaphore(1);

    private ExpiryFirst() {
    }

    /** Runs an expiry; bulk writers hold back while it runs. */
    public static <T> T expiry(Supplier<T> work) {
        IN_FLIGHT.incrementAndGet();
        try {
            return work.get();
        } finally {
            if (IN_FLIGHT.decrementAndGet() == 0) {
                synchronized (LOCK) {
                    LOCK.notifyAll();
                }
            }
        }
    }

    /** Expiries running right now (tests, metrics). */
    public static int inFlight() {
        return IN_FLIGHT.get();
    }

    /**
     * Bulk work calls this before each unit: returns at once when no expiry runs, else when none does any more or
     * {@code max} has passed. Returns whether it waited.
     */
    public static boolean yieldToExpiries(Duration max) {
        if (IN_FLIGHT.get() == 0) {
            return false;
        }
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (LOCK) {
            long left;
            while (IN_FLIGHT.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(LOCK, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
        return true;
    }

    /**
     * Runs one unit of bulk work (a tick's agent write, its page read): it first yields to running expiries
     * ({@link #yieldToExpiries}); if expiries still run after that, it goes on only as the one bulk unit allowed
     * while expiries run.
     */
    public static <T> T bulkUnit(Supplier<T> work) {
        yieldToExpiries(MAX_YIELD);
        boolean whileExpiring = IN_FLIGHT.get() > 0;
        if (whileExpiring) {
            WHILE_EXPIRING.acquireUninterruptibly();
        }
        try {
            return work.get();
        } finally {
            if (whileExpiring) {
                WHILE_EXPIRING.release();
            }
        }
    }

    /**
     * A fixed pool for bulk writers (a tick's agents): each task runs as a {@link #bulkUnit} (it yields to running
     * expiries, and while they still run only one task at a time goes on). Its threads run at minimum priority (a
     * hint to the OS; the yield is what holds).
     */
    public static ThreadPoolExecutor bulkPool(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
        return new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                factory) {
            @Override
            public void execute(Runnable task) {
                super.execute(() -> bulkUnit(() -> {
                    task.run();
                    return null;
                }));
            }
        };
    }
}
