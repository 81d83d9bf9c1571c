package com.ctipresence.operability;

import com.ctipresence.application.port.out.PresenceMetrics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The Micrometer adapter of the PresenceMetrics port, as Prometheus text at /q/metrics (open, no token). */
@QuarkusTest
class MetricsTest {
    @Inject
    PresenceMetrics metrics;

    @Test
    void everyPresenceMetricIsServedAsPrometheusText() {
        metrics.presenceChanged("CALL_EVENT");
        metrics.presenceChanged("CALL_EVENT");
        metrics.wrapUpStarted();
        metrics.wrapUpExpired(Duration.ofMillis(1500));
        metrics.tickCompleted("metrics-cc", Duration.ofMillis(40), 7);
        metrics.storeError("throttled");

        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(text).containsPattern("(?m)^cti_presence_changes_total\\{cause=\"CALL_EVENT\"[^}]*} 2(\\.0)?$")
                .containsPattern("(?m)^cti_wrapup_started_total(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^cti_wrapup_expired_total(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^cti_wrapup_lateness_seconds_count(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^cti_tick_duration_seconds_count\\{callCenterId=\"metrics-cc\"[^}]*} 1(\\.0)?$")
                .containsPattern("(?m)^cti_tick_agents_sum\\{callCenterId=\"metrics-cc\"[^}]*} 7(\\.0)?$")
                .containsPattern("(?m)^cti_store_errors_total\\{kind=\"throttled\"[^}]*} 1(\\.0)?$");
    }
}
