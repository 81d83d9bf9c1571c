package com.ctipresence.store;

import com.ctipresence.adapter.out.dynamodb.DynamoDbConfig;
import com.ctipresence.adapter.out.dynamodb.EmbeddedDynamoDb;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDynamoDbTest {

    static DynamoDbConfig config(Optional<String> endpoint, int port) {
        return com.ctipresence.support.StoreConfigs.withEndpoint(endpoint, "cti-", port);
    }

    @Test
    void neverStartedWhereAnotherDynamoDbIsConfigured() {
        EmbeddedDynamoDb store = new EmbeddedDynamoDb(config(Optional.of("https://dynamodb.eu-central-1.amazonaws.com"),
                0));
        assertThat(store.wanted()).isFalse();
        assertThatThrownBy(store::start).hasMessageContaining("cti.dynamodb.endpoint");
        assertThat(store.port()).isEqualTo(-1);
    }

    @Test
    void aTakenPortIsOneClearReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            EmbeddedDynamoDb store = new EmbeddedDynamoDb(config(Optional.empty(), taken.getLocalPort()));
            assertThat(store.wanted()).isTrue();
            assertThatThrownBy(store::start).isInstanceOf(EmbeddedDynamoDb.PortInUseException.class)
                    .hasMessageStartingWith("port " + taken.getLocalPort() + " (embedded DynamoDB Local) is already "
                            + "in use; set cti.dynamodb.embedded.port / CTI_DYNAMODB_EMBEDDED_PORT");
            assertThat(store.port()).isEqualTo(-1);
        }
    }

    @Test
    void onDiskItsDatabaseIsInWriteAheadLogModeAndKeepsWhatWasWritten(@org.junit.jupiter.api.io.TempDir
                                                                        java.nio.file.Path dataDir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DynamoDbConfig config = com.ctipresence.support.StoreConfigs.onDisk("wal-", port, dataDir);
        EmbeddedDynamoDb store = new EmbeddedDynamoDb(config);
        java.util.Set<Thread> before = sqliteThreads();
        store.start();
        java.util.Set<Thread> ours = new java.util.HashSet<>();
        try (var dynamo = client(store.port())) {
            var tables = new com.ctipresence.adapter.out.dynamodb.Tables(config);
            new com.ctipresence.adapter.out.dynamodb.DynamoDbStartup(dynamo, tables, config).createMissingTables();
            new com.ctipresence.adapter.out.dynamodb.DynamoCallCenterRepository(dynamo, tables)
                    .save(com.ctipresence.domain.Presets.byName(com.ctipresence.domain.Presets.STANDARD).orElseThrow().validate("wal-cc"));
            ours.addAll(sqliteThreads());
            ours.removeAll(before);
        } finally {
            store.stop();
        }
        assertThat(ours).as("the thread that owns DynamoDB Local's SQLite connection").isNotEmpty();
        assertThat(ours).as("stop() returns once that thread has closed the database (DynamoDB Local's own close "
                + "only asks it to stop)").noneMatch(Thread::isAlive);
        java.nio.file.Path database = dataDir.resolve("shared-local-instance.db");
        assertThat(database).exists();
        assertThat(dataDir.resolve("shared-local-instance.db-wal"))
                .as("stop() returns once SQLite has closed the file: the last connection checkpoints the log and "
                        + "removes it (DynamoDB Local's own close returns before that)")
                .doesNotExist();
        com.almworks.sqlite4java.SQLiteConnection sqlite = new com.almworks.sqlite4java.SQLiteConnection(
                database.toFile());
        try {
            sqlite.open(false);
            var mode = sqlite.prepare("PRAGMA journal_mode");
            assertThat(mode.step()).isTrue();
            assertThat(mode.columnString(0)).as("kept in the file: DynamoDB Local wrote through the log")
                    .isEqualTo("wal");
            mode.dispose();
        } finally {
            sqlite.dispose();
        }
        EmbeddedDynamoDb again = new EmbeddedDynamoDb(config); // a restart finds what was written
        again.start();
        try (var dynamo = client(again.port())) {
            assertThat(new com.ctipresence.adapter.out.dynamodb.DynamoCallCenterRepository(dynamo,
                    new com.ctipresence.adapter.out.dynamodb.Tables(config)).find("wal-cc")).isPresent();
        } finally {
            again.stop();
        }
    }

    private static java.util.Set<Thread> sqliteThreads() {
        java.util.Set<Thread> threads = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(thread -> !thread.getName().startsWith("SQLiteQueue["));
        return threads;
    }

    private static software.amazon.awssdk.services.dynamodb.DynamoDbClient client(int port) {
        return software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + port))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
