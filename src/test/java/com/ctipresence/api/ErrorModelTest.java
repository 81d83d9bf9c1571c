package com.ctipresence.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Flow;

import static com.ctipresence.support.Api.as;
import static com.ctipresence.support.Api.asAdmin;
import static com.ctipresence.support.Api.asAgent;
import static com.ctipresence.support.Api.callEvent;
import static com.ctipresence.support.Api.config;
import static com.ctipresence.support.Api.newCallCenter;
import static com.ctipresence.support.Api.presence;
import static com.ctipresence.support.Api.putConfig;
import static com.ctipresence.support.Api.setState;
import static com.ctipresence.support.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The one error model, over real HTTP: every refusal, from the HTTP codec up to the use cases, is
 * application/problem+json with a detail written for people and nothing of the parser or framework in it.
 */
@QuarkusTest
class ErrorModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Words of parser and framework messages that must never reach a caller. */
    private static final List<String> INTERNALS = List.of("REDACTED", "StreamReadFeature", "Source:", "(code ",
            "jackson", "Jackson", "`", "HTTP 4", "@Consumes", "@Produces", "Exception", "vertx", "resteasy",
            "com.ctipresence", "java.");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    io.quarkus.runtime.configuration.MemorySize maxBody;

    @BeforeEach
    void useTheHttpTestPort() {
        RestAssured.port = port;
    }

    // ------------------------------------------------------------------ the HTTP codec and the router

    @Test
    void aRequestLineOverTheLimitIs414() throws IOException {
        Raw answer = raw("GET /v1/presets?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        answer.assertProblem(414, "URI too long").detailContains("at most 4096 bytes");
    }

    @Test
    void headersOverTheLimitAre431() throws IOException {
        Raw answer = raw("GET /v1/presets HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(25_000)
                + "\r\n\r\n");
        answer.assertProblem(431, "Request header fields too large").detailContains("at most 20480 bytes");
    }

    @Test
    void malformedHttpIs400() throws IOException {
        raw("GET /v1/presets HTTP/1.1\r\nHost: localhost\r\nno colon in this header\r\n\r\n")
                .assertProblem(400, "Bad request").detailContains("not well-formed HTTP/1.1");
        raw("PUT /v1/presets HTTP/1.1\r\nHost: localhost\r\nContent-Length: twelve\r\n\r\n")
                .assertProblem(400, "Bad request").detailContains("Content-Length");
        raw("NONSENSE\r\n\r\n").assertProblem(400, "Bad request");
    }

    @Test
    void aRequestWithoutHostIs400() throws IOException {
        raw("GET /v1/presets HTTP/1.1\r\n\r\n").assertProblem(400, "Bad request")
                .detailContains("must carry a Host header");
    }

    @Test
    void anInvalidUriIs400() throws IOException {
        raw("GET /v1/presets/%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n").assertProblem(400, "Bad request")
                .detailContains("not a valid URI");
        raw("GET /v1/presets?q=% HTTP/1.1\r\nHost: localhost\r\n\r\n").assertProblem(400, "Bad request");
    }

    @Test
    void aBodyOverTheLimitIs413WhetherAnnouncedOrChunked() throws Exception {
        String cc = uniqueId("cc");
        String body = "{\"name\":\"" + "n".repeat((int) maxBody.asLongValue()) + "\"}";
        problem(putConfig(cc, body), 413, "Payload too large")
                .body("detail", equalTo("the request body may be at most " + maxBody.asLongValue()
                        + " bytes; nothing was changed"));

        HttpResponse<String> chunked = http().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/call-centers/" + cc))
                .header("Authorization", "Bearer " + com.ctipresence.support.Tokens.of(cc, "admin-1", "admin"))
                .header("Content-Type", "application/json")
                .PUT(unknownLength(body.getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertProblemBody(chunked.body(), 413, "Payload too large");
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(404);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        String cc = newCallCenter(0, false);
        HttpResponse<String> answer = http().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/call-centers/" + cc + "/agents/a1/presence"))
                .header("Authorization", "Bearer " + com.ctipresence.support.Tokens.of(cc, "a1", "agent"))
                .header("Content-Type", "application/json")
                .PUT(unknownLength("{\"stateId\":\"away\"}".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        presence(cc, "a1").body("stateId", equalTo("away"));
    }

    // ------------------------------------------------------------------ what the REST layer refuses

    @Test
    void anUnknownPathIs404() {
        problem(asAdmin("any").get("/v1/nothing-here").then(), 404, "Not found")
                .body("detail", equalTo("there is nothing at /v1/nothing-here; the API is under /v1 (see /q/openapi)"));
        problem(RestAssured.given().get("/nothing").then(), 404, "Not found");
    }

    @Test
    void aMethodThePathDoesNotTakeIs405WithAllow() {
        problem(asAdmin("any").delete("/v1/presets").then(), 405, "Method not allowed")
                .header("Allow", "GET, HEAD, OPTIONS")
                .body("detail", equalTo("DELETE is not allowed on /v1/presets; allowed: GET"));
        String cc = uniqueId("cc");
        problem(asAgent(cc, "a1").contentType(ContentType.JSON).body("{}")
                .post("/v1/call-centers/{cc}/agents/a1/presence", cc).then(), 405, "Method not allowed")
                .header("Allow", "GET, PUT, HEAD, OPTIONS")
                .body("detail", containsString("allowed: GET, PUT"));
    }

    @Test
    void anAcceptThePathCannotAnswerIs406SayingWhatItAnswers() {
        problem(asAdmin("any").accept("text/csv").get("/v1/presets").then(), 406, "Not acceptable")
                .body("detail", equalTo("this resource answers application/json; Accept was text/csv"));
        String cc = uniqueId("cc");
        problem(asAdmin(cc).accept("application/xml").queryParam("from", "2026-11-01").queryParam("to", "2026-11-02")
                .get("/v1/call-centers/{cc}/time-tracking", cc).then(), 406, "Not acceptable")
                .body("detail", equalTo("this resource answers application/json or text/csv; "
                        + "Accept was application/xml"));
    }

    @Test
    void jsonBodiesNeedApplicationJson() {
        String cc = newCallCenter(0, false);
        problem(asAgent(cc, "a1").contentType("text/plain").body("{\"stateId\":\"away\"}")
                .put("/v1/call-centers/{cc}/agents/a1/presence", cc).then(), 415, "Unsupported media type")
                .body("detail", startsWith("this operation takes application/json; Content-Type was text/plain"));
        problem(asAdmin(cc).contentType("application/xml").body("<configuration/>")
                .put("/v1/call-centers/{cc}", cc).then(), 415, "Unsupported media type")
                .body("detail", containsString("Content-Type was application/xml"));
        presence(cc, "a1").statusCode(404);
        asAgent(cc, "a1").contentType("application/json; charset=utf-8").body("{\"stateId\":\"away\"}")
                .put("/v1/call-centers/{cc}/agents/a1/presence", cc).then().statusCode(200)
                .body("stateId", equalTo("away"));
    }

    @Test
    void aJsonBodyWithoutContentTypeIs415() throws IOException {
        String cc = newCallCenter(0, false);
        String body = "{\"stateId\":\"dnd\"}";
        raw("PUT /v1/call-centers/" + cc + "/agents/a1/presence HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + "Bearer " + com.ctipresence.support.Tokens.of(cc, "a1", "agent") + "\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                .assertProblem(415, "Unsupported media type")
                .detailContains("this operation takes application/json; Content-Type was not sent");
        presence(cc, "a1").statusCode(404);
    }

    // ------------------------------------------------------------------ JSON

    @Test
    void syntaxErrorsNameLineColumnAndAShortReason() {
        String cc = uniqueId("cc");
        Map<String, String> cases = new TreeMap<>(Map.of(
                "{\"states\":[", "at line 1, column 12: the JSON ends before it is complete",
                "{\"name\":\"a\",}", "at line 1, column 13: unexpected character ('}'): was expecting double-quote "
                        + "to start field name",
                "{\n  \"name\": 'x'\n}", "at line 2, column 11: texts and names must be in double quotes",
                "{\"callWrapUpSeconds\":NaN}", "at line 1, column 25: NaN and Infinity are not JSON numbers",
                "{\"states\":[]} trailing", "at line 1, column 14: unexpected content after the JSON object",
                "{\"presenceEnabled\":tru}", "at line 1, column 20: unrecognized token 'tru'"));
        cases.forEach((body, expected) -> problem(putConfig(cc, body), 400, "Invalid request")
                .body("errors.field", equalTo(List.of("body")))
                .body("errors[0].message", containsString("is not well-formed JSON " + expected))
                .body("detail", containsString(expected)));
        problem(putConfig(cc, "[1,2]"), 400, "Invalid request")
                .body("detail", equalTo("body: must be a JSON object { ... }"));
        problem(putConfig(cc, "{\"a\":" + "[".repeat(1500) + "}"), 400, "Invalid request")
                .body("detail", containsString("nested too deeply"));
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(404);
    }

    @Test
    void everyOffendingFieldOfAConfigurationIsNamedAtOnce() {
        String cc = uniqueId("cc");
        problem(putConfig(cc, """
                {"pbxMode":"X","callWrapUpSeconds":"30","timeZone":5,"bogus":1,"name":"",
                 "presenceEnabled":1,"timeTrackingUpdateSeconds":0,"name":"again",
                 "states":[{"id":"ready","label":"Ready","presenceStatus":1},
                           {"id":"ready","label":"Ready 2","presenceStatus":"4"},
                           {"id":"bad id!","label":"","presenceStatus":9,"colour":"red"},
                           5]}
                """), 400, "Invalid request")
                .body("errors.field", containsInAnyOrder("pbxMode", "callWrapUpSeconds", "timeZone", "bogus",
                        "presenceEnabled", "name", "states[1].presenceStatus", "states[2].colour", "states[3]",
                        // the rules of the well-typed rest, as the use case checks them
                        "timeTrackingUpdateSeconds", "states[1].id", "states[2].id", "states[2].label",
                        "states[2].presenceStatus"))
                .body("detail", startsWith("14 fields are invalid: "))
                .body("errors.find { it.field == 'pbxMode' }.message",
                        equalTo("must be one of NOT_SENT, DIAL_COMMAND, SKYPE_FOR_BUSINESS"))
                .body("errors.find { it.field == 'callWrapUpSeconds' }.message",
                        equalTo("must be a whole number (was a text)"))
                .body("errors.find { it.field == 'timeZone' }.message",
                        equalTo("must be a text in double quotes (was a whole number)"))
                .body("errors.find { it.field == 'bogus' }.message", equalTo("is not a known field"))
                .body("errors.find { it.field == 'presenceEnabled' }.message",
                        equalTo("must be true or false (was a whole number)"))
                .body("errors.find { it.field == 'name' }.message", equalTo("appears more than once"))
                .body("errors.find { it.field == 'states[3]' }.message", equalTo("must be a JSON object { ... }"))
                .body("errors.find { it.field == 'states[2].presenceStatus' }.message",
                        equalTo("must be between 1 and 7"));
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(404);
    }

    @Test
    void everyOffendingFieldOfACallEventIsNamedAtOnce() {
        String cc = newCallCenter(30, true);
        setState(cc, "a1", "ready").statusCode(200);
        problem(callEvent(cc, "a1", "{\"type\":\"RINGING\",\"callId\":7,\"eventId\":\"e\"}"), 400,
                "Invalid request")
                .body("errors.field", containsInAnyOrder("type", "callId"))
                .body("errors.find { it.field == 'type' }.message", equalTo("must be one of DIALING, CONNECTED, ENDED"));
        problem(callEvent(cc, "a1", "{\"type\":\"ENDED\",\"callId\":\"c-1\",\"eventId\":\"bad id!\","
                + "\"internal\":\"no\",\"x\":null}"), 400, "Invalid request")
                .body("errors.field", containsInAnyOrder("internal", "x", "eventId", "durationSeconds"));
        presence(cc, "a1").body("stateId", equalTo("ready")).body("version", equalTo(1));
    }

    @Test
    void aBodyWithVeryManyErrorsListsTheFirstHundred() {
        String cc = uniqueId("cc");
        // 150 states that are not objects, and one more: more than 50 states
        problem(putConfig(cc, "{\"states\":[" + "1,".repeat(149) + "1]}"), 400, "Invalid request")
                .body("errors.size()", equalTo(101))
                .body("errors[99].field", equalTo("states[99]"))
                .body("errors[100].field", equalTo("body"))
                .body("errors[100].message", equalTo("has 51 more errors not listed here"))
                .body("detail", startsWith("101 fields are invalid: states[0], states[1],"))
                .body("detail", containsString("states[9], ... (see errors)"));
    }

    @Test
    void strictJsonStaysStrict() {
        String cc = uniqueId("cc");
        String states = "\"states\":[{\"id\":\"ready\",\"label\":\"Ready\",\"presenceStatus\":1}]";
        for (String field : List.of("\"callWrapUpSeconds\":\"30\"", "\"callWrapUpSeconds\":\"\"",
                "\"callWrapUpSeconds\":1.5", "\"callWrapUpSeconds\":30.0", "\"callWrapUpSeconds\":true",
                "\"callWrapUpSeconds\":99999999999", "\"presenceEnabled\":1", "\"presenceEnabled\":\"true\"",
                "\"presenceEnabled\":\"\"", "\"name\":42", "\"name\":false", "\"name\":{}", "\"pbxMode\":1",
                "\"pbxMode\":\"\"", "\"pbxMode\":\"dial_command\"", "\"states\":{}")) {
            problem(putConfig(cc, "{" + field + "," + states.replace("\"states\":", field.startsWith("\"states")
                    ? "\"other\":" : "\"states\":") + "}"), 400, "Invalid request")
                    .body("errors.field", hasItem(field.substring(1, field.indexOf('"', 1))));
        }
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(404);
    }

    @Test
    void authorizationComesBeforeTheBody() {
        String cc = newCallCenter(0, false);
        problem(asAgent(cc, "a1").contentType(ContentType.JSON).body("{\"pbxMode\":\"X\",\"states\":7")
                .put("/v1/call-centers/{cc}", cc).then(), 403, "Forbidden");
        problem(as(cc, "sup-1", "supervisor").contentType(ContentType.JSON).body("{\"type\":1}")
                .post("/v1/call-centers/{cc}/agents/a1/call-events", cc).then(), 403, "Forbidden");
        problem(asAgent(cc, "a1").contentType(ContentType.JSON).body("not json")
                .put("/v1/call-centers/{cc}/agents/a2/presence", cc).then(), 403, "Forbidden");
    }

    @Test
    void aValidConfigurationIsStillAccepted() {
        String cc = uniqueId("cc");
        putConfig(cc, config(30, true)).statusCode(200).body("callWrapUpSeconds", equalTo(30));
    }

    // ------------------------------------------------------------------ helpers

    /** Checks the common shape of every problem answer. */
    private static ValidatableResponse problem(ValidatableResponse response, int status, String title) {
        String body = response.log().ifValidationFails().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", equalTo(title))
                .body("type", equalTo("about:blank"))
                .body("detail", not(org.hamcrest.Matchers.emptyOrNullString()))
                .extract().asString();
        assertNoInternals(body);
        if (status == 400 && title.equals("Invalid request")) {
            response.body("errors.field", everyItem(not(org.hamcrest.Matchers.emptyOrNullString())))
                    .body("errors.message", everyItem(not(org.hamcrest.Matchers.emptyOrNullString())));
        }
        return response;
    }

    private static void assertProblemBody(String body, int status, String title) throws IOException {
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isEqualTo(title);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertNoInternals(body);
    }

    private static void assertNoInternals(String body) {
        for (String word : INTERNALS) {
            assertThat(body).as("problem body").doesNotContain(word);
        }
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A body the client announces no length for: sent chunked. */
    private static HttpRequest.BodyPublisher unknownLength(byte[] bytes) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }

    /** One request written as it is on a fresh connection; the answer read until the server closes it. */
    private Raw raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Raw.parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
                if (complete(bytes.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (java.net.SocketException reset) {
            // the server may reset a connection it refused while the client still sends: what arrived counts
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Headers and as many body bytes as Content-Length announces. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
                return text.getBytes(StandardCharsets.UTF_8).length - end - 4 >= length;
            }
        }
        return false;
    }

    record Raw(int status, Map<String, String> headers, String body) {
        static Raw parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("an HTTP answer, got: " + text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                headers.put(lines[i].substring(0, lines[i].indexOf(':')).strip(),
                        lines[i].substring(lines[i].indexOf(':') + 1).strip());
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }

        Raw assertProblem(int expectedStatus, String title) throws IOException {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(headers.get("Content-Type")).isEqualTo("application/problem+json");
            assertProblemBody(body, expectedStatus, title);
            return this;
        }

        Raw detailContains(String text) throws IOException {
            assertThat(JSON.readTree(body).path("detail").asText()).contains(text);
            return this;
        }
    }
}
