package com.ctipresence.adapter.out.metrics;

import com.ctipresence.application.port.out.PresenceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.profile.UnlessBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * {@link PresenceMetrics} as Micrometer meters, served in Prometheus text at {@code /q/metrics}:
 * {@code cti.presence.changes{cause}}, {@code cti.wrapup.started}, {@code cti.wrapup.expired},
 * {@code cti.wrapup.lateness}, {@code cti.tick.duration{callCenterId}}, {@code cti.tick.agents{callCenterId}},
 * {@code cti.tick.overruns{callCenterId}}, {@code cti.store.errors{kind}}; per delivery target: {@code cti.delivery.sent{target}},
 * {@code cti.delivery.lag{target}} (enqueued → accepted), {@code cti.delivery.retried{target}},
 * {@code cti.delivery.failed{target}}.
 */
@ApplicationScoped
@UnlessBuildProfile("lambda") // on Lambda: EmfPresenceMetrics (the same names, as EMF log lines)
public class MicrometerPresenceMetrics implements PresenceMetrics {
    public static final String PRESENCE_CHANGES = "cti.presence.changes";
    public static final String WRAP_UP_STARTED = "cti.wrapup.started";
    public static final String WRAP_UP_EXPIRED = "cti.wrapup.expired";
    public static final String WRAP_UP_LATENESS = "cti.wrapup.lateness";
    public static final String TICK_DURATION = "cti.tick.duration";
    public static final String TICK_AGENTS = "cti.tick.agents";
    public static final String STORE_ERRORS = "cti.store.errors";
    public static final String DELIVERY_SENT = "cti.delivery.sent";
    public static final String DELIVERY_LAG = "cti.delivery.lag";
    public static final String DELIVERY_RETRIED = "cti.delivery.retried";
    public static final String DELIVERY_FAILED = "cti.delivery.failed";
    public static final String TICK_OVERRUNS = "cti.tick.overruns";

    private final MeterRegistry registry;
    private final Counter wrapUpsStarted;
    private final Counter wrapUpsExpired;
    private final Timer wrapUpLateness;

    public MicrometerPresenceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.wrapUpsStarted = Counter.builder(WRAP_UP_STARTED).description("wrap-ups begun").register(registry);
        this.wrapUpsExpired = Counter.builder(WRAP_UP_EXPIRED).description("wrap-ups ended by their expiry")
                .register(registry);
        this.wrapUpLateness = Timer.builder(WRAP_UP_LATENESS)
                .description("how long after wrapUpUntil a wrap-up expiry ran")
                .publishPercentileHistogram().minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofSeconds(60))
                .serviceLevelObjectives(java.time.Duration.ofMillis(50)) // the performance target: a bucket of its own
                .register(registry);
    }

    @Override
    public void presenceChanged(String cause) {
        Counter.builder(PRESENCE_CHANGES).description("presence changes stored, by cause")
                .tag("cause", cause).register(registry).increment();
    }

    @Override
    public void wrapUpStarted() {
        wrapUpsStarted.increment();
    }

    @Override
    public void wrapUpExpired(Duration lateness) {
        wrapUpsExpired.increment();
        wrapUpLateness.record(lateness.isNegative() ? Duration.ZERO : lateness);
    }

    @Override
    public void tickCompleted(String callCenterId, Duration duration, int agentsTicked) {
        Timer.builder(TICK_DURATION).description("duration of a time-tracking tick of one call center")
                .tag("callCenterId", callCenterId).register(registry).record(duration);
        DistributionSummary.builder(TICK_AGENTS).description("agents ticked by one time-tracking tick")
                .tag("callCenterId", callCenterId).register(registry).record(agentsTicked);
    }

    @Override
    public void tickOverrun(String callCenterId) {
        Counter.builder(TICK_OVERRUNS).description("ticks that did not finish within their interval")
                .tag("callCenterId", callCenterId).register(registry).increment();
    }

    @Override
    public void storeError(String kind) {
        Counter.builder(STORE_ERRORS).description("store failures, by kind").tag("kind", kind).register(registry)
                .increment();
    }

    @Override
    public void deliverySent(String target, Duration lag) {
        Counter.builder(DELIVERY_SENT).description("deliveries a target accepted, by target").tag("target", target)
                .register(registry).increment();
        Timer.builder(DELIVERY_LAG).description("from a change's commit to its target's acceptance, by target")
                .tag("target", target).register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    @Override
    public void deliveryRetried(String target) {
        Counter.builder(DELIVERY_RETRIED).description("deliveries to be tried again (5xx, 429, timeout), by target")
                .tag("target", target).register(registry).increment();
    }

    @Override
    public void deliveryFailed(String target) {
        Counter.builder(DELIVERY_FAILED).description("deliveries a target refused for good, by target")
                .tag("target", target).register(registry).increment();
    }
}
