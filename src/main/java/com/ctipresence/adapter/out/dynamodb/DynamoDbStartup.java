package com.ctipresence.adapter.out.dynamodb;

import com.ctipresence.config.StartupOrder;
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
 * Before anything else at start-up (and before the scheduler's first tick): once the embedded DynamoDB Local (if
 * any, see {@link EmbeddedDynamoDb}) is up, create the tables that are missing (not on AWS, where the SAM template
 * creates them).
 */
@ApplicationScoped
public class DynamoDbStartup {
    private static final Logger LOG = Logger.getLogger(DynamoDbStartup.class);

    private final DynamoDbClient dynamo;
    private final Tables tables;
    private final DynamoDbConfig config;

    public DynamoDbStartup(DynamoDbClient dynamo, Tables tables, DynamoDbConfig config) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.config = config;
    }

    void onStart(@Observes @Priority(StartupOrder.STORE) StartupEvent event) {
        if (config.createTables()) {
            createMissingTables();
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
