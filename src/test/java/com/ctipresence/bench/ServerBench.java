package com.ctipresence.bench;

import com.ctipresence.support.ProductionJvm;
import com.ctipresence.support.TestKeys;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.ctipresence.support.ProductionJvm.HEAP;

/**
 * The packaged server, started as the README says (bounded heap), with its embedded DynamoDB Local: (a) presence
 * changes over HTTP vs the raw 2-request floor on the same DynamoDB Local, and requests per change / GET / call
 * event from its {@code cti.store.requests} metric; (b) wrap-up lateness from its {@code cti.wrapup.lateness}
 * histogram under load; (d) start-up to the first answer and RSS vs a bare Quarkus REST app built in the same run.
 */
final class ServerBench {
    /**
     * The server's JVM options: the README's production run command's ({@link ProductionJvm}), or with
     * {@code -Dbench.server-jvm="…"} others (experiments; the report names them).
     */
    static final List<String> SERVER_JVM = System.getProperty("bench.server-jvm", "").isBlank() ? ProductionJvm.OPTIONS
            : List.of(System.getProperty("bench.server-jvm").trim().split("\\s+"));

    /** {@code -Dbench.nmt=true}: servers run with native memory tracking, and (d) prints where the memory went. */
    static final boolean NMT = Boolean.getBoolean("bench.nmt");

    private ServerBench() {
    }

    /** The server's native memory summary (jcmd VM.native_memory), printed to the log; with bench.nmt only. */
    static void printNativeMemory(Server server) throws Exception {
        if (!NMT) {
            return;
        }
        for (String[] command : List.of(new String[]{"VM.native_memory", "summary"}, new String[]{"GC.heap_info"},
                new String[]{"GC.run"}, new String[]{"GC.heap_info"})) { // the heap before and after a full GC
            List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                    .toString(), Long.toString(server.process().pid())));
            args.addAll(List.of(command));
            Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
            System.out.println("server " + String.join(" ", command) + ":\n"
                    + new String(jcmd.getInputStream().readAllBytes()));
            jcmd.waitFor();
        }
    }

    /** A started process with its HTTP and store ports. */
    record Server(Process process, int httpPort, int storePort, Path log, double startMillis, double firstAnswerMillis)
            implements AutoCloseable {
        String url(String path) {
            return "http://127.0.0.1:" + httpPort + path;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    static Path serverJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/*-runner.jar: run ./mvnw -Pbench package"));
        }
    }

    static Server start(Path jar, String readyPath, Path dataDir, String... extra) throws Exception {
        return start(jar, SERVER_JVM, readyPath, dataDir, extra);
    }

    /** Starts {@code jar} with these JVM options; answers once {@code readyPath} answers 200. */
    static Server start(Path jar, List<String> jvm, String readyPath, Path dataDir, String... extra)
            throws Exception {
        int httpPort = Bench.freePort();
        int storePort = Bench.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvm);
        if (NMT) {
            command.add("-XX:NativeMemoryTracking=summary");
        }
        command.addAll(List.of("-Dquarkus.http.port=" + httpPort, "-Dcti.dynamodb.embedded.port=" + storePort,
                "-Dcti.dynamodb.embedded.data-dir=" + dataDir,
                "-Dmp.jwt.verify.publickey.location=file:" + TestKeys.publicPem(),
                "-Dmp.jwt.verify.issuer=" + TestKeys.ISSUER, "-Dquarkus.log.category.\"cti.access\".level=WARN"));
        command.addAll(List.of(extra));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createTempFile("bench-server", ".log");
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        double firstAnswer = Double.NaN;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited: " + Files.readString(log));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + readyPath))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                if (Double.isNaN(firstAnswer)) {
                    firstAnswer = (System.nanoTime() - begin) / 1e6; // any status: the HTTP port answers
                }
                if (response.statusCode() == 200) {
                    return new Server(process, httpPort, storePort, log, (System.nanoTime() - begin) / 1e6,
                            firstAnswer);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        process.destroyForcibly();
        throw new IllegalStateException("not ready in 120 s: " + Files.readString(log));
    }

    // ------------------------------------------------------------------------------------------------ HTTP load

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String config(int wrapUpSeconds, boolean timeTracking, int updateSeconds) {
        return """
                {"name":"Bench","timeZone":"Europe/Berlin","presenceEnabled":true,
                 "pbxMode":"DIAL_COMMAND","callWrapUpSeconds":%d,"timeTrackingEnabled":%b,
                 "timeTrackingUpdateSeconds":%d,"omniChannelEnabled":false,"activeCallChangesPresence":true,
                 "states":[{"id":"ready","label":"Ready for Calls","reasonCode":"*60","presenceStatus":1},
                           {"id":"dnd","label":"Do Not Disturb","reasonCode":"*61","presenceStatus":4},
                           {"id":"away","label":"Away","presenceStatus":3},
                           {"id":"on-a-call","label":"On a call","presenceStatus":6},
                           {"id":"offline","label":"Offline","presenceStatus":2},
                           {"id":"logout","label":"Logout","presenceStatus":7}]}
                """.formatted(wrapUpSeconds, timeTracking, updateSeconds);
    }

    static void configure(Server server, String cc, String body) throws Exception {
        var response = send("PUT", server.url("/v1/call-centers/" + cc), TestKeys.token(cc, "admin", "admin"), body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("configure " + cc + ": " + response.statusCode() + " " + response.body());
        }
    }

    static String presenceUrl(Server server, String cc, String agent) {
        return server.url("/v1/call-centers/" + cc + "/agents/" + agent + "/presence");
    }

    interface Op {
        void run(int client, long sequence) throws Exception;
    }

    /** Load result: latencies (ns) of every operation and the operations per second. */
    record Load(List<Long> nanos, double perSecond, int failures) {
    }

    /** Calls that end as fast as the server takes them in (b)'s burst. */
    static final int BURST = Bench.size(300, 50);

    /**
     * {@code clients} threads run {@code op} for {@code seconds}; {@code ratePerSecond} > 0 paces them (in total).
     */
    static Load load(int clients, double seconds, double ratePerSecond, Op op) throws Exception {
        return load(clients, seconds, ratePerSecond, () -> false, op);
    }

    /** As above, ending early once {@code stop} says so. */
    static Load load(int clients, double seconds, double ratePerSecond, java.util.function.BooleanSupplier stop, Op op)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    long sequence = 0;
                    double perClientInterval = ratePerSecond > 0 ? clients / ratePerSecond * 1e9 : 0;
                    long next = System.nanoTime();
                    while (System.nanoTime() < end && !stop.getAsBoolean()) {
                        if (perClientInterval > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                            next += (long) perClientInterval;
                        }
                        long t0 = System.nanoTime();
                        try {
                            op.run(client, sequence++);
                            nanos.add(System.nanoTime() - t0);
                            done.incrementAndGet();
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Load(nanos, done.get() / ((System.nanoTime() - start) / 1e9), failures.get());
    }

    static void all(int threads, int n, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < n; ) {
                        op.run(thread, i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void expect(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    // ------------------------------------------------------------------------------------------------ (a) + (b)

    static void changesAndLateness(Path jar, Path work) throws Exception {
        try (Server server = start(jar, "/q/health/ready", work.resolve("a-data"))) {
            String cc = "bench-changes";
            configure(server, cc, config(0, false, 60)); // not ticked: nothing in the background
            int agentsPerClient = 4;
            int maxClients = 32;
            String[] tokens = new String[maxClients * agentsPerClient];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = TestKeys.token(cc, "agent-" + i, "agent");
            }
            all(8, tokens.length, (t, i) -> expect(send("PUT", presenceUrl(server, cc, "agent-" + i), tokens[(int) i],
                    "{\"stateId\":\"ready\"}"), "seed"));

            // requests per change, per GET, per call event (cti.store.requests), one at a time
            int n = Bench.size(200, 40);
            double changeRequests = perOperation(server, n, i -> expect(send("PUT", presenceUrl(server, cc, "agent-0"),
                    tokens[0], i % 2 == 0 ? "{\"stateId\":\"away\"}" : "{\"stateId\":\"ready\"}"), "change"));
            double getRequests = perOperation(server, n, i -> expect(send("GET", presenceUrl(server, cc, "agent-1"),
                    tokens[1], null), "get"));
            double eventRequests = perOperation(server, n, i -> expect(send("POST",
                    server.url("/v1/call-centers/" + cc + "/agents/agent-2/call-events"), tokens[2],
                    i % 2 == 0 ? "{\"eventId\":\"e" + i + "\",\"type\":\"CONNECTED\",\"callId\":\"c" + i + "\"}"
                            : "{\"eventId\":\"e" + i + "\",\"type\":\"ENDED\",\"callId\":\"c" + (i - 1)
                            + "\",\"durationSeconds\":0}"), "call event"));
            Bench.row("a", "DynamoDB requests per presence change", changeRequests, "req", 2, "≤ 2",
                    changeRequests <= 2.0001);
            Bench.row("a", "DynamoDB requests per GET presence", getRequests, "req", 1, "≤ 1", getRequests <= 1.0001);
            Bench.row("a", "DynamoDB requests per call event", eventRequests, "req", 2, null, null);

            // the floor: GetItem + TransactWriteItems straight at the same DynamoDB Local
            try (DynamoDbClient dynamo = DynamoDbClient.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + server.storePort())).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    // the server's HTTP client (Apache), so the floor pays no client overhead the server does not
                    .httpClientBuilder(ApacheHttpClient.builder()).build()) {
                String agents = "cti-agents";
                String history = "cti-agent-history";
                for (int i = 0; i < tokens.length; i++) {
                    dynamo.putItem(PutItemRequest.builder().tableName(agents).item(Map.of(
                            "callCenterId", AttributeValue.fromS("floor"), "agentId", AttributeValue.fromS("f-" + i),
                            "version", AttributeValue.fromN("0"), "stateId", AttributeValue.fromS("ready"))).build());
                }
                Op floor = (client, seq) -> {
                    int agent = client * agentsPerClient + (int) (seq % agentsPerClient);
                    Map<String, AttributeValue> key = Map.of("callCenterId", AttributeValue.fromS("floor"),
                            "agentId", AttributeValue.fromS("f-" + agent));
                    var item = dynamo.getItem(GetItemRequest.builder().tableName(agents).key(key)
                            .consistentRead(true).build()).item();
                    String version = item.get("version").n();
                    dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                            TransactWriteItem.builder().update(Update.builder().tableName(agents).key(key)
                                    .updateExpression("SET version = :next, stateId = :s")
                                    .conditionExpression("version = :v")
                                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(version),
                                            ":next", AttributeValue.fromN(String.valueOf(Long.parseLong(version) + 1)),
                                            ":s", AttributeValue.fromS(seq % 2 == 0 ? "away" : "ready"))).build())
                                    .build(),
                            TransactWriteItem.builder().put(Put.builder().tableName(history).item(Map.of(
                                    "agentKey", AttributeValue.fromS("floor#f-" + agent),
                                    "entryKey", AttributeValue.fromS(String.format("%020d", seq)),
                                    "stateId", AttributeValue.fromS(seq % 2 == 0 ? "away" : "ready"))).build())
                                    .build()).build());
                };
                Op change = (client, seq) -> {
                    int agent = client * agentsPerClient + (int) (seq % agentsPerClient);
                    expect(send("PUT", presenceUrl(server, cc, "agent-" + agent), tokens[agent],
                            seq % 2 == 0 ? "{\"stateId\":\"away\"}" : "{\"stateId\":\"ready\"}"), "change");
                };
                double seconds = Bench.size(3, 2);
                load(8, seconds / 2, 0, change); // warm-up (JIT) of both
                load(8, seconds / 2, 0, floor);
                double maxThroughput8 = 0;
                for (int clients : new int[]{1, 8, 32}) {
                    List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>(), p999 = new ArrayList<>(),
                            tput = new ArrayList<>(), fp50 = new ArrayList<>(), fp99 = new ArrayList<>(),
                            fp999 = new ArrayList<>(), ftput = new ArrayList<>();
                    for (int round = 0; round < Bench.ROUNDS; round++) {
                        Load http = load(clients, seconds, 0, change);
                        Load raw = load(clients, seconds, 0, floor);
                        double[] h = Bench.sorted(http.nanos());
                        double[] f = Bench.sorted(raw.nanos());
                        p50.add(Bench.quantile(h, .5));
                        p99.add(Bench.quantile(h, .99));
                        p999.add(Bench.quantile(h, .999));
                        tput.add(http.perSecond());
                        fp50.add(Bench.quantile(f, .5));
                        fp99.add(Bench.quantile(f, .99));
                        fp999.add(Bench.quantile(f, .999));
                        ftput.add(raw.perSecond());
                        if (http.failures() > 0 || raw.failures() > 0) {
                            Bench.note(String.format("%d clients round %d: %d failed changes, %d failed floor ops",
                                    clients, round + 1, http.failures(), raw.failures()));
                        }
                    }
                    boolean target = clients == 1 || clients == 8;
                    double mp99 = Bench.median(p99), mfp99 = Bench.median(fp99);
                    Bench.row("a", "change latency p50, " + clients + " client(s)", Bench.median(p50), "ms",
                            Bench.median(fp50), null, null);
                    Bench.row("a", "change latency p99, " + clients + " client(s)", mp99, "ms", mfp99,
                            target ? "≤ 1.5× floor" : null, target ? mp99 <= 1.5 * mfp99 : null);
                    Bench.row("a", "change latency p99.9, " + clients + " client(s)", Bench.median(p999), "ms",
                            Bench.median(fp999), null, null);
                    double mt = Bench.median(tput), mft = Bench.median(ftput);
                    Bench.row("a", "change throughput, " + clients + " client(s)", mt, "/s", mft,
                            clients == 8 ? "≥ 0.7× floor" : null, clients == 8 ? mt >= 0.7 * mft : null);
                    if (clients == 8) {
                        maxThroughput8 = mt;
                    }
                }
                lateness(server, tokens, cc, agentsPerClient, Math.max(1, maxThroughput8 / 2));
            }
        }
    }

    private static double metrics(Server server, String name, String... labels) throws Exception {
        return Bench.metric(Bench.get(HTTP, server.url("/q/metrics")), name, labels);
    }

    private interface Numbered {
        void run(int i) throws Exception;
    }

    /** DynamoDB requests per operation, from the server's cti.store.requests counter, n operations in a row. */
    private static double perOperation(Server server, int n, Numbered op) throws Exception {
        double before = metrics(server, "cti_store_requests_total");
        for (int i = 0; i < n; i++) {
            op.run(i);
        }
        double after = metrics(server, "cti_store_requests_total");
        return (after - before) / n;
    }

    /**
     * (b): 1,000 agents end a call each (a real external call: DND for the wrap-up seconds, then Ready by itself)
     * while 8 clients change presence at {@code rate}. Twice:
     * <ul>
     * <li><b>concurrent</b> (the target): the calls end one after another over 80 % of the wrap-up time, so all
     * 1,000 wrap-ups run at the same time before the first one ends, and they run out at that pace;</li>
     * <li><b>burst</b> (no target): the calls end as fast as the server takes them, so the wrap-ups run out about
     * as fast as the server can end them, beside the background load.</li>
     * </ul>
     * Lateness comes from the server's own {@code cti.wrapup.lateness} histogram (time from {@code wrapUpUntil} to
     * the committed expiry), not from polling.
     */
    private static void lateness(Server server, String[] changeTokens, String changeCc, int agentsPerClient,
                                 double rate) throws Exception {
        String cc = "bench-wrapups";
        int wrapUpSeconds = Bench.size(10, 5);
        // time tracking every 5 s: the call center's own ticks (1,000 agents each) run while its wrap-ups end
        configure(server, cc, config(wrapUpSeconds, true, 5));
        int agents = Bench.size(1_000, 100);
        String[] tokens = new String[agents];
        for (int i = 0; i < agents; i++) {
            tokens[i] = TestKeys.token(cc, "w-" + i, "agent");
        }
        AtomicBoolean stop = new AtomicBoolean();
        Op change = (client, seq) -> {
            int agent = client * agentsPerClient + (int) (seq % agentsPerClient);
            expect(send("PUT", presenceUrl(server, changeCc, "agent-" + agent), changeTokens[agent],
                    seq % 2 == 0 ? "{\"stateId\":\"away\"}" : "{\"stateId\":\"ready\"}"), "change");
        };
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<Load> busy = background.submit(() -> load(8, 600, rate, stop::get, change));
        double[] concurrent;
        double[] burst;
        try {
            concurrent = wrapUps(server, cc, tokens, wrapUpSeconds, "c", wrapUpSeconds * 0.8);
            // the burst (no target) with a third of the agents: enough to queue expiries, and the suite stays
            // within its 10 minutes
            burst = wrapUps(server, cc, java.util.Arrays.copyOf(tokens, BURST), wrapUpSeconds, "b", 0);
        } finally {
            stop.set(true);
        }
        Load load = busy.get();
        background.shutdownNow();
        Bench.note(String.format("(b) background load %.0f changes/s (target %.0f/s, half the 8-client maximum of "
                + "(a)), %d failed; lateness percentiles are histogram bucket upper bounds; concurrent: the %d calls "
                + "ended over %.0f s, so all %d wrap-ups ran at once; burst: %d calls ended as fast as the server "
                + "took them (%.0f/s), expiries then ran at %.0f/s", load.perSecond(), rate, load.failures(), agents,
                wrapUpSeconds * 0.8, agents, BURST, burst[4], burst[5]));
        Bench.row("b", "wrap-up lateness p50 (" + agents + " concurrent wrap-ups, 8 clients)", concurrent[0], "ms",
                Double.NaN, null, null);
        Bench.row("b", "wrap-up lateness p99 (" + agents + " concurrent wrap-ups, 8 clients)", concurrent[1], "ms",
                Double.NaN, "≤ 50 ms", concurrent[1] <= 50);
        Bench.row("b", "wrap-up lateness max (" + agents + " concurrent wrap-ups)", concurrent[2], "ms", Double.NaN,
                null, null);
        Bench.row("b", "burst: lateness p50 (" + BURST + " wrap-ups ending together)", burst[0], "ms", Double.NaN,
                null, null);
        Bench.row("b", "burst: lateness p99", burst[1], "ms", Double.NaN, null, null);
        Bench.row("b", "burst: lateness max", burst[2], "ms", Double.NaN, null, null);
    }

    /**
     * Connects every agent, ends their calls over {@code overSeconds} (0: as fast as possible, 16 at a time), and
     * waits until the server counted every expiry. Answers lateness p50, p99, max (ms), expiries, calls ended per
     * second, and expiries per second (the server's counter over the time the expiries took).
     */
    private static double[] wrapUps(Server server, String cc, String[] tokens, int wrapUpSeconds, String round,
                                    double overSeconds) throws Exception {
        int agents = tokens.length;
        String events = "/v1/call-centers/" + cc + "/agents/";
        all(16, agents, (t, i) -> expect(send("POST", server.url(events + "w-" + i + "/call-events"), tokens[(int) i],
                "{\"eventId\":\"" + round + "c" + i + "\",\"type\":\"CONNECTED\",\"callId\":\"" + round + "k" + i
                        + "\"}"), "connected"));
        String metricsBefore = Bench.get(HTTP, server.url("/q/metrics"));
        double expiredBefore = Bench.metric(metricsBefore, "cti_wrapup_expired_total");
        long start = System.nanoTime();
        all(16, agents, (t, i) -> {
            if (overSeconds > 0) { // the i-th call ends at its place in the window
                long at = start + (long) (overSeconds * 1e9 * i / agents);
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
            expect(send("POST", server.url(events + "w-" + i + "/call-events"), tokens[(int) i],
                    "{\"eventId\":\"" + round + "e" + i + "\",\"type\":\"ENDED\",\"callId\":\"" + round + "k" + i
                            + "\",\"durationSeconds\":30}"), "ended");
        });
        double endedPerSecond = agents / ((System.nanoTime() - start) / 1e9);
        long deadline = System.nanoTime() + Duration.ofSeconds(wrapUpSeconds * 3L + 60).toNanos();
        long firstExpiry = 0;
        double expired;
        while ((expired = metrics(server, "cti_wrapup_expired_total") - expiredBefore) < agents
                && System.nanoTime() < deadline) {
            if (expired > 0 && firstExpiry == 0) {
                firstExpiry = System.nanoTime();
            }
            Thread.sleep(50); // the server's own count of expiries, not a poll of presence
        }
        double expiriesPerSecond = firstExpiry == 0 ? Double.NaN : expired / ((System.nanoTime() - firstExpiry) / 1e9);
        String metricsAfter = Bench.get(HTTP, server.url("/q/metrics"));
        if (expired < agents) {
            Bench.note(String.format("(b) %s: only %.0f of %d wrap-ups expired in time", round, expired, agents));
        }
        var before = Bench.buckets(metricsBefore, "cti_wrapup_lateness_seconds");
        var after = Bench.buckets(metricsAfter, "cti_wrapup_lateness_seconds");
        double p50 = Bench.histogramQuantile(before, after, .5) * 1000;
        double p99 = Bench.histogramQuantile(before, after, .99) * 1000;
        // the gauge is the largest of a recent window only: at least the largest bucket bound reached
        double max = Bench.metric(metricsAfter, "cti_wrapup_lateness_seconds_max") * 1000;
        if (Double.isNaN(p50)) {
            Bench.note("(b) no lateness histogram found; its lines: " + metricsAfter.lines()
                    .filter(l -> l.contains("wrapup_lateness")).limit(6).toList());
        }
        return new double[]{p50, p99, max, expired, endedPerSecond, expiriesPerSecond};
    }

    // ------------------------------------------------------------------------------------------------ (d)

    static void startupAndMemory(Path jar, Path work) throws Exception {
        Path bare = buildBareApp();
        // the same technique on the floor, for a fair second view: the bare app with a class-data-sharing archive
        // of its own, made as the build makes the server's (a start, then the JVM writes it as it exits)
        Path bareArchive = work.resolve("bare-cds.jsa");
        try (Server s = start(bare, ProductionJvm.concat("-XX:ArchiveClassesAtExit=" + bareArchive, HEAP),
                "/hello", work.resolve("bare-training"))) {
            s.process().pid(); // started and answered; closing it writes the archive
        }
        List<String> bareWithArchive = ProductionJvm.concat("-XX:SharedArchiveFile=" + bareArchive, HEAP);
        List<Double> serverStart = new ArrayList<>(), bareStart = new ArrayList<>(), serverRss = new ArrayList<>(),
                bareRss = new ArrayList<>(), serverFirst = new ArrayList<>(), bareCdsStart = new ArrayList<>(),
                serverNoCdsStart = new ArrayList<>();
        for (int round = 0; round < Bench.ROUNDS; round++) {
            try (Server s = start(bare, HEAP, "/hello", work.resolve("bare-" + round))) {
                bareStart.add(s.startMillis());
                bareRss.add(Bench.rssMb(s.process().pid()));
            }
            try (Server s = start(bare, bareWithArchive, "/hello", work.resolve("bare-cds-" + round))) {
                bareCdsStart.add(s.startMillis());
            }
            try (Server s = start(jar, "/q/health/ready", work.resolve("d-" + round))) {
                serverStart.add(s.startMillis());
                serverFirst.add(s.firstAnswerMillis());
                serverRss.add(Bench.rssMb(s.process().pid()));
            }
            try (Server s = start(jar, HEAP, "/q/health/ready", work.resolve("d-no-cds-" + round))) {
                serverNoCdsStart.add(s.startMillis());
            }
        }
        double ms = Bench.median(serverStart), mb = Bench.median(bareStart), mbc = Bench.median(bareCdsStart);
        Bench.row("d", "start-up to first answer (ready)", ms, "ms", mb, "≤ 1.5× bare", ms <= 1.5 * mb);
        Bench.row("d", "start-up to the first HTTP answer (503 while the store starts)", Bench.median(serverFirst),
                "ms", mb, null, null);
        Bench.row("d", "start-up (ready) vs the bare app with an archive of its own", ms, "ms", mbc, null, null);
        Bench.row("d", "start-up (ready) without the archive (-XX:SharedArchiveFile left out)",
                Bench.median(serverNoCdsStart), "ms", mb, null, null);
        Bench.row("d", "RSS at start", Bench.median(serverRss), "MB", Bench.median(bareRss), null, null);

        int agents = Bench.size(10_000, 500);
        try (Server s = start(jar, "/q/health/ready", work.resolve("d-agents"))) {
            String cc = "bench-memory";
            configure(s, cc, config(0, false, 5)); // not ticked while the agents arrive
            long seedStart = System.nanoTime();
            all(16, agents, (t, i) -> expect(send("PUT", presenceUrl(s, cc, "m-" + i),
                    TestKeys.token(cc, "m-" + i, "agent"), i % 2 == 0 ? "{\"stateId\":\"ready\"}"
                            : "{\"stateId\":\"away\"}"), "seed"));
            Bench.note(String.format("(d) %d new agents (their first PUT presence each, 16 clients) took %.1f s",
                    agents, (System.nanoTime() - seedStart) / 1e9));
            configure(s, cc, config(0, true, 5)); // now ticked every 5 s
            double ticks = metrics(s, "cti_tick_duration_seconds_count", "callCenterId", cc);
            long deadline = System.nanoTime() + Duration.ofSeconds(Bench.size(120, 30)).toNanos();
            while (metrics(s, "cti_tick_duration_seconds_count", "callCenterId", cc) < ticks + 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            double rss = Bench.rssMb(s.process().pid());
            printNativeMemory(s);
            Bench.row("d", "RSS with " + agents + " agents after 2 ticks", rss, "MB", Double.NaN, "≤ 384 MB",
                    agents >= 10_000 ? rss <= 384 : null);
            double overruns = metrics(s, "cti_tick_overruns_total", "callCenterId", cc);
            Bench.note(String.format("(d) tick of %d agents: %.0f overruns of the 5 s interval", agents, overruns));
        }
    }

    /** Builds src/bench/bare-app offline with the project's wrapper; returns its runnable jar. */
    static Path buildBareApp() throws Exception {
        Path pom = Path.of("src/bench/bare-app/pom.xml").toAbsolutePath();
        Path jar = pom.getParent().resolve("target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile("bench-bare-build", ".log");
        Process build = new ProcessBuilder(Path.of("mvnw").toAbsolutePath().toString(), "-o", "-q", "-B", "-f",
                pom.toString(), "package").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (build.waitFor() != 0 || !Files.exists(jar)) {
            throw new IllegalStateException("building the bare app failed: " + Files.readString(log));
        }
        return jar;
    }
}
