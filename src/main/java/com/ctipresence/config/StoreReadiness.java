package com.ctipresence.config;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the store is up and its tables exist. The local server starts its embedded DynamoDB Local and checks its
 * tables while the rest of it boots (DynamoDbStartup); until then the readiness check says DOWN, API requests are
 * answered 503 (Retry-After), the ticker skips, and the wrap-up timers are re-armed only once it is ready.
 */
@ApplicationScoped
public class StoreReadiness {
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    public boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    public void markReady() {
        ready.complete(null);
    }

    public void markFailed(Throwable cause) {
        ready.completeExceptionally(cause);
    }

    /** Runs {@code action} once the store is ready: at once if it is, else on the thread that makes it ready. */
    public void whenReady(Runnable action) {
        ready.thenRun(action);
    }

    /** Waits at most {@code max} for the store; true if it is ready. */
    public boolean awaitReady(Duration max) {
        try {
            ready.get(max.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
