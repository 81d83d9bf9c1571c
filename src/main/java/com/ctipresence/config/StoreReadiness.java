package com.ctipresence.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether the store is up and its tables exist. The local server starts its embedded DynamoDB Local and checks its
 * tables while the rest of it boots (DynamoDbStartup); until then the readiness check says DOWN, API requests are
 * answered 503 (Retry-After), the ticker skips, and the wrap-up timers are re-armed only once the store is up (before
 * it is reported ready).
 */
@ApplicationScoped
public class StoreReadiness {
    private static final Logger LOG = Logger.getLogger(StoreReadiness.class);

    private final List<Runnable> onceUp = new ArrayList<>();
    private volatile boolean ready;
    private boolean up;
    private boolean failed;

    public boolean isReady() {
        return ready;
    }

    /** The store is up: runs what waited for it (in order, on this thread), then reports ready. */
    public void markReady() {
        List<Runnable> actions;
        synchronized (this) {
            if (up) {
                return;
            }
            up = true;
            actions = List.copyOf(onceUp);
            onceUp.clear();
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "a start-up step after the store came up failed");
            }
        }
        synchronized (this) {
            ready = true;
            notifyAll();
        }
    }

    public synchronized void markFailed(Throwable cause) {
        failed = true;
        notifyAll();
    }

    /**
     * Runs {@code action} once the store is up, before it is reported ready: at once if it is up, else on the thread
     * that brings it up.
     */
    public void whenReady(Runnable action) {
        synchronized (this) {
            if (!up) {
                onceUp.add(action);
                return;
            }
        }
        action.run();
    }

    /** Waits at most {@code max} for the store; true if it is ready. */
    public synchronized boolean awaitReady(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        long left;
        while (!ready && !failed && (left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return ready;
    }
}
