package com.ctipresence.lambda;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.ctipresence.adapter.out.dynamodb.TableSpec;
import com.ctipresence.adapter.out.dynamodb.Tables;
import com.ctipresence.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built target/function.zip run as AWS's java runtimes run it: a fresh JVM with AWS's runtime interface client
 * (com.amazonaws:aws-lambda-java-runtime-interface-client) loading the function from its task root, talking to a
 * small fake of the Lambda Runtime API, with QUARKUS_PROFILE=lambda and an embedded DynamoDB Local as the
 * endpoint. The {@code api} function configures a call center, sets and reads a presence; the {@code tick}
 * function then ticks that call center from a queue message. Both print their metrics as Embedded Metric Format
 * lines on stdout, and their JSON log lines carry the invocation's request id, call center and agent.
 */
class LambdaRuntimeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "ric-";

    @TempDir
    static Path work;
    static DynamoDBProxyServer dynamo;
    static int dynamoPort;
    static Path taskRoot;

    @BeforeAll
    static void storeAndTaskRoot() throws Exception {
        dynamoPort = freePort();
        dynamo = ServerRunner.createServerFromCommandLineArgs(new String[]{"-inMemory", "-port",
                Integer.toString(dynamoPort), "-disableTelemetry"});
        dynamo.start();
        try (DynamoDbClient client = client()) {
            for (TableSpec spec : Tables.ALL) {
                client.createTable(spec.createRequest(PREFIX + spec.name()));
            }
        }
        taskRoot = work.resolve("task");
        try (ZipFile zip = new ZipFile(FunctionZipIT.functionZip().toFile())) {
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
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (dynamo != null) {
            dynamo.stop();
        }
    }

    static DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + dynamoPort))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theApiAndTickFunctionsRunUnderTheRuntimeInterfaceClient() throws Exception {
        String cc = Api.uniqueId("ric");
        List<JsonNode> api = invoke("api", List.of(
                apiEvent("PUT", "/v1/call-centers/{callCenterId}", cc, null, Api.config(30, true), "admin-1",
                        "admin"),
                apiEvent("PUT", "/v1/call-centers/{callCenterId}/agents/{agentId}/presence", cc, "a1",
                        "{\"stateId\":\"away\"}", "a1", "agent"),
                apiEvent("GET", "/v1/call-centers/{callCenterId}/agents/{agentId}/presence", cc, "a1", null, "a1",
                        "agent"),
                apiEvent("GET", "/v1/call-centers/{callCenterId}/agents/{agentId}/presence", cc, "a2", null,
                        "supervisor-1", "supervisor")));
        assertThat(api.get(0).path("statusCode").asInt()).as(api.get(0).toString()).isEqualTo(200);
        assertThat(api.get(1).path("statusCode").asInt()).as(api.get(1).toString()).isEqualTo(200);
        JsonNode presence = JSON.readTree(api.get(2).path("body").asText());
        assertThat(presence.path("stateId").asText()).isEqualTo("away");
        assertThat(api.get(2).path("headers").path("Content-Type").asText()).startsWith("application/json");
        assertThat(api.get(3).path("statusCode").asInt()).isEqualTo(404);
        assertThat(api.get(3).path("headers").path("Content-Type").asText()).isEqualTo("application/problem+json");

        // operations: the presence change is counted as an EMF line (the name of /q/metrics), and the api
        // function's JSON log line of that invocation carries its request id, call center and agent
        assertThat(emfRecords(lastRun, "cti.presence.changes")).as(lastRun.output())
                .anySatisfy(r -> assertThat(r.path("cause").asText()).isEqualTo("AGENT"));
        JsonNode change = emfRecords(lastRun, "cti.presence.changes").get(0);
        assertThat(change.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo("CtiPresence");
        assertThat(change.path("cti.presence.changes").asInt()).isEqualTo(1);
        String putRequestId = lastRun.requestIds().get(1);
        assertThat(jsonLogLines(lastRun)).as(lastRun.output()).anySatisfy(line -> {
            assertThat(line.path("loggerName").asText()).isEqualTo("cti.access");
            assertThat(line.path("message").asText()).contains("status=200");
            assertThat(line.path("mdc").path("requestId").asText()).isEqualTo(putRequestId);
            assertThat(line.path("mdc").path("callCenterId").asText()).isEqualTo(cc);
            assertThat(line.path("mdc").path("agentId").asText()).isEqualTo("a1");
        });

        String accountedBefore = accountedUntil(cc, "a1");
        Thread.sleep(1_100); // real time passes in the function's JVM: at least a second to book
        String tickMessage = JSON.writeValueAsString(Map.of("callCenterId", cc, "tickAt",
                Instant.now().toString()));
        List<JsonNode> tick = invoke("tick", List.of(sqsEvent(tickMessage)));
        assertThat(tick.get(0).path("batchItemFailures").isArray()).as(tick.get(0).toString()).isTrue();
        assertThat(tick.get(0).path("batchItemFailures")).isEmpty();
        assertThat(Instant.parse(accountedUntil(cc, "a1"))).isAfter(Instant.parse(accountedBefore));
        assertThat(emfRecords(lastRun, "cti.tick.duration")).as(lastRun.output()).anySatisfy(r -> {
            assertThat(r.path("callCenterId").asText()).isEqualTo(cc);
            assertThat(r.path("cti.tick.agents").asInt()).isEqualTo(1);
            assertThat(r.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").toString())
                    .contains("\"Name\":\"cti.tick.duration\",\"Unit\":\"Milliseconds\"")
                    .contains("\"Name\":\"cti.tick.agents\",\"Unit\":\"Count\"");
        });
    }

    /** What one run of the function printed, and the request ids the fake runtime gave its invocations. */
    record Run(String output, List<String> requestIds) {
        List<JsonNode> jsonLines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : output.split("\\R")) {
                if (line.startsWith("{")) {
                    try {
                        lines.add(JSON.readTree(line));
                    } catch (IOException e) {
                        // not a JSON line
                    }
                }
            }
            return lines;
        }
    }

    private Run lastRun;

    /** Embedded Metric Format records (whole stdout lines, as CloudWatch Logs reads them) naming the metric. */
    private static List<JsonNode> emfRecords(Run run, String metric) {
        return run.jsonLines().stream().filter(l -> l.has("_aws") && l.has(metric)
                && l.path("_aws").path("CloudWatchMetrics").toString().contains("\"" + metric + "\"")).toList();
    }

    /** The JSON log lines (the log formatter's, not the metrics'). */
    private static List<JsonNode> jsonLogLines(Run run) {
        return run.jsonLines().stream().filter(l -> l.has("timestamp") && l.has("loggerName")).toList();
    }

    private static String accountedUntil(String cc, String agentId) {
        try (DynamoDbClient client = client()) {
            Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder().tableName(PREFIX + "agents")
                    .key(Map.of("callCenterId", AttributeValue.fromS(cc), "agentId", AttributeValue.fromS(agentId)))
                    .build()).item();
            return item.get("accountedUntil").s();
        }
    }

    private static ObjectNode apiEvent(String method, String template, String cc, String agentId, String body,
                                       String subject, String role) {
        Map<String, String> path = agentId == null ? Map.of("callCenterId", cc)
                : Map.of("callCenterId", cc, "agentId", agentId);
        return Channels.event(new Channels.Call(method, template, path, Map.of(),
                body == null ? Map.of() : Map.of("Content-Type", "application/json"), body,
                new Channels.Who(subject, cc, List.of(role))));
    }

    private static ObjectNode sqsEvent(String body) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("messageId", UUID.randomUUID().toString());
        record.put("receiptHandle", "AQEB...");
        record.put("body", body);
        record.putObject("attributes").put("ApproximateReceiveCount", "1");
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:cti-tick");
        return event;
    }

    /** Runs the function once in a fresh JVM, feeds it the events through a fake Runtime API, returns the answers. */
    private List<JsonNode> invoke(String handler, List<ObjectNode> events) throws Exception {
        FakeRuntimeApi runtime = new FakeRuntimeApi();
        events.forEach(e -> runtime.events.add(e.toString()));
        Path log = work.resolve(handler + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", runtimeInterfaceClientClasspath(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest")
                .directory(taskRoot.toFile()) // the client loads the function from its working directory and lib/
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtime.port());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "cti-presence-" + handler);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/cti-presence-" + handler);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "test");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("QUARKUS_PROFILE", "lambda");
        env.put("QUARKUS_LAMBDA_HANDLER", handler);
        env.put("CTI_DYNAMODB_ENDPOINT", "http://127.0.0.1:" + dynamoPort);
        env.put("CTI_DYNAMODB_TABLE_PREFIX", PREFIX);
        env.put("CTI_SQS_WRAP_UP_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/000000000000/cti-wrap-up");
        env.put("CTI_SQS_TICK_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/000000000000/cti-tick");
        Process process = builder.start();
        try {
            List<JsonNode> answers = new ArrayList<>();
            for (int i = 0; i < events.size() && runtime.errors.isEmpty(); i++) {
                String answer = runtime.answers.poll(120, TimeUnit.SECONDS);
                assertThat(answer).as("answer " + i + " of " + handler + "; log:\n" + Files.readString(log))
                        .isNotNull();
                answers.add(JSON.readTree(answer));
            }
            String output = Files.readString(log);
            assertThat(runtime.errors).as("invocation or init errors; log:\n" + output).isEmpty();
            assertThat(output).as("JSON log lines").contains("{\"timestamp\"");
            assertThat(output).as("no HTTP listener inside Lambda").doesNotContain(":8080");
            lastRun = new Run(output, List.copyOf(runtime.requestIds));
            return answers;
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            runtime.stop();
        }
    }

    /** The runtime interface client and what it needs (not the function's own libraries: those are in the zip). */
    private static String runtimeInterfaceClientClasspath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(p -> p.contains("aws-lambda-java-runtime-interface-client") || p.contains("aws-lambda-java-core")
                        || p.contains("aws-lambda-java-serialization") || p.contains("utils-lite"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** GET .../invocation/next hands out the queued events; POST .../{id}/response|error and init/error record. */
    static final class FakeRuntimeApi {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> requestIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Map<String, String> pending = new ConcurrentHashMap<>();
        private final HttpServer server;

        FakeRuntimeApi() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/2018-06-01/runtime/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (path.endsWith("/invocation/next")) {
                    String event = events.poll(300, TimeUnit.SECONDS);
                    if (event == null) {
                        reply(exchange, 500, "{}");
                        return;
                    }
                    String id = UUID.randomUUID().toString();
                    requestIds.add(id);
                    pending.put(id, event);
                    exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", id);
                    exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                            Long.toString(System.currentTimeMillis() + 60_000));
                    exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                            "arn:aws:lambda:us-east-1:000000000000:function:cti-presence");
                    exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                            "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0");
                    reply(exchange, 200, event);
                } else if (path.endsWith("/response")) {
                    answers.add(body);
                    reply(exchange, 202, "{\"status\":\"OK\"}");
                } else if (path.endsWith("/error")) {
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

        private static void reply(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
