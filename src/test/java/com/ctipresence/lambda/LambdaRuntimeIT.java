package com.ctipresence.lambda;

import com.ctipresence.support.Api;
import com.ctipresence.support.LambdaHarness;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
    static LambdaHarness.Store store;
    static Path taskRoot;

    @BeforeAll
    static void storeAndTaskRoot() throws Exception {
        store = LambdaHarness.Store.start(PREFIX);
        taskRoot = LambdaHarness.unzip(FunctionZipIT.functionZip(), work.resolve("task"));
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theApiAndTickFunctionsRunUnderTheRuntimeInterfaceClient() throws Exception {
        String cc = Api.uniqueId("ric");
        List<JsonNode> api = invoke("api", List.of(
                Channels.apiEvent("PUT", "/v1/call-centers/{callCenterId}", cc, null, Api.config(30, true), "admin-1",
                        "admin"),
                Channels.apiEvent("PUT", "/v1/call-centers/{callCenterId}/agents/{agentId}/presence", cc, "a1",
                        "{\"stateId\":\"away\"}", "a1", "agent"),
                Channels.apiEvent("GET", "/v1/call-centers/{callCenterId}/agents/{agentId}/presence", cc, "a1", null,
                        "a1", "agent"),
                Channels.apiEvent("GET", "/v1/call-centers/{callCenterId}/agents/{agentId}/presence", cc, "a2", null,
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
        try (DynamoDbClient client = store.client()) {
            Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder().tableName(PREFIX + "agents")
                    .key(Map.of("callCenterId", AttributeValue.fromS(cc), "agentId", AttributeValue.fromS(agentId)))
                    .build()).item();
            return item.get("accountedUntil").s();
        }
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
        try (LambdaHarness.FakeRuntimeApi runtime = new LambdaHarness.FakeRuntimeApi()) {
            events.forEach(e -> runtime.events.add(e.toString()));
            Path log = work.resolve(handler + ".log");
            Process process = LambdaHarness.start(taskRoot, runtime, "cti-presence-" + handler,
                    LambdaHarness.functionEnv(handler, store), log);
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
                LambdaHarness.stop(process);
            }
        }
    }
}
