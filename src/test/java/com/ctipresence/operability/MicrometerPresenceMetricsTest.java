package com.ctipresence.operability;

import com.ctipresence.adapter.out.metrics.MicrometerPresenceMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerPresenceMetricsTest {

    @Test
    void eachCallLandsOnItsMeter() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerPresenceMetrics metrics = new MicrometerPresenceMetrics(registry);

        metrics.presenceChanged("AGENT");
        metrics.presenceChanged("AGENT");
        metrics.presenceChanged("WRAP_UP_EXPIRY");
        metrics.wrapUpStarted();
        metrics.wrapUpExpired(Duration.ofSeconds(3));
        metrics.wrapUpExpired(Duration.ofMillis(-5)); // a timer that ran early counts as on time
        metrics.tickCompleted("acme", Duration.ofMillis(250), 12);
        metrics.tickCompleted("acme", Duration.ofMillis(150), 10);
        metrics.storeError("unavailable");

        assertThat(registry.get("cti.presence.changes").tag("cause", "AGENT").counter().count()).isEqualTo(2);
        assertThat(registry.get("cti.presence.changes").tag("cause", "WRAP_UP_EXPIRY").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("cti.wrapup.started").counter().count()).isEqualTo(1);
        assertThat(registry.get("cti.wrapup.expired").counter().count()).isEqualTo(2);
        assertThat(registry.get("cti.wrapup.lateness").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3000);
        assertThat(registry.get("cti.tick.duration").tag("callCenterId", "acme").timer().count()).isEqualTo(2);
        assertThat(registry.get("cti.tick.duration").tag("callCenterId", "acme").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(400);
        assertThat(registry.get("cti.tick.agents").tag("callCenterId", "acme").summary().totalAmount())
                .isEqualTo(22);
        assertThat(registry.get("cti.store.errors").tag("kind", "unavailable").counter().count()).isEqualTo(1);
    }
}
