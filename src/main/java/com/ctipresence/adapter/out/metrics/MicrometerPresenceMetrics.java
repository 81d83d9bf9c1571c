package com.ctipresence.adapter.out.metrics;

import com.ctipresence.application.port.out.PresenceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * {@link PresenceMetrics} as Micrometer meters, served in Prometheus text at {@code /q/metrics}:
 * {@code cti.presence.changes{cause}}, {@code cti.wrapup.started}, {@code cti.wrapup.expired},
 * {@code cti.wrapup.lateness}, {@code cti.tick.duration{callCenterId}}, {@code cti.tick.agents{callCenterId}},
 * {@code cti.tick.overruns{callCenterId}}, {@code cti.store.errors{kind}}.
 */
@ApplicationScoped
public class MicrometerPresenceMetrics implements PresenceMetrics {
    public static final String PRESENCE_CHANGES = "cti.presence.changes";
    public static final String WRAP_UP_STARTED = "cti.wrapup.started";
    public static final String WRAP_UP_EXPIRED = "cti.wrapup.expired";
    public static final String WRAP_UP_LATENESS = "cti.wrapup.lateness";
    public static final String TICK_DURATION = "cti.tick.duration";
    public static final String TICK_AGENTS = "cti.tick.agents";
    public static final String STORE_ERRORS = "cti.store.errors";
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
                .maximumExpectedValue(java.time.Duration.ofSeconds(60)).register(registry);
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
}
