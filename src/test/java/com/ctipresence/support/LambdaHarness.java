package com.ctipresence.support;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.ctipresence.adapter.out.dynamodb.TableSpec;
import com.ctipresence.adapter.out.dynamodb.Tables;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A built function.zip run as AWS's java runtimes run it: a fresh JVM with AWS's runtime interface client
 * (com.amazonaws:aws-lambda-java-runtime-interface-client, on the test classpath) loading the function from its
 * unzipped task root, talking to a {@link FakeRuntimeApi}; an in-memory DynamoDB Local with the tables as its store.
 * Used by {@code lambda/LambdaRuntimeIT} (does it work) and the benchmark suite's (e) (how long init and invokes take).
 */
public final class LambdaHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The handler every function of the SAM template names (infra/template.yaml). */
    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private LambdaHarness() {
    }

    /** Unzips a function.zip into {@code taskRoot} (created), as Lambda does into /var/task. */
    public static Path unzip(Path functionZip, Path taskRoot) throws IOException {
        try (ZipFile zip = new ZipFile(functionZip.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                Path target = taskRoot.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        return taskRoot;
    }

    /**
     * Starts the function in {@code taskRoot} in a fresh JVM under the runtime interface client, its Runtime API
     * {@code runtime}, stdout and stderr to {@code log}; {@code env} adds to (or overrides) Lambda's own variables.
     */
    public static Process start(Path taskRoot, FakeRuntimeApi runtime, String functionName, Map<String, String> env,
                                Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", runtimeInterfaceClientClasspath(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER)
                .directory(taskRoot.toFile()) // the client loads the function from its working directory and lib/
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> lambda = builder.environment();
        lambda.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtime.port());
        lambda.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        lambda.put("_HANDLER", HANDLER);
        lambda.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        lambda.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        lambda.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        lambda.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        lambda.put("AWS_LAMBDA_LOG_STREAM_NAME", "test");
        lambda.put("AWS_REGION", "us-east-1");
        lambda.put("AWS_ACCESS_KEY_ID", "local");
        lambda.put("AWS_SECRET_ACCESS_KEY", "local");
        lambda.putAll(env);
        return builder.start();
    }

    /** The environment the SAM template gives the product's functions, with {@code handler} and a local store. */
    public static Map<String, String> functionEnv(String handler, Store store) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "lambda");
        env.put("QUARKUS_LAMBDA_HANDLER", handler);
        env.put("CTI_DYNAMODB_ENDPOINT", "http://127.0.0.1:" + store.port());
        env.put("CTI_DYNAMODB_TABLE_PREFIX", store.prefix());
        env.put("CTI_SQS_WRAP_UP_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/000000000000/cti-wrap-up");
        env.put("CTI_SQS_TICK_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/000000000000/cti-tick");
        return env;
    }

    /** Ends a started function's JVM. */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The runtime interface client and what it needs (not the function's own libraries: those are in the zip). */
    private static String runtimeInterfaceClientClasspath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(p -> p.contains("aws-lambda-java-runtime-interface-client")
                        || p.contains("aws-lambda-java-core") || p.contains("aws-lambda-java-serialization")
                        || p.contains("utils-lite"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** An in-memory DynamoDB Local on a free port with every table of {@code Tables.ALL}, named with a prefix. */
    public record Store(DynamoDBProxyServer server, int port, String prefix) implements AutoCloseable {
        public static Store start(String prefix) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[]{"-inMemory",
                    "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            Store store = new Store(server, port, prefix);
            try (DynamoDbClient client = store.client()) {
                for (TableSpec spec : Tables.ALL) {
                    client.createTable(spec.createRequest(prefix + spec.name()));
                }
            }
            return store;
        }

        public DynamoDbClient client() {
            return DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                            "local"))).build();
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    /**
     * The Lambda Runtime API: GET .../invocation/next hands out the queued events; POST .../{id}/response|error and
     * init/error record. It also times what Lambda would: when the function first asks for an event (the end of its
     * init phase), and each invocation from handing out its event to its response.
     */
    public static final class FakeRuntimeApi implements AutoCloseable {
        public final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        public final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        public final List<String> errors = new CopyOnWriteArrayList<>();
        public final List<String> requestIds = new CopyOnWriteArrayList<>();
        /** Nanoseconds from handing out an event to its response (or error), in the order they arrived. */
        public final BlockingQueue<Long> invokeNanos = new LinkedBlockingQueue<>();
        private final AtomicLong firstNext = new AtomicLong();
        private final Map<String, Long> handedOut = new ConcurrentHashMap<>();
        private final HttpServer server;

        static {
            // the JDK server writes a reply's headers and body apart: with Nagle's algorithm on, each reply waits for
            // the client's delayed ACK (~40 ms). Read once, when the first HttpServer of this JVM starts.
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }

        public FakeRuntimeApi() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/2018-06-01/runtime/", this::handle);
            server.start();
        }

        public int port() {
            return server.getAddress().getPort();
        }

        /** {@link System#nanoTime()} of the function's first GET .../invocation/next, 0 before it. */
        public long firstNextNanos() {
            return firstNext.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            long arrived = System.nanoTime();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (path.endsWith("/invocation/next")) {
                    firstNext.compareAndSet(0, arrived);
                    String event = events.poll(300, TimeUnit.SECONDS);
                    if (event == null) {
                        reply(exchange, 500, "{}");
                        return;
                    }
                    String id = UUID.randomUUID().toString();
                    requestIds.add(id);
                    exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", id);
                    exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                            Long.toString(System.currentTimeMillis() + 60_000));
                    exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                            "arn:aws:lambda:us-east-1:000000000000:function:cti-presence");
                    exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                            "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0");
                    handedOut.put(id, System.nanoTime());
                    reply(exchange, 200, event);
                } else if (path.endsWith("/response")) {
                    answered(path, arrived);
                    answers.add(body);
                    reply(exchange, 202, "{\"status\":\"OK\"}");
                } else if (path.endsWith("/error")) {
                    answered(path, arrived);
                    errors.add(path + " " + body);
                    answers.add("{\"error\":" + JSON.writeValueAsString(body) + "}");
                    reply(exchange, 202, "{\"status\":\"OK\"}");
                } else {
                    reply(exchange, 404, "{}");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 500, "{}");
            }
        }

        /** .../invocation/{id}/response|error: the time since its event was handed out. */
        private void answered(String path, long arrived) {
            String[] parts = path.split("/");
            Long out = parts.length >= 2 ? handedOut.remove(parts[parts.length - 2]) : null;
            if (out != null) {
                invokeNanos.add(arrived - out);
            }
        }

        private static void reply(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
