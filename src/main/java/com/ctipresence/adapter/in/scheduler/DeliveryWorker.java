package com.ctipresence.adapter.in.scheduler;

import com.ctipresence.application.port.out.delivery.DeliveryDue;
import com.ctipresence.application.service.DeliveryService;
import com.ctipresence.config.StoreReadiness;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local server's delivery worker: sends an agent's outbox items right after its commit ({@link DeliveryDue}),
 * and once a second sweeps every due item (retries after back-off, items whose wake-up was lost, items left by a
 * worker that stopped mid-delivery). Off with {@code cti.delivery.worker.enabled=false} (tests call
 * {@link DeliveryService#drainDue()} themselves).
 */
@ApplicationScoped
public class DeliveryWorker {
    private final DeliveryService deliveries;
    private final boolean enabled;
    private final StoreReadiness store;

    public DeliveryWorker(DeliveryService deliveries,
                          @ConfigProperty(name = "cti.delivery.worker.enabled", defaultValue = "true") boolean enabled,
                          StoreReadiness store) {
        this.deliveries = deliveries;
        this.enabled = enabled;
        this.store = store;
    }

    void onDue(@Observes DeliveryDue due) {
        deliveries.deliverAgent(due.callCenterId(), due.agentId());
    }

    @Scheduled(identity = "delivery-sweep", every = "${cti.delivery.worker.every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (enabled && store.isReady()) { // not while the store still starts in the background
            deliveries.drainDue();
        }
    }
}
