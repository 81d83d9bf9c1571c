package com.ctipresence.delivery;

import com.ctipresence.adapter.out.dynamodb.DynamoAgentRepository;
import com.ctipresence.adapter.out.dynamodb.DynamoCallCenterRepository;
import com.ctipresence.adapter.out.dynamodb.DynamoDbConfig;
import com.ctipresence.adapter.out.dynamodb.DynamoDbStartup;
import com.ctipresence.adapter.out.dynamodb.DynamoDeliveryStore;
import com.ctipresence.adapter.out.dynamodb.DynamoTimeTotalsRepository;
import com.ctipresence.adapter.out.dynamodb.EmbeddedDynamoDb;
import com.ctipresence.adapter.out.dynamodb.Tables;
import com.ctipresence.application.Body;
import com.ctipresence.application.delivery.OutboundUrlPolicy;
import com.ctipresence.application.port.out.ChangeFeed;
import com.ctipresence.application.port.out.PresenceMetrics;
import com.ctipresence.application.port.out.delivery.DeliveryWake;
import com.ctipresence.application.port.out.delivery.Outbox;
import com.ctipresence.application.port.out.delivery.PresenceSender;
import com.ctipresence.application.port.out.delivery.TimeRecordSink;
import com.ctipresence.application.security.Access;
import com.ctipresence.application.service.CallCenterService;
import com.ctipresence.application.service.DeliveryService;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.application.service.PresenceViews;
import com.ctipresence.application.service.ProfileService;
import com.ctipresence.application.service.TickService;
import com.ctipresence.support.Services;
import com.ctipresence.support.TestClock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real use cases and the real DynamoDB store (DynamoDB Local in-process, a free port) wired by hand, with the
 * delivery worker over senders a test chooses. One per test class; {@link #close()} stops the store.
 */
final class DeliveryRig implements AutoCloseable {
    final TestClock clock = TestClock.frozenAt(TestClock.FIXED);
    final EmbeddedDynamoDb embedded;
    final DynamoDbClient dynamo;
    final Tables tables;
    final DynamoCallCenterRepository callCenterRepo;
    final DynamoTimeTotalsRepository totals;
    final DynamoDeliveryStore store;
    final DynamoAgentRepository agents;
    final CallCenterService callCenters;
    final PresenceService presence;
    final ProfileService profiles;
    final TickService ticks;
    /** What the presence change calls after its commit (NONE unless a test wires a worker in). */
    private final PresenceMetrics metrics;
    final AtomicReference<DeliveryWake> wake = new AtomicReference<>(DeliveryWake.NONE);

    DeliveryRig(PresenceMetrics metrics) {
        int port = freePort();
        DynamoDbConfig config = com.ctipresence.support.StoreConfigs.inMemory("delivery-", port);
        embedded = new EmbeddedDynamoDb(config);
        embedded.start();
        dynamo = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        tables = new Tables(config);
        new DynamoDbStartup(dynamo, tables, config).createMissingTables();
        callCenterRepo = new DynamoCallCenterRepository(dynamo, tables);
        totals = new DynamoTimeTotalsRepository(dynamo, tables);
        store = new DynamoDeliveryStore(dynamo, tables);
        agents = new DynamoAgentRepository(dynamo, tables, totals, () -> 10_000, metrics, store);
        Access access = new Access();
        callCenters = new CallCenterService(callCenterRepo, access,
                new OutboundUrlPolicy(true, Set.of(), host -> { throw new java.net.UnknownHostException(host); }));
        PresenceViews views = new PresenceViews(agents, totals, clock);
        presence = new PresenceService(callCenters, agents, (cc, a, id, until) -> { }, views, access, metrics, clock,
                ChangeFeed.NONE, store, (cc, agentId) -> wake.get().pending(cc, agentId));
        profiles = new ProfileService(callCenters, store, access);
        this.metrics = metrics;
        ticks = new TickService(callCenters, callCenterRepo, agents, clock, metrics, () -> 4, ChangeFeed.NONE);
    }

    /** A delivery worker over the same store (a "fresh process" each call), jitter fixed at the middle. */
    DeliveryService worker(List<PresenceSender> senders) {
        return worker(store, senders, null);
    }

    DeliveryService worker(Outbox outbox, List<PresenceSender> senders, TimeRecordSink sink) {
        return new DeliveryService(outbox, callCenterRepo, new PresenceViews(agents, totals, clock), senders, sink,
                metrics, clock, () -> 0.5);
    }

    /** The tick wired to a worker (for the time-tracking sync). */
    TickService ticks(DeliveryService worker) {
        return new TickService(callCenters, callCenterRepo, agents, clock, metrics, () -> 4, ChangeFeed.NONE,
                worker);
    }

    void setState(String cc, String agentId, String stateId) {
        presence.setState(Services.agent(cc, agentId), cc, agentId, Body.of(stateId));
    }

    @Override
    public void close() {
        dynamo.close();
        embedded.stop();
        ticks.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
