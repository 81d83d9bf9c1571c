package com.ctipresence.adapter.out.dynamodb;

import com.ctipresence.config.RequestIds;
import com.ctipresence.config.StoreReadiness;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

/**
 * Ready only once the store has started ({@link StoreReadiness}) and while the agents table answers. The check is open without a token, so when the store fails it says
 * only "store unavailable" and a request id; what failed (exception, host, port) goes to the log under that id.
 */
@Readiness
@ApplicationScoped
public class DynamoDbReadinessCheck implements HealthCheck {
    static final String UNAVAILABLE = "store unavailable";
    private static final Logger LOG = Logger.getLogger(DynamoDbReadinessCheck.class);

    static final String STARTING = "store starting";

    private final DynamoDbClient dynamo;
    private final String table;
    private final StoreReadiness readiness;

    /** With a store that is already up (tests). */
    public DynamoDbReadinessCheck(DynamoDbClient dynamo, Tables tables) {
        this(dynamo, tables, ready());
    }

    @Inject
    public DynamoDbReadinessCheck(DynamoDbClient dynamo, Tables tables, StoreReadiness readiness) {
        this.dynamo = dynamo;
        this.table = tables.name(Tables.AGENTS);
        this.readiness = readiness;
    }

    private static StoreReadiness ready() {
        StoreReadiness ready = new StoreReadiness();
        ready.markReady();
        return ready;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("dynamodb");
        if (!readiness.isReady()) { // still starting in the background (DynamoDbStartup), or failed to
            return builder.down().withData("error", STARTING).build();
        }
        try {
            String status = dynamo.describeTable(DescribeTableRequest.builder().tableName(table).build())
                    .table().tableStatusAsString();
            return builder.status("ACTIVE".equals(status)).withData("tableStatus", status).build();
        } catch (RuntimeException e) {
            String requestId = RequestIds.currentOrNew();
            LOG.warnf(e, "readiness: %s (request %s)", UNAVAILABLE, requestId);
            return builder.down().withData("error", UNAVAILABLE).withData("requestId", requestId).build();
        }
    }
}
