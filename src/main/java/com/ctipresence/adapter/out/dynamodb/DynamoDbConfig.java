package com.ctipresence.adapter.out.dynamodb;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The {@code cti.dynamodb.*} settings: which DynamoDB, table names, and the embedded DynamoDB Local. */
@ConfigMapping(prefix = "cti.dynamodb")
public interface DynamoDbConfig {
    /** A DynamoDB endpoint to use instead of the embedded one; when set, no embedded DynamoDB Local is started. */
    Optional<String> endpoint();

    /** Prefix of every table name, e.g. "cti-" or "cti-prod-". */
    @WithDefault("cti-")
    String tablePrefix();

    /** Create missing tables at start-up (local server); on AWS the SAM template creates them. */
    @WithDefault("true")
    boolean createTables();

    Embedded embedded();

    interface Embedded {
        /** Run DynamoDB Local in-process (only when cti.dynamodb.endpoint is not set). */
        @WithDefault("true")
        boolean enabled();

        /**
         * Port it listens on, on 127.0.0.1 only; 0 = a free port chosen at start
         * ({@link com.ctipresence.config.FreePortInterceptor}). quarkus.dynamodb.endpoint-override points there.
         */
        @WithDefault("8000")
        int port();

        /** Folder for its data file (shared-local-instance.db); created if missing. */
        @WithDefault("data")
        String dataDir();

        /** Keep data in memory only. */
        @WithDefault("false")
        boolean inMemory();
    }
}
