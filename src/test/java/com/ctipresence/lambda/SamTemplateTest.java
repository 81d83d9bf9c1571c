package com.ctipresence.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.ctipresence.adapter.in.api.ApiRoutes;
import com.ctipresence.adapter.in.lambda.ApiFunction;
import com.ctipresence.adapter.in.lambda.DeliveryEvent;
import com.ctipresence.adapter.in.lambda.DeliveryFunction;
import com.ctipresence.application.service.TickService;
import com.ctipresence.adapter.in.lambda.HttpApiEvent;
import com.ctipresence.adapter.in.lambda.SqsEvent;
import com.ctipresence.adapter.in.lambda.TickDispatchFunction;
import com.ctipresence.adapter.in.lambda.TickFunction;
import com.ctipresence.adapter.in.lambda.WrapUpExpiryFunction;
import com.ctipresence.adapter.messages.TickMessage;
import com.ctipresence.adapter.messages.WrapUpMessage;
import com.ctipresence.adapter.out.dynamodb.TableSpec;
import com.ctipresence.adapter.out.dynamodb.Tables;
import com.ctipresence.lambda.Channels.Call;
import com.ctipresence.lambda.Channels.Who;
import com.ctipresence.support.Api;
import com.ctipresence.support.RecordingQueueSender;
import com.ctipresence.support.RecordingQueueSender.Sent;
import com.ctipresence.support.StoreProbe;
import com.ctipresence.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra/template.yaml} against AWS's SAM schema and against the code: every function runs an existing
 * {@code @Named} handler from the one function.zip; the routes are exactly the route table's and the OpenAPI
 * document's operations; the tables are {@code Tables.ALL} with their keys and TTL; and each function's policy
 * allows exactly what the function was seen doing here (every DynamoDB action and table recorded by an SDK
 * interceptor while it ran, the queues it sent to, the queue its event source mapping reads).
 */
@QuarkusTest
@TestProfile(LambdaTestProfile.class)
class SamTemplateTest {
    static final Path TEMPLATE = Path.of("infra/template.yaml");
    static final Path SCHEMA = Path.of("../shared/aws/sam.schema.json");
    private static final String SQS_CONSUME = "sqs:ReceiveMessage sqs:DeleteMessage sqs:GetQueueAttributes "
            + "sqs:ChangeMessageVisibility";
    private static final String STREAM_CONSUME = "dynamodb:DescribeStream dynamodb:GetRecords "
            + "dynamodb:GetShardIterator dynamodb:ListStreams";

    /** A configuration that sends on (a PBX webhook) and syncs time tracking (a Salesforce org). */
    static String withDelivery(String config) {
        int end = config.lastIndexOf('}');
        return config.substring(0, end) + ",\"delivery\":{\"pbxWebhook\":{\"url\":\"https://pbx.example.invalid/cti\","
                + "\"secretRef\":\"CTI_PBX_SECRET\"},\"salesforce\":{\"myDomainUrl\":"
                + "\"https://acme.example.invalid\",\"clientId\":\"cti\",\"clientSecretRef\":\"CTI_SF_SECRET\"}}}";
    }

    @Inject
    ApiRoutes routes;
    @Inject
    Tables tables;
    @Inject
    TestClock clock;
    @Inject
    RecordingQueueSender queue;
    @Inject
    ObjectMapper json;
    @Inject
    ApiFunction api;
    @Inject
    WrapUpExpiryFunction wrapUpExpiry;
    @Inject
    TickDispatchFunction tickDispatch;
    @Inject
    TickFunction tick;
    @Inject
    DeliveryFunction delivery;
    @Inject
    TickService ticks;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static JsonNode template() throws IOException {
        return new YAMLMapper().readTree(TEMPLATE.toFile());
    }

    private static Map<String, JsonNode> resources(String type) throws IOException {
        Map<String, JsonNode> found = new HashMap<>();
        template().path("Resources").fields().forEachRemaining(r -> {
            if (type.equals(r.getValue().path("Type").asText())) {
                found.put(r.getKey(), r.getValue());
            }
        });
        return found;
    }

    @Test
    void validatesAgainstTheSamSchema() throws IOException {
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
        var errors = schema.validate(new ObjectMapper().writeValueAsString(template()), InputFormat.JSON);
        assertThat(errors).as("SAM schema errors").isEmpty();
    }

    @Test
    void everyFunctionRunsOneNamedHandlerOfTheOneZip() throws IOException {
        Set<String> handlers = new ClassFileImporter().importPackages("com.ctipresence.adapter.in.lambda").stream()
                .filter(c -> c.isAnnotatedWith(Named.class) && c.isAssignableTo(RequestHandler.class))
                .map(c -> c.getAnnotationOfType(Named.class).value()).collect(Collectors.toSet());
        assertThat(handlers).containsExactlyInAnyOrder("api", "wrap-up-expiry", "tick-dispatch", "tick", "delivery");

        JsonNode function = template().path("Globals").path("Function");
        assertThat(function.path("CodeUri").asText()).isEqualTo("../target/function.zip");
        assertThat(function.path("Handler").asText())
                .isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        assertThat(function.path("Runtime").asText()).isEqualTo("java21");
        assertThat(function.path("Architectures").toString()).isEqualTo("[\"arm64\"]");
        assertThat(function.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(function.path("AutoPublishAlias").asText()).isEqualTo("live");
        assertThat(function.path("Environment").path("Variables").path("QUARKUS_PROFILE").asText())
                .isEqualTo("lambda");
        assertThat(function.path("MemorySize").asInt()).isBetween(512, 2048);
        assertThat(function.path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText())
                .as("the heap is bounded, with the serial collector").contains("-XX:+UseSerialGC")
                .containsPattern("-XX:MaxRAMPercentage=[1-7][0-9]\\b|-Xmx\\d+m");

        Map<String, JsonNode> functions = resources("AWS::Serverless::Function");
        List<String> named = functions.values().stream().map(f -> f.path("Properties").path("Environment")
                .path("Variables").path("QUARKUS_LAMBDA_HANDLER").asText()).toList();
        assertThat(named).containsExactlyInAnyOrderElementsOf(handlers);
        functions.values().forEach(f -> assertThat(f.path("Properties").has("CodeUri")).isFalse());
    }

    @Test
    void everyRouteIsAnOperationOfTheRouteTableAndOfTheOpenApiDocument() throws IOException {
        Set<String> templateRoutes = new TreeSet<>();
        for (JsonNode function : resources("AWS::Serverless::Function").values()) {
            function.path("Properties").path("Events").forEach(event -> {
                if ("HttpApi".equals(event.path("Type").asText())) {
                    JsonNode p = event.path("Properties");
                    assertThat(p.path("ApiId").path("Ref").asText()).isEqualTo("HttpApi");
                    assertThat(p.path("PayloadFormatVersion").asText()).isEqualTo("2.0");
                    assertThat(function.path("Properties").path("Environment").path("Variables")
                            .path("QUARKUS_LAMBDA_HANDLER").asText()).isEqualTo("api");
                    templateRoutes.add(p.path("Method").asText() + " " + p.path("Path").asText());
                }
            });
        }
        Set<String> table = routes.routes().stream().map(ApiRoutes.Route::key).collect(Collectors.toCollection(TreeSet::new));
        JsonNode openApi = new ObjectMapper().readTree(RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());
        Set<String> documented = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/v1/")) {
                path.getValue().fieldNames().forEachRemaining(method ->
                        documented.add(method.toUpperCase() + " " + path.getKey()));
            }
        });
        // the live stream (SSE) is the local server's: API Gateway HTTP APIs do not stream, the dashboard polls there
        assertThat(documented.remove("GET /v1/call-centers/{callCenterId}/agents/stream")).isTrue();
        assertThat(templateRoutes).isEqualTo(table).isEqualTo(documented);
    }

    @Test
    void everyTableOfTheCodeExistsWithItsKeysAndTtl() throws IOException {
        Map<String, JsonNode> byName = new HashMap<>();
        resources("AWS::DynamoDB::Table").values().forEach(t -> byName.put(
                t.path("Properties").path("TableName").path("Fn::Sub").asText().replace("${TablePrefix}", ""), t));
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(
                Tables.ALL.stream().map(TableSpec::name).toList());
        for (TableSpec spec : Tables.ALL) {
            JsonNode t = byName.get(spec.name());
            JsonNode p = t.path("Properties");
            assertThat(t.path("DeletionPolicy").asText()).as(spec.name()).isEqualTo("Retain");
            assertThat(t.path("UpdateReplacePolicy").asText()).as(spec.name()).isEqualTo("Retain");
            assertThat(p.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
            assertThat(p.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean())
                    .isTrue();
            assertThat(p.path("SSESpecification").path("SSEEnabled").asBoolean()).isTrue();
            Map<String, String> keys = new HashMap<>();
            p.path("KeySchema").forEach(k -> keys.put(k.path("KeyType").asText(), k.path("AttributeName").asText()));
            Map<String, String> expected = new HashMap<>(Map.of("HASH", spec.partitionKey()));
            if (spec.sortKey() != null) {
                expected.put("RANGE", spec.sortKey());
            }
            assertThat(keys).as(spec.name() + " keys").isEqualTo(expected);
            Map<String, String> attributes = new HashMap<>();
            p.path("AttributeDefinitions").forEach(a -> attributes.put(a.path("AttributeName").asText(),
                    a.path("AttributeType").asText()));
            assertThat(attributes).as(spec.name() + " attributes").isEqualTo(expected.values().stream()
                    .collect(Collectors.toMap(k -> k, k -> "S")));
            JsonNode ttl = p.path("TimeToLiveSpecification");
            if (spec.ttlAttribute() == null) {
                assertThat(ttl.isMissingNode()).as(spec.name() + " has no TTL").isTrue();
            } else {
                assertThat(ttl.path("AttributeName").asText()).isEqualTo(spec.ttlAttribute());
                assertThat(ttl.path("Enabled").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void theSampleEventsAreWhatTheFunctionsRead() throws IOException {
        for (String name : List.of("api-put-presence.json", "api-get-agents.json")) {
            HttpApiEvent event = json.readValue(Path.of("infra/events", name).toFile(), HttpApiEvent.class);
            assertThat(routes.routes()).extracting(ApiRoutes.Route::key).contains(event.routeKey());
            assertThat(event.claims()).containsKeys("sub", "callCenterId", "groups");
        }
        SqsEvent expiry = json.readValue(Path.of("infra/events/wrap-up-expiry.json").toFile(), SqsEvent.class);
        assertThat(json.readValue(expiry.records().get(0).body(), WrapUpMessage.class).wrapUpId()).isEqualTo("w-1");
        SqsEvent ticks = json.readValue(Path.of("infra/events/tick.json").toFile(), SqsEvent.class);
        assertThat(json.readValue(ticks.records().get(0).body(), TickMessage.class).callCenterId())
                .isEqualTo("acme");
        assertThat(json.readTree(Path.of("infra/events/tick-dispatch.json").toFile()).has("scheduledTime")).isTrue();
    }

    // ---------------------------------------------------------------------------------------- least privilege

    @Test
    void eachFunctionMayDoExactlyWhatItWasSeenDoing() throws Exception {
        Map<String, Set<String>> seen = Map.of(
                "ApiFunction", seenDoing(() -> { }, this::runApi),
                "WrapUpExpiryFunction", seenDoing(this::agentInA999SecondWrapUp, this::runWrapUpExpiry),
                "TickDispatchFunction", seenDoing(() -> { }, this::runTickDispatch),
                "TickFunction", seenDoing(this::agentsToTick, this::runTick),
                "DeliveryFunction", seenDoing(this::pendingDeliveries, this::runDelivery));
        Map<String, JsonNode> consumes = new HashMap<>(); // function -> its event source mapping
        resources("AWS::Lambda::EventSourceMapping").values().forEach(m -> consumes.put(
                m.path("Properties").path("FunctionName").path("Ref").asText().replace("Aliaslive", ""),
                m.path("Properties")));
        for (var function : resources("AWS::Serverless::Function").entrySet()) {
            Set<String> needed = new TreeSet<>(seen.get(function.getKey()));
            if (function.getKey().equals("DeliveryFunction")) { // the targets' secrets (locally environment variables)
                needed.add("secretsmanager:GetSecretValue " + DELIVERY_SECRETS);
            }
            JsonNode mapping = consumes.get(function.getKey());
            if (mapping != null) {
                JsonNode source = mapping.path("EventSourceArn").path("Fn::GetAtt");
                boolean stream = "StreamArn".equals(source.get(1).asText()); // a DynamoDB stream, else a queue
                for (String action : (stream ? STREAM_CONSUME : SQS_CONSUME).split(" ")) {
                    needed.add(action + " " + physical(source.get(0).asText()) + (stream ? " stream" : ""));
                }
                JsonNode onFailure = mapping.path("DestinationConfig").path("OnFailure").path("Destination");
                if (!onFailure.isMissingNode()) { // failed stream batches are sent there with the function's role
                    needed.add("sqs:SendMessage " + physical(onFailure.path("Fn::GetAtt").get(0).asText()));
                }
            }
            assertThat(allowed(function.getValue())).as(function.getKey() + "'s policy").isEqualTo(needed);
        }
    }

    /** The only secrets any function may read: the delivery targets' secrets, under the template's name prefix. */
    private static final String DELIVERY_SECRETS =
            "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${DeliverySecretPrefix}*";

    private interface Run {
        void run() throws Exception;
    }

    /** What {@code run} did after {@code setUp}: "dynamodb:Action table" and "sqs:SendMessage queue" entries. */
    private Set<String> seenDoing(Run setUp, Run run) throws Exception {
        setUp.run();
        int sentBefore = queue.count();
        StoreProbe.recordAccess();
        run.run();
        Set<String> done = new TreeSet<>(StoreProbe.accesses());
        queue.since(sentBefore).forEach(s -> done.add("sqs:SendMessage " + s.queueUrl()));
        return done;
    }

    /** Every "action resource" a function's policy statements allow, resources named as the code sees them. */
    private Set<String> allowed(JsonNode function) {
        Set<String> allowed = new TreeSet<>();
        for (JsonNode policy : function.path("Properties").path("Policies")) {
            for (JsonNode statement : policy.path("Statement")) {
                assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                for (JsonNode resource : statement.path("Resource")) {
                    for (JsonNode action : statement.path("Action")) {
                        if (resource.has("Fn::Sub")) {
                            allowed.add(action.asText() + " " + resource.path("Fn::Sub").asText());
                            continue;
                        }
                        JsonNode arn = resource.path("Fn::GetAtt");
                        allowed.add(action.asText() + " " + physical(arn.get(0).asText())
                                + ("StreamArn".equals(arn.get(1).asText()) ? " stream" : ""));
                    }
                }
            }
        }
        return allowed;
    }

    /** A template resource by the name the code uses: the table name, or the queue URL of this test. */
    private String physical(String logicalId) {
        try {
            JsonNode resource = template().path("Resources").path(logicalId);
            return switch (resource.path("Type").asText()) {
                case "AWS::DynamoDB::Table" -> resource.path("Properties").path("TableName").path("Fn::Sub").asText()
                        .replace("${TablePrefix}", tables.name(Tables.CALL_CENTERS).replace("call-centers", ""));
                case "AWS::SQS::Queue" -> switch (logicalId) {
                    case "WrapUpQueue" -> LambdaTestProfile.WRAP_UP_QUEUE;
                    case "TickQueue" -> LambdaTestProfile.TICK_QUEUE;
                    default -> logicalId;
                };
                default -> logicalId;
            };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void apiCall(String method, String template, String cc, Map<String, String> path, String body,
                         Who who, Map<String, String> query) throws Exception {
        Map<String, String> params = new HashMap<>(path);
        params.put("callCenterId", cc);
        Call call = new Call(method, template, params, query, body == null ? Map.of()
                : Map.of("Content-Type", "application/json"), body, who);
        int status = api.handleRequest(json.treeToValue(Channels.event(call), HttpApiEvent.class),
                FakeContext.withPlentyOfTime()).statusCode();
        assertThat(status).as(call.routeKey()).isBetween(200, 299);
    }

    /** Every kind of API call: configure, read, the first and a later change, call events, reads and reports. */
    private void runApi() throws Exception {
        String cc = Api.uniqueId("iam-api");
        Who admin = new Who("admin-1", cc, List.of("admin"));
        Who agent = new Who("a1", cc, List.of("agent"));
        String cfg = "/v1/call-centers/{callCenterId}";
        String presence = cfg + "/agents/{agentId}/presence";
        String events = cfg + "/agents/{agentId}/call-events";
        apiCall("PUT", cfg, cc, Map.of(), withDelivery(Api.config(30, true)), admin, Map.of());
        apiCall("GET", cfg, cc, Map.of(), null, agent, Map.of());
        apiCall("PUT", cfg + "/agents/{agentId}/profile", cc, Map.of("agentId", "a1"),
                "{\"displayName\":\"Ada\",\"extension\":\"4711\"}", admin, Map.of());
        apiCall("GET", cfg + "/agents/{agentId}/profile", cc, Map.of("agentId", "a1"), null, agent, Map.of());
        apiCall("PUT", presence, cc, Map.of("agentId", "a1"), "{\"stateId\":\"ready\"}", agent, Map.of());
        clock.advance(Duration.ofSeconds(10));
        apiCall("PUT", presence, cc, Map.of("agentId", "a1"), "{\"stateId\":\"away\"}", agent, Map.of());
        apiCall("POST", events, cc, Map.of("agentId", "a1"), Api.event("e1", "CONNECTED", "c1", false, null), agent,
                Map.of());
        apiCall("POST", events, cc, Map.of("agentId", "a1"), Api.event("e2", "CONNECTED", "c1", false, null), agent,
                Map.of()); // c1 is active already: only the event is stored, on condition the agent is unchanged
        apiCall("POST", events, cc, Map.of("agentId", "a1"), Api.event("e3", "ENDED", "c1", false, 42), agent,
                Map.of());
        apiCall("GET", presence, cc, Map.of("agentId", "a1"), null, agent, Map.of());
        apiCall("GET", cfg + "/agents", cc, Map.of(), null, admin, Map.of());
        apiCall("GET", cfg + "/agents/{agentId}/history", cc, Map.of("agentId", "a1"), null, agent, Map.of());
        apiCall("GET", cfg + "/time-tracking", cc, Map.of(), null, admin,
                Map.of("from", "2026-11-18", "to", "2026-11-18"));
        clock.advance(Duration.ofHours(13)); // past local midnight: the change closes the agent's day
        apiCall("PUT", presence, cc, Map.of("agentId", "a1"), "{\"stateId\":\"dnd\"}", agent, Map.of());
    }

    private String expiryCc;
    private Sent expiryTimer;

    private void agentInA999SecondWrapUp() {
        clock.freezeAt(BERLIN_2350); // the expiry crosses local midnight: it closes the agent's day
        expiryCc = Api.uniqueId("iam-expiry");
        Api.putConfig(expiryCc, withDelivery(Api.config(999, true))).statusCode(200);
        Api.callEvent(expiryCc, "a1", Api.event("e1", "CONNECTED", "c1", false, null)).statusCode(200);
        Api.callEvent(expiryCc, "a1", Api.event("e2", "ENDED", "c1", false, 42)).statusCode(200);
        expiryTimer = queue.take(expiryCc).get(0);
    }

    private void runWrapUpExpiry() {
        clock.advance(Duration.ofSeconds(900));
        assertThat(wrapUpExpiry.handleRequest(Sqs.event(expiryTimer), FakeContext.withPlentyOfTime())
                .batchItemFailures()).isEmpty(); // early: sent again
        clock.advance(Duration.ofSeconds(99));
        assertThat(wrapUpExpiry.handleRequest(Sqs.event(queue.take(expiryCc).get(0)),
                FakeContext.withPlentyOfTime()).batchItemFailures()).isEmpty();
    }

    private void runTickDispatch() {
        tickDispatch.handleRequest(Map.of("scheduledTime", "2026-11-18T11:00:00Z"), FakeContext.withPlentyOfTime());
    }

    private String tickCc;

    /** Three agents, one of them in a wrap-up whose expiry message is lost (the tick settles it). */
    private void agentsToTick() {
        clock.freezeAt(BERLIN_2350.plusSeconds(480)); // 23:58: a tick before and one after local midnight
        tickCc = Api.uniqueId("iam-tick");
        Api.putConfig(tickCc, withDelivery(Api.config(30, true))).statusCode(200);
        for (String agent : List.of("a1", "a2", "a3")) {
            Api.setState(tickCc, agent, "away").statusCode(200);
        }
        Api.callEvent(tickCc, "a3", Api.event("e1", "CONNECTED", "c1", false, null)).statusCode(200);
        Api.callEvent(tickCc, "a3", Api.event("e2", "ENDED", "c1", false, 42)).statusCode(200);
        queue.take(tickCc);
        clock.advance(Duration.ofSeconds(60));
    }

    private void runTick() throws Exception {
        String cc = tickCc;
        SqsEvent event = Sqs.event(List.of(Sqs.message(json.writeValueAsString(
                new TickMessage(cc, clock.instant(), null)))));
        assertThat(tick.handleRequest(event, new FakeContext(UUID.randomUUID().toString(), () -> 0))
                .batchItemFailures()).isEmpty(); // no time after the first page: continues in a message
        assertThat(tick.handleRequest(Sqs.event(queue.take(cc).toArray(Sent[]::new)),
                FakeContext.withPlentyOfTime()).batchItemFailures()).isEmpty();
        clock.advance(Duration.ofSeconds(90)); // 00:00:30: the first tick of the day rolls the agents' days over
        assertThat(tick.handleRequest(Sqs.event(List.of(Sqs.message(json.writeValueAsString(
                new TickMessage(cc, clock.instant(), null))))), FakeContext.withPlentyOfTime())
                .batchItemFailures()).isEmpty();
    }

    private static final java.time.Instant BERLIN_2350 = java.time.ZonedDateTime.of(2026, 11, 18, 23, 50, 0, 0,
            java.time.ZoneId.of("Europe/Berlin")).toInstant();

    private String deliveryCc;

    /** An agent's pending PBX delivery and a call center's pending time-tracking sync. */
    private void pendingDeliveries() {
        deliveryCc = Api.uniqueId("iam-delivery");
        Api.putConfig(deliveryCc, withDelivery(Api.config(30, true))).statusCode(200);
        Api.setState(deliveryCc, "a1", "away").statusCode(200);
        clock.advance(Duration.ofSeconds(60));
        ticks.tick(deliveryCc);
    }

    /** A stream record naming the agent's item, then the sweep (which takes the time sync). */
    private void runDelivery() throws Exception {
        DeliveryEvent record = json.readValue("""
                {"Records":[{"eventName":"MODIFY","dynamodb":{"Keys":{"callCenterId":{"S":"%s"},
                 "itemKey":{"S":"a1#PBX"}}}}]}""".formatted(deliveryCc), DeliveryEvent.class);
        delivery.handleRequest(record, FakeContext.withPlentyOfTime());
        delivery.handleRequest(new DeliveryEvent(null), FakeContext.withPlentyOfTime());
    }
}
