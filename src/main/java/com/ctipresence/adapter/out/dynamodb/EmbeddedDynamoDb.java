package com.ctipresence.adapter.out.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import com.ctipresence.config.StartupOrder;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB Local, run inside this process when no DynamoDB endpoint is configured (the local server). It keeps its
 * data in {@code cti.dynamodb.embedded.data-dir} across restarts, or in memory for tests. Not part of the AWS build
 * ({@code ./mvnw -Plambda}, build profile {@code lambda}): neither this class's bean nor DynamoDB Local is in
 * {@code function.zip}.
 */
@ApplicationScoped
@UnlessBuildProfile("lambda")
public class EmbeddedDynamoDb {
    private static final Logger LOG = Logger.getLogger(EmbeddedDynamoDb.class);

    @ConfigMapping(prefix = "cti.dynamodb.embedded")
    public interface Config {
        /** Run DynamoDB Local in-process (only when cti.dynamodb.endpoint is not set). */
        @WithDefault("true")
        boolean enabled();

        /** Loopback port it listens on; quarkus.dynamodb.endpoint-override points there. */
        @WithDefault("8000")
        int port();

        /** Folder for its data file (shared-db.db); created if missing. */
        @WithDefault("data")
        String dataDir();

        /** Keep data in memory only (tests). */
        @WithDefault("false")
        boolean inMemory();
    }

    private final Config config;
    private final Optional<String> externalEndpoint;
    private DynamoDBProxyServer server;

    public EmbeddedDynamoDb(Config config,
                            @ConfigProperty(name = "cti.dynamodb.endpoint") Optional<String> externalEndpoint) {
        this.config = config;
        this.externalEndpoint = externalEndpoint;
    }

    void onStart(@Observes @Priority(StartupOrder.EMBEDDED_STORE) StartupEvent event) {
        if (wanted()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public boolean wanted() {
        return config.enabled() && externalEndpoint.isEmpty();
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(config.port()), "-disableTelemetry"));
        if (config.inMemory()) {
            args.add("-inMemory");
        } else {
            Path dir = Path.of(config.dataDir()).toAbsolutePath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create DynamoDB Local data dir " + dir, e);
            }
            args.addAll(List.of("-dbPath", dir.toString(), "-sharedDb"));
        }
        try {
            server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
        } catch (Exception e) {
            server = null;
            throw new IllegalStateException("cannot start embedded DynamoDB Local on port " + config.port()
                    + " (is the port taken? set cti.dynamodb.embedded.port)", e);
        }
        LOG.infof("embedded DynamoDB Local listening on 127.0.0.1:%d (%s)", config.port(),
                config.inMemory() ? "in memory" : "data in " + Path.of(config.dataDir()).toAbsolutePath());
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping embedded DynamoDB Local failed", e);
        } finally {
            server = null;
        }
    }
}
