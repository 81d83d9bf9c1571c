package com.ctipresence.application.service;

import com.ctipresence.application.UnavailableException;
import com.ctipresence.application.port.out.ConcurrentUpdateException;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs a read-decide-write step again from a fresh read whenever its conditional write lost a race, with a short
 * jittered back-off. A write is never dropped silently: after {@link #MAX_ATTEMPTS} lost races the caller gets a
 * 503 (retry later) and nothing was written.
 */
final class OptimisticRetry {
    static final int MAX_ATTEMPTS = 100;

    private OptimisticRetry() {
    }

    static <T> T run(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (ConcurrentUpdateException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new UnavailableException("too many concurrent changes to this agent; nothing was "
                            + "changed, please retry");
                }
                long maxMicros = Math.min(50_000, 500L << Math.min(attempt, 7));
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100, maxMicros) * 1000);
            }
        }
    }
}
