package com.ctipresence.adapter.out.metrics;

import com.ctipresence.application.port.out.PresenceMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@link PresenceMetrics} on AWS Lambda (build profile {@code lambda}): each measurement is one CloudWatch Embedded
 * Metric Format record, written as one JSON line straight to stdout (not through the JSON log formatter, which
 * would wrap it in a {@code "message"}): Lambda sends stdout to CloudWatch Logs, which extracts the metrics into the
 * namespace {@value #NAMESPACE}. The metric names are those of {@code /q/metrics} locally
 * ({@link MicrometerPresenceMetrics}); durations in Milliseconds, the rest Count. Example:
 * <pre>{"_aws":{"Timestamp":1795000000000,"CloudWatchMetrics":[{"Namespace":"CtiPresence",
 * "Dimensions":[["cause"]],"Metrics":[{"Name":"cti.presence.changes","Unit":"Count"}]}]},
 * "cause":"AGENT","cti.presence.changes":1}</pre>
 */
@ApplicationScoped
@IfBuildProfile("lambda")
public class EmfPresenceMetrics implements PresenceMetrics {
    public static final String NAMESPACE = "CtiPresence";
    static final String COUNT = "Count";
    static final String MILLISECONDS = "Milliseconds";

    private final Clock clock;
    private final Consumer<String> out;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public EmfPresenceMetrics(Clock clock) {
        // System.out at each write: the Lambda runtime client may replace it after this bean is made
        this(clock, line -> System.out.println(line));
    }

    EmfPresenceMetrics(Clock clock, Consumer<String> out) {
        this.clock = clock;
        this.out = out;
    }

    @Override
    public void presenceChanged(String cause) {
        Record r = new Record("cause", cause);
        r.metric(MicrometerPresenceMetrics.PRESENCE_CHANGES, COUNT, 1);
        emit(r);
    }

    @Override
    public void wrapUpStarted() {
        Record r = new Record();
        r.metric(MicrometerPresenceMetrics.WRAP_UP_STARTED, COUNT, 1);
        emit(r);
    }

    @Override
    public void wrapUpExpired(Duration lateness) {
        Record r = new Record();
        r.metric(MicrometerPresenceMetrics.WRAP_UP_EXPIRED, COUNT, 1);
        r.metric(MicrometerPresenceMetrics.WRAP_UP_LATENESS, MILLISECONDS,
                lateness.isNegative() ? 0 : lateness.toMillis());
        emit(r);
    }

    @Override
    public void tickCompleted(String callCenterId, Duration duration, int agentsTicked) {
        Record r = new Record("callCenterId", callCenterId);
        r.metric(MicrometerPresenceMetrics.TICK_DURATION, MILLISECONDS, duration.toMillis());
        r.metric(MicrometerPresenceMetrics.TICK_AGENTS, COUNT, agentsTicked);
        emit(r);
    }

    @Override
    public void storeError(String kind) {
        Record r = new Record("kind", kind);
        r.metric(MicrometerPresenceMetrics.STORE_ERRORS, COUNT, 1);
        emit(r);
    }

    @Override
    public void tickOverrun(String callCenterId) {
        Record r = new Record("callCenterId", callCenterId);
        r.metric(MicrometerPresenceMetrics.TICK_OVERRUNS, COUNT, 1);
        emit(r);
    }

    @Override
    public void deliverySent(String target, Duration lag) {
        Record r = new Record("target", target);
        r.metric(MicrometerPresenceMetrics.DELIVERY_SENT, COUNT, 1);
        r.metric(MicrometerPresenceMetrics.DELIVERY_LAG, MILLISECONDS, lag.isNegative() ? 0 : lag.toMillis());
        emit(r);
    }

    @Override
    public void deliveryRetried(String target) {
        Record r = new Record("target", target);
        r.metric(MicrometerPresenceMetrics.DELIVERY_RETRIED, COUNT, 1);
        emit(r);
    }

    @Override
    public void deliveryFailed(String target) {
        Record r = new Record("target", target);
        r.metric(MicrometerPresenceMetrics.DELIVERY_FAILED, COUNT, 1);
        emit(r);
    }

    private void emit(Record record) {
        try {
            out.accept(json.writeValueAsString(record.root));
        } catch (Exception e) {
            // metrics never fail a use case
        }
    }

    /** One EMF document: one metric directive with at most one dimension, the values at the root. */
    private final class Record {
        final ObjectNode root = json.createObjectNode();
        final ArrayNode metrics;

        Record() {
            this(null, null);
        }

        Record(String dimension, String value) {
            ObjectNode aws = root.putObject("_aws");
            aws.put("Timestamp", clock.millis());
            ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
            directive.put("Namespace", NAMESPACE);
            ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
            if (dimension != null) {
                dimensionSet.add(dimension);
                root.put(dimension, value == null ? "" : value);
            }
            metrics = directive.putArray("Metrics");
        }

        void metric(String name, String unit, long value) {
            metrics.addObject().put("Name", name).put("Unit", unit);
            root.put(name, value);
        }
    }
}
