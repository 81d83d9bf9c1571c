package com.ctipresence.support;

import com.ctipresence.adapter.out.dynamodb.DynamoDbConfig;

import java.util.Optional;

/** Store settings for tests and benchmarks that run their own embedded DynamoDB Local, in memory. */
public final class StoreConfigs {

    private StoreConfigs() {
    }

    /** An in-memory embedded store on {@code port}, its tables named with {@code tablePrefix} and created. */
    public static DynamoDbConfig inMemory(String tablePrefix, int port) {
        return withEndpoint(Optional.empty(), tablePrefix, port);
    }

    /** The same, with a configured endpoint (which makes the embedded store unwanted). */
    public static DynamoDbConfig withEndpoint(Optional<String> endpoint, String tablePrefix, int port) {
        return new DynamoDbConfig() {
            public Optional<String> endpoint() { return endpoint; }
            public String tablePrefix() { return tablePrefix; }
            public boolean createTables() { return true; }
            public Embedded embedded() {
                return new Embedded() {
                    public boolean enabled() { return true; }
                    public int port() { return port; }
                    public String dataDir() { return "unused"; }
                    public boolean inMemory() { return true; }
                };
            }
        };
    }
}
