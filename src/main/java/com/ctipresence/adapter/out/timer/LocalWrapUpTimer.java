package com.ctipresence.adapter.out.timer;

import com.ctipresence.application.port.out.WrapUpTimer;
import com.ctipresence.application.service.PresenceService;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * In-process wrap-up timers with millisecond precision (the local server). One pending timer per agent: arming a
 * wrap-up replaces the agent's previous timer. A failed expiry (e.g. DynamoDB briefly unavailable) is retried.
 */
@ApplicationScoped
public class LocalWrapUpTimer implements WrapUpTimer {
    private static final Logger LOG = Logger.getLogger(LocalWrapUpTimer.class);
    static final Duration RETRY_DELAY = Duration.ofSeconds(2);

    private final Instance<PresenceService> presence;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "wrap-up-timer");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Armed> pending = new ConcurrentHashMap<>();

    private record Armed(String wrapUpId, ScheduledFuture<?> future) {
    }

    public LocalWrapUpTimer(Instance<PresenceService> presence, Clock clock) {
        this.presence = presence;
        this.clock = clock;
    }

    @Override
    public void schedule(String callCenterId, String agentId, String wrapUpId, Instant until) {
        long delayMs = Math.max(0, Duration.between(clock.instant(), until).toMillis());
        String key = callCenterId + "#" + agentId;
        Armed previous = pending.put(key, new Armed(wrapUpId, executor.schedule(
                () -> fire(key, callCenterId, agentId, wrapUpId), delayMs, TimeUnit.MILLISECONDS)));
        if (previous != null) {
            previous.future().cancel(false); // an older wrap-up, or this one armed again (re-arm at start-up)
        }
    }

    private void fire(String key, String callCenterId, String agentId, String wrapUpId) {
        try {
            presence.get().expireWrapUp(callCenterId, agentId, wrapUpId);
            pending.computeIfPresent(key, (k, armed) -> armed.wrapUpId().equals(wrapUpId) ? null : armed);
        } catch (RuntimeException e) {
            LOG.warnf(e, "wrap-up expiry for %s failed; retrying in %s", key, RETRY_DELAY);
            pending.computeIfPresent(key, (k, armed) -> armed.wrapUpId().equals(wrapUpId)
                    ? new Armed(wrapUpId, executor.schedule(() -> fire(key, callCenterId, agentId, wrapUpId),
                    RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS))
                    : armed);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
