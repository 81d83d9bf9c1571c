package com.ctipresence.adapter.out.dynamodb;

import com.ctipresence.config.StartupOrder;
import com.ctipresence.config.StartupRefusal;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

import java.util.HashSet;
import java.util.Set;

/**
 * Before anything else at start-up (and before the scheduler's first tick): start the embedded DynamoDB Local if
 * wanted, and create the tables that are missing.
 */
@ApplicationScoped
public class DynamoDbStartup {
    private static final Logger LOG = Logger.getLogger(DynamoDbStartup.class);

    private final EmbeddedDynamoDb embedded;
    private final DynamoDbClient dynamo;
    private final Tables tables;
    private final DynamoDbConfig config;

    public DynamoDbStartup(EmbeddedDynamoDb embedded, DynamoDbClient dynamo, Tables tables, DynamoDbConfig config) {
        this.embedded = embedded;
        this.dynamo = dynamo;
        this.tables = tables;
        this.config = config;
    }

    void onStart(@Observes @Priority(StartupOrder.STORE) StartupEvent event) {
        if (embedded.wanted()) {
            try {
                embedded.start();
            } catch (EmbeddedDynamoDb.PortInUseException taken) {
                // one clear line and exit code 1, no stack trace (Quarkus prints just the message)
                throw new StartupRefusal(taken.getMessage());
            }
        }
        if (config.createTables()) {
            createMissingTables();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        embedded.stop();
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
