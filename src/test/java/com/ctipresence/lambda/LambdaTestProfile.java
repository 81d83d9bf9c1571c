package com.ctipresence.lambda;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The Lambda handlers as configured on AWS, inside a test: wrap-up timers are delayed SQS messages (recorded by
 * RecordingQueueSender instead of sent), ticks go through the tick queue, pages of 2 agents, no configuration cache.
 */
public class LambdaTestProfile implements QuarkusTestProfile {
    public static final String WRAP_UP_QUEUE = "https://sqs.test.invalid/000000000000/cti-wrap-up";
    public static final String TICK_QUEUE = "https://sqs.test.invalid/000000000000/cti-tick";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cti.wrap-up.timer", "sqs", "cti.wrap-up.rearm-at-start", "false",
                "cti.sqs.wrap-up-queue-url", WRAP_UP_QUEUE, "cti.sqs.tick-queue-url", TICK_QUEUE,
                "cti.tick.page-size", "2", "cti.tick.reserve-millis", "10000",
                // every use reads the configuration, as a cold Lambda instance does (the least-privilege test sees it)
                "cti.config-cache.ttl", "0s");
    }
}
