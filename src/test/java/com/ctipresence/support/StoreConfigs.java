package com.ctipresence.support;

import com.ctipresence.adapter.out.dynamodb.DynamoDbConfig;

import java.util.Optional;

/** Store settings for tests and benchmarks that run their own embedded DynamoDB Local, in memory or on disk. */
public final class StoreConfigs {

    private StoreConfigs() {
    }

    /** An in-memory embedded store on {@code port}, its tables named with {@code tablePrefix} and created. */
    public static DynamoDbConfig inMemory(String tablePrefix, int port) {
        return withEndpoint(Optional.empty(), tablePrefix, port);
    }

    /** The same, with a configured endpoint (which makes the embedded store unwanted). */
    public static DynamoDbConfig withEndpoint(Optional<String> endpoint, String tablePrefix, int port) {
        return store(endpoint, tablePrefix, port, null);
    }

    /** An embedded store keeping its data on disk in {@code dataDir}, as the local server does. */
    public static DynamoDbConfig onDisk(String tablePrefix, int port, java.nio.file.Path dataDir) {
        return store(Optional.empty(), tablePrefix, port, dataDir.toString());
    }

    private static DynamoDbConfig store(Optional<String> endpoint, String tablePrefix, int port, String dataDir) {
        return new DynamoDbConfig() {
            public Optional<String> endpoint() { return endpoint; }
            public String tablePrefix() { return tablePrefix; }
            public boolean createTables() { return true; }
            public Embedded embedded() {
                return new Embedded() {
                    public boolean enabled() { return true; }
                    public int port() { return port; }
                    public String dataDir() { return dataDir == null ? "unused" : dataDir; }
                    public boolean inMemory() { return dataDir == null; }
                };
            }
        };
    }
}
