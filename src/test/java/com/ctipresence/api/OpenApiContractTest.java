package com.ctipresence.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the served OpenAPI document and fails on any /v1 operation that does not tell a client what it needs:
 * a 2xx answer with a schema and an example, a description of every parameter, every error as problem+json with
 * the Problem schema, the body schema of a PUT or POST; and on component schemas nothing refers to.
 */
@QuarkusTest
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private JsonNode doc;

    @BeforeEach
    void readTheDocument() throws Exception {
        RestAssured.port = port;
        doc = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void everyOperationDocumentsItsAnswersParametersAndBody() {
        List<String> failures = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            List<JsonNode> shared = list(path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations++;
                    check(op.getKey().toUpperCase() + " " + path.getKey(), op.getKey(), path.getKey(), op.getValue(),
                            shared, (where, what) -> failures.add(where + ": " + what));
                }
            }
        }
        assertThat(operations).as("/v1 operations in the document").isEqualTo(13);
        assertThat(failures).as("gaps in the OpenAPI document").isEmpty();
    }

    @Test
    void everyComponentSchemaIsReferenced() {
        Set<String> reachable = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(refs(doc.path("paths")));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (reachable.add(name)) {
                todo.addAll(refs(doc.path("components").path("schemas").path(name)));
            }
        }
        Set<String> unreferenced = new TreeSet<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(unreferenced::add);
        unreferenced.removeAll(reachable);
        assertThat(unreferenced).as("schemas no operation reaches").isEmpty();
        assertThat(reachable).contains("DayTotal", "HistoryEntry", "Configuration", "PresenceChange", "CallEvent",
                "AgentPresence", "Problem", "FieldError", "AgentProfile", "Delivery", "DeliveryStatus");
    }

    @Test
    void theReportAnswersJsonAndCsvAndCallEventsTellAReplay() {
        JsonNode report = doc.at("/paths/~1v1~1call-centers~1{callCenterId}~1time-tracking/get/responses/200/content");
        assertThat(fieldNames(report)).containsExactlyInAnyOrder("application/json", "text/csv");
        assertThat(report.at("/application~1json/schema/items/$ref").asText())
                .isEqualTo("#/components/schemas/DayTotal");
        assertThat(report.at("/text~1csv/schema/type").asText()).isEqualTo("string");
        assertThat(report.at("/text~1csv/examples").toString()).contains("agentId,date,stateId");

        JsonNode replayed = doc.at("/paths/~1v1~1call-centers~1{callCenterId}~1agents~1{agentId}~1call-events/post"
                + "/responses/200/headers/Idempotent-Replayed");
        assertThat(replayed.path("description").asText()).isNotBlank();
        assertThat(replayed.at("/schema/type").asText()).isEqualTo("boolean");
        assertThat(doc.at("/paths/~1v1~1call-centers~1{callCenterId}~1agents~1{agentId}~1call-events/post"
                + "/responses/503/headers/Retry-After").isMissingNode()).isFalse();
    }

    // ------------------------------------------------------------------ the checks of one operation

    private void check(String where, String method, String path, JsonNode op, List<JsonNode> shared,
                       BiConsumer<String, String> fail) {
        JsonNode responses = op.path("responses");
        boolean documented2xx = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2")) {
                for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
                    Map.Entry<String, JsonNode> type = types.next();
                    boolean schema = !type.getValue().path("schema").isMissingNode();
                    List<JsonNode> examples = examples(type.getValue());
                    if (!schema) {
                        fail.accept(where, status + " " + type.getKey() + " has no schema");
                    } else if (examples.isEmpty()) {
                        fail.accept(where, status + " " + type.getKey() + " has no example");
                    } else {
                        documented2xx = true;
                        examples.forEach(e -> fits(e, type.getValue().path("schema"), where + " " + status, fail));
                    }
                }
            } else if (status.startsWith("4") || status.startsWith("5")) {
                if (!PROBLEM.equals(content.at("/application~1problem+json/schema/$ref").asText())) {
                    fail.accept(where, status + " is not application/problem+json with the Problem schema");
                }
                if (fieldNames(content).size() != 1) {
                    fail.accept(where, status + " offers other media types than application/problem+json");
                }
            }
            if (response.getValue().path("description").asText().isBlank()) {
                fail.accept(where, status + " has no description");
            }
        }
        if (!documented2xx) {
            fail.accept(where, "no 2xx answer with a schema and an example");
        }

        List<JsonNode> parameters = new ArrayList<>(shared);
        parameters.addAll(list(op.path("parameters")));
        Set<String> declaredPathParameters = new HashSet<>();
        for (JsonNode parameter : parameters) {
            JsonNode p = parameter.has("$ref") ? doc.at(parameter.path("$ref").asText().substring(1)) : parameter;
            if (p.path("description").asText().isBlank()) {
                fail.accept(where, "parameter " + p.path("name").asText() + " (" + p.path("in").asText()
                        + ") has no description");
            }
            if ("path".equals(p.path("in").asText())) {
                declaredPathParameters.add(p.path("name").asText());
            }
        }
        Matcher template = Pattern.compile("\\{([^}]+)}").matcher(path);
        while (template.find()) {
            if (!declaredPathParameters.contains(template.group(1))) {
                fail.accept(where, "path parameter " + template.group(1) + " is not declared");
            }
        }

        Set<String> errors = fieldNames(responses);
        for (String status : List.of("401", "403")) {
            expect(errors, status, where, fail);
        }
        if (path.startsWith("/v1/call-centers/")) {
            for (String status : List.of("400", "404", "503")) {
                expect(errors, status, where, fail);
            }
        }
        if (method.equals("put") || method.equals("post")) {
            JsonNode body = op.path("requestBody");
            String ref = body.at("/content/application~1json/schema/$ref").asText();
            if (!ref.startsWith("#/components/schemas/")) {
                fail.accept(where, "the request body has no schema of its own: " + body);
            } else {
                examples(body.at("/content/application~1json")).forEach(e -> fits(e,
                        body.at("/content/application~1json/schema"), where + " request body", fail));
            }
            if (!body.path("required").asBoolean()) {
                fail.accept(where, "the request body is not required");
            }
            for (String status : List.of("400", "413", "415")) {
                expect(errors, status, where, fail);
            }
        }
    }

    private static void expect(Set<String> statuses, String status, String where, BiConsumer<String, String> fail) {
        if (!statuses.contains(status)) {
            fail.accept(where, "does not document its " + status);
        }
    }

    /** An example object uses only properties its (referenced) object schema declares. */
    private void fits(JsonNode example, JsonNode schema, String where, BiConsumer<String, String> fail) {
        JsonNode resolved = resolve(schema);
        if (example.isArray()) {
            if (!resolved.path("type").toString().contains("array")) {
                fail.accept(where, "an example is an array, the schema is not");
                return;
            }
            example.forEach(item -> fits(item, resolved.path("items"), where, fail));
        } else if (example.isObject()) {
            JsonNode properties = resolve(resolved).path("properties");
            if (properties.isMissingNode()) {
                return; // a map (e.g. today: seconds per state)
            }
            example.fieldNames().forEachRemaining(name -> {
                if (!properties.has(name)) {
                    fail.accept(where, "the example names " + name + ", which the schema does not have");
                } else {
                    fits(example.path(name), properties.path(name), where + "." + name, fail);
                }
            });
        }
    }

    private JsonNode resolve(JsonNode schema) {
        return schema.has("$ref") ? doc.at(schema.path("$ref").asText().substring(1)) : schema;
    }

    private static List<JsonNode> examples(JsonNode mediaType) {
        List<JsonNode> result = new ArrayList<>();
        if (mediaType.has("example")) {
            result.add(mediaType.path("example"));
        }
        mediaType.path("examples").forEach(e -> result.add(e.path("value")));
        return result;
    }

    private static Set<String> refs(JsonNode node) {
        Set<String> names = new HashSet<>();
        Matcher m = REF.matcher(node.toString());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
