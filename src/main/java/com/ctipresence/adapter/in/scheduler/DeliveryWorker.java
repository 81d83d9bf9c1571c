package com.ctipresence.adapter.in.scheduler;

import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.port.out.delivery.DeliveryDue;
import com.ctipresence.application.service.DeliveryService;
import com.ctipresence.config.StoreReadiness;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.delivery.DeliveryConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The local server's delivery worker: sends an agent's outbox items right after its commit ({@link DeliveryDue}),
 * and once a second sweeps every due item (retries after back-off, items whose wake-up was lost, items left by a
 * worker that stopped mid-delivery). Off with {@code cti.delivery.worker.enabled=false} (tests call
 * {@link DeliveryService#drainDue()} themselves).
 * <p>
 * The sweep reads the outbox table (a Scan), so it runs only while some call center has a delivery target: the
 * list of call centers is read once, again after every configuration saved here ({@link #callCentersChanged()}),
 * and at least every {@link #RECHECK} (a store other processes write too).
 */
@ApplicationScoped
public class DeliveryWorker {
    /** How long the answer "no call center delivers" is trusted without a save seen here. */
    static final Duration RECHECK = Duration.ofMinutes(1);

    private final IntSupplier drain;
    private final boolean enabled;
    private final BooleanSupplier storeReady;
    private final CallCenterRepository callCenters;
    private final DeliveryService deliveries;
    private volatile boolean known;
    private volatile boolean anyTarget;
    private volatile long knownAtNanos;

    @Inject
    public DeliveryWorker(DeliveryService deliveries,
                          @ConfigProperty(name = "cti.delivery.worker.enabled", defaultValue = "true") boolean enabled,
                          StoreReadiness store, CallCenterRepository callCenters) {
        this(deliveries, deliveries::drainDue, enabled, store::isReady, callCenters);
    }

    /** With the sweep's work given directly (tests). */
    DeliveryWorker(DeliveryService deliveries, IntSupplier drain, boolean enabled, BooleanSupplier storeReady,
                   CallCenterRepository callCenters) {
        this.deliveries = deliveries;
        this.drain = drain;
        this.enabled = enabled;
        this.storeReady = storeReady;
        this.callCenters = callCenters;
    }

    void onDue(@Observes DeliveryDue due) {
        deliveries.deliverAgent(due.callCenterId(), due.agentId());
    }

    @Scheduled(identity = "delivery-sweep", every = "${cti.delivery.worker.every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        // not while the store still starts in the background; not at all while nobody delivers
        if (enabled && storeReady.getAsBoolean() && anyCallCenterDelivers()) {
            drain.getAsInt();
        }
    }

    /** A configuration was saved here: whether anybody delivers is read again at the next sweep. */
    public void callCentersChanged() {
        known = false;
    }

    private boolean anyCallCenterDelivers() {
        if (!known || System.nanoTime() - knownAtNanos > RECHECK.toNanos()) {
            anyTarget = callCenters.findAll().stream().anyMatch(DeliveryWorker::delivers);
            knownAtNanos = System.nanoTime();
            known = true;
        }
        return anyTarget;
    }

    static boolean delivers(CallCenterConfig config) {
        DeliveryConfig d = config.delivery();
        return d != null && (d.pbxWebhook() != null || d.skype() != null || d.teams() != null
                || d.salesforce() != null);
    }
}
