package com.ctipresence.bench;

import com.ctipresence.adapter.out.dynamodb.DynamoAgentRepository;
import com.ctipresence.adapter.out.dynamodb.DynamoCallCenterRepository;
import com.ctipresence.adapter.out.dynamodb.DynamoDbStartup;
import com.ctipresence.adapter.out.dynamodb.DynamoTimeTotalsRepository;
import com.ctipresence.adapter.out.dynamodb.DynamoDbConfig;
import com.ctipresence.adapter.out.dynamodb.EmbeddedDynamoDb;
import com.ctipresence.adapter.out.dynamodb.Tables;
import com.ctipresence.application.service.CallCenterService;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.application.service.TickResult;
import com.ctipresence.application.service.TickService;
import com.ctipresence.application.Body;
import com.ctipresence.support.Services;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.domain.CallCenterConfigDraft.StateDraft;
import com.ctipresence.domain.TransitionCause;
import com.ctipresence.support.TestClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One time-tracking tick over 10,000 agents against an in-process DynamoDB Local, next to the floor: the tick's own
 * checkpoints (one conditional UpdateItem per agent) sent again raw, with the same concurrency, in the same run. Prints wall times,
 * write requests and their ratios. Run with {@code ./mvnw -Pbench test}; results go to docs/BENCHMARKS.md.
 * Not part of the normal test run, and it asserts no timing.
 */
class TickBenchmark {
    static final int AGENTS = Integer.getInteger("bench.agents", 10_000);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    static final int ROUNDS = Bench.ROUNDS;

    /** Counts write requests by what the SDK sends, and keeps the UpdateItem requests of a tick (the floor's). */
    static final class WriteCounter implements ExecutionInterceptor {
        final AtomicLong writes = new AtomicLong();
        final java.util.Queue<UpdateItemRequest> updates = new java.util.concurrent.ConcurrentLinkedQueue<>();
        volatile boolean keeping;

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            Object request = context.request();
            if (request instanceof TransactWriteItemsRequest || request instanceof UpdateItemRequest
                    || request instanceof PutItemRequest || request instanceof DeleteItemRequest
                    || request instanceof BatchWriteItemRequest) {
                writes.incrementAndGet();
            }
            if (keeping && request instanceof UpdateItemRequest update) {
                updates.add(update);
            }
        }

        /** Keeps the UpdateItem requests sent from now on, until {@link #kept}. */
        void keepFromNow() {
            updates.clear();
            keeping = true;
        }

        /** The UpdateItem requests sent since {@link #keepFromNow}; keeps no more. */
        List<UpdateItemRequest> kept() {
            keeping = false;
            return List.copyOf(updates);
        }
    }

    @Test
    void tickAgainstTheFloor() throws Exception {
        measure();
    }

    /** The suite's (c): ticks of 1,000 and 10,000 agents (quick: 200 and 1,000) against the floor, medians. */
    static void measure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // on disk, as the local server keeps it (-Dbench.tick-store=memory: in memory)
        DynamoDbConfig config = "memory".equals(System.getProperty("bench.tick-store"))
                ? com.ctipresence.support.StoreConfigs.inMemory("bench-", port)
                : com.ctipresence.support.StoreConfigs.onDisk("bench-", port,
                java.nio.file.Files.createTempDirectory("bench-tick-store"));
        EmbeddedDynamoDb embedded = new EmbeddedDynamoDb(config);
        embedded.start();
        WriteCounter counter = new WriteCounter();
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build()) {
            Tables tables = new Tables(config);
            new DynamoDbStartup(dynamo, tables, config).createMissingTables();
            TestClock clock = TestClock.frozenAt(Instant.parse("2026-11-23T08:00:00Z"));
            var callCenterRepo = new DynamoCallCenterRepository(dynamo, tables);
            var totals = new DynamoTimeTotalsRepository(dynamo, tables);
            var agentRepo = new DynamoAgentRepository(dynamo, tables, totals, () -> 1_000_000, Services.NO_METRICS);
            var services = Services.over(callCenterRepo, agentRepo, totals, (cc, a, id, until) -> { }, clock,
                    CONCURRENCY);
            var callCenters = services;
            var timeTracking = services.ticks();
            var presence = services.presence();
            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
            try {
                System.out.printf("%n== tick benchmark: concurrency %d, DynamoDB Local in-process, %s ==%n", CONCURRENCY,
                        config.embedded().inMemory() ? "in memory" : "on disk");
                run("warm-up", "bench-warm-up", true, Bench.size(500, 200), callCenters, presence, timeTracking,
                        dynamo, clock, counter, pool, false);
                for (int agents : new int[]{Bench.size(1_000, 200), Bench.size(AGENTS, 1_000)}) {
                    List<double[]> ratios = new ArrayList<>();
                    for (int round = 1; round <= ROUNDS; round++) {
                        // the same agents every round (seeded in the first), each round a minute later
                        ratios.add(run("r" + round + "-" + agents, "bench-" + agents, round == 1, agents, callCenters,
                                presence, timeTracking, dynamo, clock, counter, pool, round % 2 == 0));
                    }
                    List<Double> tick = ratios.stream().map(r -> r[2]).toList();
                    List<Double> floor = ratios.stream().map(r -> r[3]).toList();
                    List<Double> writes = ratios.stream().map(r -> r[1]).toList();
                    List<Double> perRound = ratios.stream().map(r -> r[0]).toList();
                    double mt = Bench.median(tick), mf = Bench.median(floor), mr = Bench.median(perRound);
                    Bench.row("c", "tick of " + agents + " agents", mt, "ms", mf, null, null);
                    // each round's tick against the floor measured right beside it (their order alternates)
                    Bench.row("c", "tick ÷ floor of " + agents + " agents, median of the rounds' ratios", mr, "×", 1,
                            "≤ 1.2× floor", mr <= 1.2);
                    double mw = Bench.median(writes);
                    Bench.row("c", "write requests per agent, " + agents + " agents", mw, "req", 1, "1 per agent",
                            mw <= 1.0001);
                }
            } finally {
                pool.shutdownNow();
                timeTracking.stop();
            }
        } finally {
            embedded.stop();
        }
    }

    private static double[] run(String name, String cc, boolean seed, int agents, Services callCenters,
                                PresenceService presence, TickService timeTracking, DynamoDbClient dynamo,
                                TestClock clock, WriteCounter counter, ExecutorService pool,
                                boolean floorFirst) throws Exception {
        long seedStart = System.nanoTime();
        if (seed) {
            seed(cc, agents, callCenters, presence, pool);
        }
        long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
        return measureRound(name, cc, agents, timeTracking, dynamo, clock, counter, pool, floorFirst,
                seedMs);
    }

    private static void seed(String cc, int agents, Services callCenters, PresenceService presence,
                             ExecutorService pool) throws Exception {
        callCenters.configure(cc, new CallCenterConfigDraft(null, "Europe/Berlin", true, null, 0, true, 60, false,
                false, List.of(new StateDraft("ready", "Ready for Calls", null, 1),
                new StateDraft("away", "Away", null, 3))));
        all(pool, agents, i -> presence.setState(Services.agent(cc, "agent-" + i), cc, "agent-" + i,
                Body.of(i % 2 == 0 ? "ready" : "away")));
    }

    private static double[] measureRound(String name, String cc, int agents, TickService timeTracking,
                                         DynamoDbClient dynamo, TestClock clock,
                                         WriteCounter counter, ExecutorService pool, boolean floorFirst, long seedMs)
            throws Exception {
        clock.advance(Duration.ofSeconds(60));
        long[] floor = new long[2];
        if (floorFirst) { // alternating which runs first, so neither always finds the store warmer
            floor = floor(LAST_CHECKPOINTS.get(cc), dynamo, counter, pool);
        }
        counter.writes.set(0);
        counter.keepFromNow();
        long tickStart = System.nanoTime();
        TickResult result = timeTracking.tick(cc);
        long tickNanos = System.nanoTime() - tickStart;
        List<UpdateItemRequest> checkpoints = counter.kept();
        long tickWrites = counter.writes.get();
        assertThat(result.written()).isEqualTo(agents);
        assertThat(checkpoints).hasSize(agents);
        LAST_CHECKPOINTS.put(cc, checkpoints);
        if (!floorFirst) {
            floor = floor(checkpoints, dynamo, counter, pool);
        }
        long floorNanos = floor[0];
        long floorWrites = floor[1];

        double timeRatio = (double) tickNanos / floorNanos;
        double writeRatio = (double) tickWrites / floorWrites;
        System.out.printf("%-8s agents %6d | seed %6d ms | tick %6d ms, %6d write requests, %6.0f agents/s | "
                        + "floor %6d ms, %6d UpdateItem | tick/floor time %.2f, writes %.2f%n",
                name, agents, seedMs, tickNanos / 1_000_000, tickWrites, agents / (tickNanos / 1e9),
                floorNanos / 1_000_000, floorWrites, timeRatio, writeRatio);
        return new double[]{timeRatio, (double) tickWrites / agents, tickNanos / 1e6, floorNanos / 1e6};
    }

    /** Per call center, the checkpoints (UpdateItem requests) its latest tick wrote: what the floor sends. */
    private static final Map<String, List<UpdateItemRequest>> LAST_CHECKPOINTS = new java.util.HashMap<>();

    /**
     * The floor: the very UpdateItem requests of the latest tick (each agent's accounting mark and running totals,
     * as large as the tick wrote them), sent again straight to the store with the same concurrency and without a
     * read, each conditional on the agent holding what that request wrote, so it rewrites the same values and the
     * next tick's conditions still hold. What the tick takes beyond it is ours: reading the agents, computing,
     * scheduling. Answers nanos and write requests.
     */
    private static long[] floor(List<UpdateItemRequest> checkpoints, DynamoDbClient dynamo, WriteCounter counter,
                                ExecutorService pool) throws Exception {
        List<UpdateItemRequest> again = checkpoints.stream().map(TickBenchmark::sameAgain).toList();
        counter.writes.set(0);
        long floorStart = System.nanoTime();
        all(pool, again.size(), i -> dynamo.updateItem(again.get(i)));
        return new long[]{System.nanoTime() - floorStart, counter.writes.get()};
    }

    /** A checkpoint written again: the same update, conditional on the version and the mark it wrote. */
    private static UpdateItemRequest sameAgain(UpdateItemRequest checkpoint) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(checkpoint.expressionAttributeValues());
        values.remove(":a"); // the mark it was conditional on; now on the mark it wrote (:to)
        return checkpoint.toBuilder().conditionExpression("version = :v AND accountedUntil = :to")
                .expressionAttributeValues(values).build();
    }

    private interface IndexTask {
        void run(int index) throws Exception;
    }

    private static void all(ExecutorService pool, int n, IndexTask task) throws Exception {
        List<Callable<Void>> work = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            work.add(() -> {
                task.run(index);
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(work)) {
            f.get();
        }
    }
}
