package com.ctipresence.lambda;

import com.ctipresence.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One API request sent two ways: to the JAX-RS resources over HTTP, and to the {@code api} Lambda function as an
 * API Gateway HTTP API event (payload 2.0) posted to Quarkus' mock Lambda event server, which runs the function as
 * Lambda would (its JSON mapper in and out). Both answers are read into the same {@link Answer}.
 */
public final class Channels {
    /** The answer headers that carry meaning. */
    static final List<String> HEADERS = List.of("content-type", "idempotent-replayed", "retry-after",
            "www-authenticate");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Channels() {
    }

    /** Who calls: a subject of a call center with roles, or nobody (no token). */
    record Who(String subject, String callCenterId, List<String> roles) {
        static final Who NOBODY = new Who(null, null, List.of());
    }

    record Call(String method, String template, Map<String, String> path, Map<String, String> query,
                Map<String, String> headers, String body, Who who) {

        String routeKey() {
            return method + " " + template;
        }

        String rawPath() {
            String p = template;
            for (var e : path.entrySet()) {
                p = p.replace("{" + e.getKey() + "}", e.getValue());
            }
            return p;
        }

        String rawQuery() {
            return query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                    StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        }
    }

    record Answer(int status, Map<String, String> headers, String body) {
        /** The body as JSON (null for a non-JSON body), for comparison. */
        JsonNode json() {
            try {
                return body == null || body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException notJson) {
                return null;
            }
        }
    }

    /** Over HTTP exactly as given (no client adds a Content-Type of its own). */
    static Answer rest(Call call) throws IOException, InterruptedException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String query = call.query().isEmpty() ? "" : "?" + call.rawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.rawPath()
                + query));
        if (call.who().subject() != null) {
            request.header("Authorization", "Bearer " + Tokens.of(call.who().callCenterId(), call.who().subject(),
                    call.who().roles().toArray(String[]::new)));
        }
        call.headers().forEach(request::header);
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
        }
        return new Answer(response.statusCode(), headers, response.body());
    }

    static Answer lambda(Call call) throws IOException, InterruptedException {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/_lambda_"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event(call)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("the api function failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode out = JSON.readTree(response.body());
        Map<String, String> headers = new LinkedHashMap<>();
        out.path("headers").fields().forEachRemaining(h -> {
            if (HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText());
            }
        });
        return new Answer(out.path("statusCode").asInt(), headers, out.path("body").asText(""));
    }

    /**
     * The event of a request to the route {@code template} (path parameters callCenterId and, unless null, agentId)
     * by {@code subject} of call center {@code cc} with one role; {@code body} JSON or null.
     */
    public static ObjectNode apiEvent(String method, String template, String cc, String agentId, String body,
                                       String subject, String role) {
        Map<String, String> path = agentId == null ? Map.of("callCenterId", cc)
                : Map.of("callCenterId", cc, "agentId", agentId);
        return event(new Channels.Call(method, template, path, Map.of(),
                body == null ? Map.of() : Map.of("Content-Type", "application/json"), body,
                new Channels.Who(subject, cc, List.of(role))));
    }

    /** The event API Gateway sends for the call after its JWT authorizer verified the token. */
    static ObjectNode event(Call call) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", call.routeKey());
        event.put("rawPath", call.rawPath());
        event.put("rawQueryString", call.rawQuery());
        ObjectNode headers = event.putObject("headers");
        headers.put("host", "abc123.execute-api.us-east-1.amazonaws.com");
        headers.put("user-agent", "softphone/1.0");
        call.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        if (call.who().subject() != null) {
            headers.put("authorization", "Bearer eyJ...");
        }
        if (!call.query().isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            call.query().forEach(query::put);
        }
        if (!call.path().isEmpty()) {
            ObjectNode path = event.putObject("pathParameters");
            call.path().forEach(path::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "abc123");
        context.put("domainName", "abc123.execute-api.us-east-1.amazonaws.com");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", call.routeKey());
        context.put("stage", "$default");
        context.put("timeEpoch", 1795000000000L);
        ObjectNode http = context.putObject("http");
        http.put("method", call.method());
        http.put("path", call.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "192.0.2.1");
        http.put("userAgent", "softphone/1.0");
        if (call.who().subject() != null) {
            ObjectNode claims = context.putObject("authorizer").putObject("jwt").putObject("claims");
            claims.put("sub", call.who().subject());
            claims.put("callCenterId", call.who().callCenterId());
            claims.put("groups", "[" + String.join(" ", call.who().roles()) + "]");
            claims.put("iss", Tokens.ISSUER);
            claims.put("exp", "1795003600");
            ((ObjectNode) context.path("authorizer").path("jwt")).putNull("scopes");
        }
        if (call.body() != null) {
            event.put("body", call.body());
        }
        event.put("isBase64Encoded", false);
        return event;
    }
}
