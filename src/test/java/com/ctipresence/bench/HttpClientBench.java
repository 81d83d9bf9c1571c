package com.ctipresence.bench;

import com.ctipresence.adapter.out.dynamodb.DynamoDbConfig;
import com.ctipresence.adapter.out.dynamodb.DynamoDbStartup;
import com.ctipresence.adapter.out.dynamodb.EmbeddedDynamoDb;
import com.ctipresence.adapter.out.dynamodb.Tables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The SDK's HTTP clients against the same in-process DynamoDB Local, same run: GetItem requests per second with 1
 * and 8 threads for url-connection (the application's), Apache and CRT (only on the bench profile's classpath,
 * built by reflection so that the normal build compiles without them). Rounds alternate the clients.
 */
final class HttpClientBench {
    private HttpClientBench() {
    }

    static void run() throws Exception {
        int port = Bench.freePort();
        DynamoDbConfig config = com.ctipresence.support.StoreConfigs.inMemory("clients-", port);
        EmbeddedDynamoDb store = new EmbeddedDynamoDb(config);
        store.start();
        Map<String, Supplier<SdkHttpClient.Builder<?>>> clients = new LinkedHashMap<>();
        clients.put("url-connection", UrlConnectionHttpClient::builder);
        clients.put("apache", () -> reflective("software.amazon.awssdk.http.apache.ApacheHttpClient"));
        clients.put("aws-crt", () -> reflective("software.amazon.awssdk.http.crt.AwsCrtHttpClient"));
        double seconds = Bench.size(1.0, 1); // per measurement, after a warm-up of a third of it
        try {
            Tables tables = new Tables(config);
            String table = tables.name(Tables.CALL_CENTERS);
            Map<String, Map<Integer, List<Double>>> results = new LinkedHashMap<>();
            for (int round = 1; round <= Bench.ROUNDS; round++) {
                for (var client : clients.entrySet()) {
                    SdkHttpClient.Builder<?> builder;
                    try {
                        builder = client.getValue().get();
                    } catch (RuntimeException missing) {
                        if (round == 1) {
                            Bench.note("HTTP client " + client.getKey() + " not on the classpath: " + missing.getMessage());
                        }
                        continue;
                    }
                    try (DynamoDbClient dynamo = DynamoDbClient.builder()
                            .endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                            .credentialsProvider(StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create("local", "local")))
                            .httpClientBuilder(builder).build()) {
                        if (round == 1 && results.isEmpty()) {
                            new DynamoDbStartup(dynamo, tables, config).createMissingTables();
                            dynamo.putItem(PutItemRequest.builder().tableName(table)
                                    .item(Map.of("callCenterId", AttributeValue.fromS("bench"))).build());
                        }
                        for (int threads : new int[]{1, 8}) {
                            getItems(dynamo, table, threads, seconds / 3); // warm-up
                            double perSecond = getItems(dynamo, table, threads, seconds);
                            results.computeIfAbsent(client.getKey(), k -> new LinkedHashMap<>())
                                    .computeIfAbsent(threads, k -> new ArrayList<>()).add(perSecond);
                            System.out.printf("clients round %d %-15s %d thread(s): %,.0f GetItem/s%n", round,
                                    client.getKey(), threads, perSecond);
                        }
                    }
                }
            }
            for (int threads : new int[]{1, 8}) {
                double floor = Bench.median(results.get("url-connection").get(threads));
                for (var entry : results.entrySet()) {
                    Bench.row("http", entry.getKey() + ": GetItem/s, " + threads + " thread(s)",
                            Bench.median(entry.getValue().get(threads)), "req/s", floor, null, null);
                }
            }
        } finally {
            store.stop();
        }
    }

    private static SdkHttpClient.Builder<?> reflective(String className) {
        try {
            return (SdkHttpClient.Builder<?>) Class.forName(className).getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException(className + " (" + e + ")");
        }
    }

    private static double getItems(DynamoDbClient dynamo, String table, int threads, double seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        GetItemRequest request = GetItemRequest.builder().tableName(table)
                .key(Map.of("callCenterId", AttributeValue.fromS("bench"))).build();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        dynamo.getItem(request);
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
