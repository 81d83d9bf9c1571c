package com.ctipresence.store;

import com.ctipresence.adapter.out.dynamodb.DynamoDbConfig;
import com.ctipresence.adapter.out.dynamodb.DynamoDbReadinessCheck;
import com.ctipresence.adapter.out.dynamodb.Tables;
import com.ctipresence.config.RequestIds;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The open readiness check names no host, port or exception; the log has them, under the answer's request id. */
class ReadinessCheckTest {

    @Test
    void aFailingStoreIsOnlyStoreUnavailableWithARequestIdAndTheDetailsAreLogged() {
        DynamoDbClient failing = new DynamoDbClient() {
            @Override
            public DescribeTableResponse describeTable(DescribeTableRequest request) {
                throw SdkClientException.create("Unable to execute HTTP request: Connect to 127.0.0.1:8000 failed");
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(DynamoDbReadinessCheck.class.getName());
        logger.addHandler(capture);
        try {
            HealthCheckResponse response = new DynamoDbReadinessCheck(failing, new Tables(config())).call();

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            var data = response.getData().orElseThrow();
            assertThat(data.keySet()).containsExactlyInAnyOrder("error", "requestId");
            assertThat(data.get("error")).isEqualTo("store unavailable");
            String requestId = data.get("requestId").toString();
            assertThat(requestId).isNotBlank();
            assertThat(data.toString()).doesNotContain("127.0.0.1").doesNotContain("8000")
                    .doesNotContain("SdkClientException");

            assertThat(records).singleElement().satisfies(r -> {
                String message = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
                assertThat(message).contains("store unavailable").contains(requestId);
                assertThat(r.getThrown()).isInstanceOf(SdkClientException.class)
                        .hasMessageContaining("127.0.0.1:8000");
            });
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void theRequestIdOfTheRunningRequestIsUsed() {
        DynamoDbClient failing = new DynamoDbClient() {
            @Override
            public DescribeTableResponse describeTable(DescribeTableRequest request) {
                throw SdkClientException.create("down");
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
        MDC.put(RequestIds.MDC_KEY, "req-42");
        try {
            assertThat(new DynamoDbReadinessCheck(failing, new Tables(config())).call().getData().orElseThrow())
                    .containsEntry("requestId", "req-42");
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    @Test
    void whileTheStoreIsStillStartingItIsDownWithoutAskingTheStore() {
        DynamoDbClient untouched = new DynamoDbClient() {
            @Override
            public DescribeTableResponse describeTable(DescribeTableRequest request) {
                throw new AssertionError("asked the store while it is starting");
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
        com.ctipresence.config.StoreReadiness starting = new com.ctipresence.config.StoreReadiness();
        HealthCheckResponse response = new DynamoDbReadinessCheck(untouched, new Tables(config()), starting).call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("error", "store starting");
    }

    static DynamoDbConfig config() {
        return new DynamoDbConfig() {
            public Optional<String> endpoint() { return Optional.empty(); }
            public String tablePrefix() { return "cti-"; }
            public boolean createTables() { return true; }
            public Embedded embedded() { return null; }
        };
    }
}
