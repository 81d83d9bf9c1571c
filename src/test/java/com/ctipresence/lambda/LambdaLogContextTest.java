package com.ctipresence.lambda;

import com.ctipresence.adapter.in.lambda.ApiFunction;
import com.ctipresence.adapter.in.lambda.HttpApiEvent;
import com.ctipresence.adapter.in.lambda.HttpApiResponse;
import com.ctipresence.adapter.in.lambda.SqsBatch;
import com.ctipresence.adapter.in.lambda.SqsBatchResponse;
import com.ctipresence.adapter.in.lambda.SqsEvent;
import com.ctipresence.adapter.in.lambda.WrapUpExpiryFunction;
import com.ctipresence.support.Api;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log lines of a Lambda invocation carry its request id, call center and agent (the MDC, which the lambda
 * profile's JSON log lines show under "mdc"; LambdaRuntimeIT checks the JSON of the built function), and nothing of
 * them is left behind for the next invocation.
 */
@QuarkusTest
class LambdaLogContextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ApiFunction api;
    @Inject
    WrapUpExpiryFunction wrapUpExpiry;

    /** The log records of a category while open, with their MDC (at INFO and above, whatever it is set to). */
    static final class Records extends Handler implements AutoCloseable {
        final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        private final Logger logger;
        private final Level level;

        Records(String category) {
            logger = Logger.getLogger(category);
            level = logger.getLevel();
            logger.setLevel(Level.INFO);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc();
                records.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(level);
        }
    }

    @Test
    void anApiInvocationLogsOneLineWithItsRequestIdCallCenterAndAgent() throws Exception {
        String cc = Api.newCallCenter(30, true);
        FakeContext context = FakeContext.withPlentyOfTime();
        HttpApiEvent event = JSON.treeToValue(Channels.event(new Channels.Call("PUT",
                "/v1/call-centers/{callCenterId}/agents/{agentId}/presence", Map.of("callCenterId", cc,
                "agentId", "a7"), Map.of(), Map.of("Content-Type", "application/json"), "{\"stateId\":\"away\"}",
                new Channels.Who("a7", cc, List.of("agent")))), HttpApiEvent.class);

        HttpApiResponse response;
        try (Records access = new Records("cti.access")) {
            response = api.handleRequest(event, context);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(access.records).hasSize(1);
            ExtLogRecord line = access.records.get(0);
            assertThat(line.getFormattedMessage()).matches("route=PUT /v1/call-centers/\\{callCenterId}/agents/"
                    + "\\{agentId}/presence status=200 durationMs=\\d+");
            assertThat(line.getMdcCopy()).containsEntry("requestId", context.requestId())
                    .containsEntry("callCenterId", cc).containsEntry("agentId", "a7");
        }
        assertThat(MDC.get("requestId")).as("cleared after the invocation").isNull();
        assertThat(MDC.get("callCenterId")).isNull();
        assertThat(MDC.get("agentId")).isNull();
    }

    @Test
    void aFailedQueueMessageIsLoggedWithItsRequestIdCallCenterAndAgent() {
        FakeContext context = FakeContext.withPlentyOfTime();
        String body = "{\"callCenterId\":\"no-such-cc\",\"agentId\":\"a9\",\"wrapUpId\":\"w1\","
                + "\"wrapUpUntil\":\"2026-11-18T11:00:30Z\"}";
        SqsEvent event = new SqsEvent(List.of(new SqsEvent.Message("m-1", body, Map.of())));
        try (Records failures = new Records(SqsBatch.class.getName())) {
            SqsBatchResponse response = wrapUpExpiry.handleRequest(event, context);
            assertThat(response.batchItemFailures()).hasSize(1);
            assertThat(failures.records).hasSize(1);
            assertThat(failures.records.get(0).getMdcCopy()).containsEntry("requestId", context.requestId())
                    .containsEntry("callCenterId", "no-such-cc").containsEntry("agentId", "a9");
        }
        assertThat(MDC.get("requestId")).as("cleared after the invocation").isNull();
        assertThat(MDC.get("callCenterId")).isNull();
    }
}
