package com.ctipresence.adapter.out.dynamodb;

import com.ctipresence.config.StoreReadiness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up of the store: in the background the embedded DynamoDB Local starts and the tables are created while
 * start-up goes on (readiness false until then); with the tables there, start-up sends one ListTables and nothing
 * else (no DescribeTable, no CreateTable).
 */
class DynamoDbStartupTest {

    @Test
    void inTheBackgroundTheStoreBecomesReadyLaterAndAnExistingStoreCostsOneListTables() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DynamoDbConfig config = com.ctipresence.support.StoreConfigs.inMemory("startup-", port);
        List<String> operations = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        EmbeddedDynamoDb embedded = new EmbeddedDynamoDb(config);
        Tables tables = new Tables(config);
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)).build()) {
            StoreReadiness readiness = new StoreReadiness();
            new DynamoDbStartup(dynamo, tables, config, embedded, readiness, true).onStart(null);
            // onStart returned at once: DynamoDB Local takes far longer than this to start
            assertThat(readiness.isReady()).as("ready before the background start finished").isFalse();

            assertThat(readiness.awaitReady(Duration.ofSeconds(60))).isTrue();
            assertThat(embedded.port()).isEqualTo(port);
            assertThat(operations).as("a new store: one ListTables, then each table created")
                    .startsWith("ListTables").contains("CreateTable").doesNotContain("DescribeTable");
            assertThat(dynamo.listTables().tableNames()).containsAll(Tables.ALL.stream().map(tables::name).toList());

            operations.clear();
            StoreReadiness again = new StoreReadiness();
            new DynamoDbStartup(dynamo, tables, config, (EmbeddedDynamoDb) null, again, false).onStart(null);
            assertThat(again.isReady()).isTrue();
            assertThat(operations).as("existing tables: nothing but one ListTables").containsExactly("ListTables");
        } finally {
            embedded.stop();
        }
    }
}
