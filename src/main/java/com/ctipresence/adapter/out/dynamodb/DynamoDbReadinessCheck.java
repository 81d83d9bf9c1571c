package com.ctipresence.adapter.out.dynamodb;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

/** Ready only while the agents table answers. */
@Readiness
@ApplicationScoped
public class DynamoDbReadinessCheck implements HealthCheck {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbReadinessCheck(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.table = tables.name(Tables.AGENTS);
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("dynamodb").withData("table", table);
        try {
            String status = dynamo.describeTable(DescribeTableRequest.builder().tableName(table).build())
                    .table().tableStatusAsString();
            return builder.status("ACTIVE".equals(status)).withData("tableStatus", status).build();
        } catch (RuntimeException e) {
            return builder.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
