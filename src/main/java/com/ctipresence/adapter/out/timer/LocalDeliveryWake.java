package com.ctipresence.adapter.out.timer;

import com.ctipresence.application.port.out.delivery.DeliveryDue;
import com.ctipresence.application.port.out.delivery.DeliveryWake;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local server's wake-up of the delivery worker: right after a commit wrote outbox items, a {@link DeliveryDue}
 * is fired on a small pool of its own (the committing request never waits for it). Off where
 * {@code cti.delivery.worker.enabled=false} (tests drain by hand; on AWS the outbox table's stream wakes the
 * delivery function).
 */
@ApplicationScoped
public class LocalDeliveryWake implements DeliveryWake {
    private static final Logger LOG = Logger.getLogger(LocalDeliveryWake.class);

    @ConfigMapping(prefix = "cti.delivery.worker")
    public interface Config {
        /** Whether the in-process worker runs (wake-ups and the periodic sweep). */
        @WithDefault("true")
        boolean enabled();

        /** Deliveries sent at the same time by the in-process worker. */
        @WithDefault("4")
        int threads();

        /** How often the sweep looks for due items (read by the worker's @Scheduled expression). */
        @WithDefault("1s")
        java.time.Duration every();
    }

    private final Event<DeliveryDue> due;
    private final boolean enabled;
    private final ExecutorService pool;

    public LocalDeliveryWake(Event<DeliveryDue> due, Config config) {
        this.due = due;
        this.enabled = config.enabled();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, config.threads()), r -> {
            Thread t = new Thread(r, "delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void pending(String callCenterId, String agentId) {
        if (!enabled) {
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    due.fire(new DeliveryDue(callCenterId, agentId));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "delivery for %s/%s failed; the sweep tries again", callCenterId, agentId);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // shutting down: the items stay pending in the store
        }
    }

    public boolean enabled() {
        return enabled;
    }

    void onStop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
