package com.ctipresence.adapter.out.dynamodb;

import com.ctipresence.config.StartupOrder;
import com.ctipresence.config.StoreReadiness;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

import java.util.HashSet;
import java.util.Set;

/**
 * At start-up, before the scheduler's first tick and the re-arming of wrap-up timers: start the embedded DynamoDB
 * Local (if any, see {@link EmbeddedDynamoDb}) and create the tables that are missing (one ListTables, then a
 * CreateTable for each missing one; not on AWS, where the SAM template creates them).
 * <p>
 * With {@code cti.store-startup.background=true} (the packaged server) this runs on its own thread while the rest
 * of the application boots and the HTTP port opens; {@link StoreReadiness} tells when it is done (readiness DOWN and
 * API requests 503 until then). A taken store port is still refused before anything starts (checked first, here).
 * A failure in the background ends the process with exit code 1.
 */
@ApplicationScoped
public class DynamoDbStartup {
    private static final Logger LOG = Logger.getLogger(DynamoDbStartup.class);

    private final DynamoDbClient dynamo;
    private final Tables tables;
    private final DynamoDbConfig config;
    private final EmbeddedDynamoDb embedded;
    private final StoreReadiness readiness;
    private final boolean inBackground;
    private java.time.Duration holdBack = java.time.Duration.ZERO;
    private boolean exitWhenReady;

    public DynamoDbStartup(DynamoDbClient dynamo, Tables tables, DynamoDbConfig config) {
        this(dynamo, tables, config, (EmbeddedDynamoDb) null, new StoreReadiness(), false);
    }

    /** {@code cti.store-startup.*}: whether the store starts in the background. */
    @ConfigMapping(prefix = "cti.store-startup")
    public interface StartupConfig {
        /** Start the embedded store and check the tables while the rest boots (tests: false, they wait). */
        @WithDefault("true")
        boolean background();

        /**
         * How long the background start waits before it begins (default none): lets an integration test observe
         * the server while its store is still starting, whatever the machine's speed.
         */
        @WithDefault("0s")
        java.time.Duration holdBack();

        /**
         * End the process (exit code 0) as soon as the store is ready: the build's class-data-sharing training run
         * (pom.xml, execution {@code appcds-archive}) boots the packaged server this way so that the JVM archives
         * every class a start loads, the embedded store's and its first requests' included.
         */
        @WithDefault("false")
        boolean exitWhenReady();
    }

    @Inject
    public DynamoDbStartup(DynamoDbClient dynamo, Tables tables, DynamoDbConfig config,
                           Instance<EmbeddedDynamoDb> embedded, StoreReadiness readiness, StartupConfig startup) {
        this(dynamo, tables, config, embedded.isResolvable() ? embedded.get() : null, readiness,
                startup.background());
        this.holdBack = startup.holdBack();
        this.exitWhenReady = startup.exitWhenReady();
    }

    /** With the embedded store (null: none in this build) given directly (tests). */
    DynamoDbStartup(DynamoDbClient dynamo, Tables tables, DynamoDbConfig config, EmbeddedDynamoDb embedded,
                    StoreReadiness readiness, boolean inBackground) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.config = config;
        this.embedded = embedded;
        this.readiness = readiness;
        this.inBackground = inBackground;
    }

    void onStart(@Observes @Priority(StartupOrder.EMBEDDED_STORE) StartupEvent event) {
        EmbeddedDynamoDb store = embedded != null && embedded.wanted() ? embedded : null;
        if (store == null && !config.createTables()) {
            readiness.markReady();
            return;
        }
        if (store != null) {
            store.refuseTakenPort(); // one clear line and exit code 1 before anything starts
        }
        if (!inBackground) {
            prepare(store);
            return;
        }
        Thread starter = new Thread(() -> {
            try {
                if (!holdBack.isZero()) {
                    Thread.sleep(holdBack.toMillis());
                }
                prepare(store);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.errorf("the store did not start: %s", e.getMessage());
                LOG.debug("store start-up failure", e);
                Quarkus.asyncExit(1);
            }
        }, "store-startup");
        starter.setDaemon(true);
        starter.start();
    }

    private void prepare(EmbeddedDynamoDb store) {
        long started = System.nanoTime();
        try {
            if (store != null) {
                store.startOrRefuse();
            }
            if (config.createTables()) {
                createMissingTables();
            }
        } catch (RuntimeException e) {
            readiness.markFailed(e);
            throw e;
        }
        readiness.markReady();
        LOG.infof("store ready in %d ms", (System.nanoTime() - started) / 1_000_000);
        if (exitWhenReady) {
            LOG.info("cti.store-startup.exit-when-ready: ready, exiting");
            Quarkus.asyncExit(0);
        }
    }

    public void createMissingTables() {
        Set<String> existing = new HashSet<>(dynamo.listTablesPaginator().tableNames().stream().toList());
        for (TableSpec spec : Tables.ALL) {
            String name = tables.name(spec);
            if (!existing.contains(name)) {
                dynamo.createTable(spec.createRequest(name));
                if (spec.ttlAttribute() != null) {
                    dynamo.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(name)
                            .timeToLiveSpecification(TimeToLiveSpecification.builder()
                                    .attributeName(spec.ttlAttribute()).enabled(true).build()).build());
                }
                LOG.infof("created DynamoDB table %s", name);
            }
        }
    }
}
