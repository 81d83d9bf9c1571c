package com.ctipresence.adapter.out.metrics;

import com.ctipresence.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lambda metrics: each call one CloudWatch Embedded Metric Format line, with the names of /q/metrics. */
class EmfPresenceMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestClock clock = TestClock.frozenAt(TestClock.FIXED);
    private final List<String> lines = new ArrayList<>();
    private final EmfPresenceMetrics metrics = new EmfPresenceMetrics(clock, lines::add);

    @Test
    void aPresenceChangeIsOneEmfRecordWithItsCause() throws Exception {
        metrics.presenceChanged("AGENT");

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotContain("\n").startsWith("{").endsWith("}");
        assertThat(JSON.readTree(lines.get(0))).isEqualTo(JSON.readTree("""
                {"_aws":{"Timestamp":%d,"CloudWatchMetrics":[{"Namespace":"CtiPresence",
                  "Dimensions":[["cause"]],"Metrics":[{"Name":"cti.presence.changes","Unit":"Count"}]}]},
                 "cause":"AGENT","cti.presence.changes":1}""".formatted(TestClock.FIXED.toEpochMilli())));
    }

    @Test
    void everyRecordHasTheExactFieldsAndValues() throws Exception {
        metrics.wrapUpStarted();
        clock.advance(Duration.ofSeconds(5));
        metrics.wrapUpExpired(Duration.ofMillis(1_234));
        metrics.wrapUpExpired(Duration.ofMillis(-5)); // early counts as on time, as locally
        metrics.tickCompleted("acme", Duration.ofMillis(250), 12);
        metrics.storeError("throttled");

        assertThat(lines).hasSize(5);
        long t0 = TestClock.FIXED.toEpochMilli();
        long t1 = t0 + 5_000;
        assertThat(JSON.readTree(lines.get(0))).isEqualTo(JSON.readTree("""
                {"_aws":{"Timestamp":%d,"CloudWatchMetrics":[{"Namespace":"CtiPresence","Dimensions":[[]],
                  "Metrics":[{"Name":"cti.wrapup.started","Unit":"Count"}]}]},"cti.wrapup.started":1}"""
                .formatted(t0)));
        assertThat(JSON.readTree(lines.get(1))).isEqualTo(JSON.readTree("""
                {"_aws":{"Timestamp":%d,"CloudWatchMetrics":[{"Namespace":"CtiPresence","Dimensions":[[]],
                  "Metrics":[{"Name":"cti.wrapup.expired","Unit":"Count"},
                             {"Name":"cti.wrapup.lateness","Unit":"Milliseconds"}]}]},
                 "cti.wrapup.expired":1,"cti.wrapup.lateness":1234}""".formatted(t1)));
        assertThat(JSON.readTree(lines.get(2)).path("cti.wrapup.lateness").asLong()).isZero();
        assertThat(JSON.readTree(lines.get(3))).isEqualTo(JSON.readTree("""
                {"_aws":{"Timestamp":%d,"CloudWatchMetrics":[{"Namespace":"CtiPresence",
                  "Dimensions":[["callCenterId"]],
                  "Metrics":[{"Name":"cti.tick.duration","Unit":"Milliseconds"},
                             {"Name":"cti.tick.agents","Unit":"Count"}]}]},
                 "callCenterId":"acme","cti.tick.duration":250,"cti.tick.agents":12}""".formatted(t1)));
        assertThat(JSON.readTree(lines.get(4))).isEqualTo(JSON.readTree("""
                {"_aws":{"Timestamp":%d,"CloudWatchMetrics":[{"Namespace":"CtiPresence","Dimensions":[["kind"]],
                  "Metrics":[{"Name":"cti.store.errors","Unit":"Count"}]}]},
                 "kind":"throttled","cti.store.errors":1}""".formatted(t1)));
        for (String line : lines) {
            assertValidEmf(JSON.readTree(line));
        }
    }

    /**
     * The same calls give the same metric names (and dimension names) on Lambda as in /q/metrics locally: every
     * method of the port, so a new one cannot be left to the port's no-op default on Lambda.
     */
    @Test
    void theNamesAreThoseOfTheLocalMeters() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerPresenceMetrics local = new MicrometerPresenceMetrics(registry);
        Consumer<com.ctipresence.application.port.out.PresenceMetrics> calls = m -> {
            m.presenceChanged("CALL_EVENT");
            m.wrapUpStarted();
            m.wrapUpExpired(Duration.ofSeconds(1));
            m.tickCompleted("acme", Duration.ofMillis(10), 3);
            m.storeError("unavailable");
            m.tickOverrun("acme");
            m.deliverySent("teams", Duration.ofMillis(40));
            m.deliveryRetried("pbx");
            m.deliveryFailed("omniChannel");
        };
        calls.accept(local);
        calls.accept(metrics);

        Map<String, Set<String>> localNames = new HashMap<>();
        for (Meter meter : registry.getMeters()) {
            if (meter.getId().getName().endsWith(".histogram") && meter.getId().getTag("le") != null) {
                // the lateness timer's 50 ms service-level bucket, which this registry shows as gauges of their
                // own (Prometheus: _bucket lines of the timer): part of the timer, which EMF sends with its values
                continue;
            }
            localNames.put(meter.getId().getName(), meter.getId().getTags().stream().map(t -> t.getKey())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        Map<String, Set<String>> emfNames = new HashMap<>();
        for (String line : lines) {
            JsonNode directive = JSON.readTree(line).path("_aws").path("CloudWatchMetrics").get(0);
            Set<String> dimensions = new TreeSet<>();
            directive.path("Dimensions").get(0).forEach(d -> dimensions.add(d.asText()));
            directive.path("Metrics").forEach(m -> emfNames.put(m.path("Name").asText(), dimensions));
        }
        assertThat(emfNames).isEqualTo(localNames);
    }

    /** The structural rules of the EMF specification that CloudWatch checks before it extracts anything. */
    private static void assertValidEmf(JsonNode root) {
        JsonNode aws = root.path("_aws");
        assertThat(aws.path("Timestamp").isIntegralNumber()).isTrue();
        assertThat(fieldNames(aws)).containsExactlyInAnyOrder("Timestamp", "CloudWatchMetrics");
        assertThat(aws.path("CloudWatchMetrics").size()).isEqualTo(1);
        for (JsonNode directive : aws.path("CloudWatchMetrics")) {
            assertThat(fieldNames(directive)).containsExactlyInAnyOrder("Namespace", "Dimensions", "Metrics");
            assertThat(directive.path("Namespace").asText()).isEqualTo(EmfPresenceMetrics.NAMESPACE);
            for (JsonNode set : directive.path("Dimensions")) {
                assertThat(set.size()).isLessThanOrEqualTo(30);
                set.forEach(d -> assertThat(root.path(d.asText()).isTextual()).as("dimension " + d).isTrue());
            }
            assertThat(directive.path("Metrics").size()).isBetween(1, 100);
            for (JsonNode metric : directive.path("Metrics")) {
                assertThat(fieldNames(metric)).containsExactlyInAnyOrder("Name", "Unit");
                assertThat(metric.path("Unit").asText()).isIn("Count", "Milliseconds");
                assertThat(root.path(metric.path("Name").asText()).isNumber()).as("value of " + metric).isTrue();
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
