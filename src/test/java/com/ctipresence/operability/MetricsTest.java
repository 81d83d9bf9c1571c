package com.ctipresence.operability;

import com.ctipresence.adapter.out.timer.LocalWrapUpTimer;
import com.ctipresence.application.port.out.PresenceMetrics;
import com.ctipresence.application.service.TickService;
import com.ctipresence.support.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.ctipresence.support.Api.callEvent;
import static com.ctipresence.support.Api.event;
import static com.ctipresence.support.Api.newCallCenter;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The Micrometer adapter of the PresenceMetrics port, as Prometheus text at /q/metrics (open, no token). */
@QuarkusTest
class MetricsTest {
    @Inject
    PresenceMetrics metrics;
    @Inject
    MeterRegistry registry;
    @Inject
    TestClock clock;
    @Inject
    LocalWrapUpTimer timer;
    @Inject
    TickService ticks;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void everyPresenceMetricIsServedAsPrometheusText() {
        metrics.presenceChanged("METRICS_TEST");
        metrics.presenceChanged("METRICS_TEST");
        metrics.wrapUpStarted();
        metrics.wrapUpExpired(Duration.ofMillis(1500));
        metrics.tickCompleted("metrics-cc", Duration.ofMillis(40), 7);
        metrics.storeError("metrics-test");

        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(text).containsPattern("(?m)^cti_presence_changes_total\\{cause=\"METRICS_TEST\"[^}]*} 2(\\.0)?$")
                .containsPattern("(?m)^cti_wrapup_started_total(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^cti_wrapup_expired_total(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^cti_wrapup_lateness_seconds_count(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^cti_tick_duration_seconds_count\\{callCenterId=\"metrics-cc\"[^}]*} 1(\\.0)?$")
                .containsPattern("(?m)^cti_tick_agents_sum\\{callCenterId=\"metrics-cc\"[^}]*} 7(\\.0)?$")
                .containsPattern("(?m)^cti_store_errors_total\\{kind=\"metrics-test\"[^}]*} 1(\\.0)?$");
    }

    @Test
    void theUseCasesReportChangesWrapUpsAndTicks() {
        String cc = newCallCenter(30, true);
        double callEvents = count("cti.presence.changes", "cause", "CALL_EVENT");
        double expiries = count("cti.presence.changes", "cause", "WRAP_UP_EXPIRY");
        double started = registry.counter("cti.wrapup.started").count();
        double expired = registry.counter("cti.wrapup.expired").count();

        callEvent(cc, "a1", event("e1", "CONNECTED", "c1", false, null)).statusCode(200);
        callEvent(cc, "a1", event("e2", "ENDED", "c1", false, 40)).statusCode(200);
        clock.advance(Duration.ofSeconds(32)); // the timer runs 2 s late
        timer.fireDue();
        ticks.tick(cc);

        assertThat(count("cti.presence.changes", "cause", "CALL_EVENT") - callEvents).isEqualTo(2);
        assertThat(count("cti.presence.changes", "cause", "WRAP_UP_EXPIRY") - expiries).isEqualTo(1);
        assertThat(registry.counter("cti.wrapup.started").count() - started).isEqualTo(1);
        assertThat(registry.counter("cti.wrapup.expired").count() - expired).isEqualTo(1);
        assertThat(registry.find("cti.tick.agents").tag("callCenterId", cc).summary().totalAmount())
                .isEqualTo(1);
        assertThat(registry.find("cti.wrapup.lateness").timer().max(java.util.concurrent.TimeUnit.SECONDS))
                .isGreaterThanOrEqualTo(2);
    }

    private double count(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
