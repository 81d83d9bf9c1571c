package com.ctipresence.security;

import com.ctipresence.adapter.in.scheduler.TimeTrackingTicker;
import com.ctipresence.support.Api;
import com.ctipresence.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static com.ctipresence.support.Api.setState;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 12,000 generated malformed or hostile requests across every endpoint (seeded, so a failure is reproducible):
 * none may answer 5xx, none that would change something may succeed, and the store is the same afterwards.
 */
@QuarkusTest
class HostileInputFuzzTest {
    static final int REQUESTS = 12_000;
    static final long SEED = 20261124L;
    static final String CC = "fuzz-cc";
    static final String OTHER_CC = "fuzz-other";
    static final int MAX_BODY = 64 * 1024;
    static final Set<String> FUZZ_CALL_CENTERS = Set.of(CC, OTHER_CC, "fuzz-new");

    @Inject
    DynamoDbClient dynamo;
    @Inject
    TimeTrackingTicker ticker;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;
    @ConfigProperty(name = "cti.dynamodb.table-prefix")
    String prefix;

    record Req(String method, String path, String contentType, String body, String token, boolean mutating) {
    }

    @Test
    void hostileRequestsChangeNothingAndNeverFailServerSide() throws Exception {
        Api.putConfig(CC, Api.config(0, true)).statusCode(200);
        setState(CC, "a1", "ready").statusCode(200);
        // no background tick may write while the store is compared: pause() waits for a tick that is running
        boolean tickerWasEnabled = ticker.isEnabled();
        ticker.pause();
        try {
            Map<String, List<String>> before = snapshot();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> failures = new ArrayList<>();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Random random = new Random(SEED);
            List<Req> requests = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                requests.add(generate(random));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Req r : requests) {
                    done.add(pool.submit(() -> {
                        int status;
                        try {
                            status = send(http, r);
                        } catch (java.io.IOException closed) {
                            status = -1; // the server hung up without an answer: a failure too
                        }
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        boolean oversized = r.body() != null && r.body().length() > MAX_BODY;
                        // a client still sending an oversized body may see the refused connection close first
                        boolean refused = status == 413 || (oversized && status < 0);
                        if (status >= 500 || (status < 0 && !refused) || (r.mutating() && status < 400)) {
                            synchronized (failures) {
                                failures.add(status + " " + r.method() + " " + r.path() + " "
                                        + abbreviate(r.body()));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            System.out.println("hostile requests by status: " + new TreeMap<>(statuses));
            assertThat(failures).as("5xx answers or accepted hostile writes").isEmpty();
            assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(REQUESTS);
            assertThat(snapshot()).as("the store after the hostile requests").isEqualTo(before);
        } finally {
            if (tickerWasEnabled) {
                ticker.resume();
            }
        }
    }

    private int send(HttpClient http, Req r) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + r.path()));
        if (r.token() != null) {
            b.header("Authorization", "Bearer " + r.token());
        }
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(r.body(), StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ------------------------------------------------------------------ generation

    static final String[] BAD_IDS = {"", " ", "a b", "x".repeat(129), "a/b", "a%2Fb", "..", "%00", "a;drop",
            "<script>", "ünïcode", "a\u0000b", "%", "a?b", "a#b", "*", "a\\b"};
    /** None of these is a valid value of any field. */
    static final String[] BAD_VALUES = {"null", "true", "-1", "1e309", "99999999999999999999", "1.5", "\"\"",
            "[]", "{}", "\"" + "y".repeat(5000) + "\"", "\"\\u0000\"", "NaN", "'single'", "0x10"};
    static final String[] CONFIG_FIELDS = {"name", "timeZone", "presenceEnabled", "pbxMode", "callWrapUpSeconds",
            "timeTrackingEnabled", "timeTrackingUpdateSeconds", "omniChannelEnabled", "activeCallChangesPresence",
            "states"};

    private Req generate(Random r) {
        int kind = r.nextInt(10);
        return switch (kind) {
            case 0 -> badAuth(r);
            case 1, 2 -> badConfig(r);
            case 3 -> badPresence(r);
            case 4 -> badCallEvent(r);
            case 5 -> badQuery(r);
            case 6 -> badPath(r);
            case 7 -> wrongMethodOrType(r);
            case 8 -> roleEscalation(r);
            default -> brokenJson(r);
        };
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String admin() {
        return Tokens.of(CC, "adm-1", "admin");
    }

    private static String agent() {
        return Tokens.of(CC, "a1", "agent");
    }

    private Req badAuth(Random r) {
        String token = switch (r.nextInt(6)) {
            case 0 -> null;
            case 1 -> Tokens.expired(CC, "adm-1", "admin");
            case 2 -> Tokens.unsigned(CC, "adm-1", "admin");
            case 3 -> Tokens.wrongIssuer(CC, "adm-1", "admin");
            case 4 -> AuthorizationTest.tamper(agent());
            default -> "x." + encode(pick(r, BAD_IDS)) + ".y";
        };
        return new Req("PUT", "/v1/call-centers/" + CC, "application/json", Api.config(30, true), token, true);
    }

    /** A valid configuration with one or more fields broken. */
    private Req badConfig(Random r) {
        String body = switch (r.nextInt(6)) {
            case 0 -> Api.config(30, true).replaceFirst("\"" + pick(r, CONFIG_FIELDS) + "\":[^,\\]]+",
                    "\"" + pick(r, CONFIG_FIELDS) + "\":" + pick(r, BAD_VALUES) + ",\"unknownField\":1");
            case 1 -> Api.config(1000 + r.nextInt(100000), true);
            case 2 -> manyStates(51 + r.nextInt(20));
            case 3 -> Api.config(30, true).replace("\"ready\"", "\"" + pick(r, BAD_IDS).replace("\"", "") + "!\"");
            case 4 -> Api.config(30, true).replace("\"presenceStatus\":1", "\"presenceStatus\":" + (8 + r.nextInt(50)));
            default -> "{\"states\":" + pick(r, BAD_VALUES) + "}";
        };
        String cc = r.nextBoolean() ? CC : "fuzz-new";
        return new Req("PUT", "/v1/call-centers/" + cc, "application/json", body,
                Tokens.of(cc, "adm-1", "admin"), true);
    }

    private static String manyStates(int n) {
        StringBuilder sb = new StringBuilder("{\"states\":[{\"id\":\"ready\",\"label\":\"Ready\",\"presenceStatus\":1}");
        for (int i = 0; i < n; i++) {
            sb.append(",{\"id\":\"s").append(i).append("\",\"label\":\"S").append(i).append("\",\"presenceStatus\":3}");
        }
        return sb.append("]}").toString();
    }

    private Req badPresence(Random r) {
        String body = switch (r.nextInt(5)) {
            case 0 -> "{\"stateId\":" + pick(r, BAD_VALUES) + "}";
            case 1 -> "{\"stateId\":\"" + pick(r, BAD_IDS).replace("\"", "") + "\"}";
            case 2 -> "{\"stateId\":\"away\",\"stateId\":\"dnd\"}";
            case 3 -> "{\"stateId\":\"no-such-state-" + r.nextInt(1000) + "\"}";
            default -> "{\"stateId\":\"away\",\"" + pick(r, CONFIG_FIELDS) + "\":1}";
        };
        return new Req("PUT", "/v1/call-centers/" + CC + "/agents/a1/presence", "application/json", body, agent(),
                true);
    }

    private Req badCallEvent(Random r) {
        String body = switch (r.nextInt(5)) {
            case 0 -> "{\"eventId\":\"e1\",\"type\":\"ENDED\",\"callId\":\"c1\"}";
            case 1 -> "{\"eventId\":\"e1\",\"type\":\"" + pick(r, BAD_IDS).replace("\"", "") + "X\",\"callId\":\"c1\"}";
            case 2 -> "{\"eventId\":" + pick(r, BAD_VALUES) + ",\"type\":\"DIALING\",\"callId\":\"c1\"}";
            case 3 -> "{\"eventId\":\"e1\",\"type\":\"ENDED\",\"callId\":\"c1\",\"durationSeconds\":"
                    + pick(r, new String[]{"-1", "\"10\"", "1.5", "99999999999", "true"}) + "}";
            default -> "{\"eventId\":\"" + "e".repeat(129) + "\",\"type\":\"DIALING\",\"callId\":\"c1\"}";
        };
        return new Req("POST", "/v1/call-centers/" + CC + "/agents/a1/call-events", "application/json", body, agent(),
                true);
    }

    private Req badQuery(Random r) {
        String[] dates = {"2026-02-30", "yesterday", "2026-1-1", "", "2026-11-01T00:00:00Z", "99999-01-01",
                "2026-11-24", "2025-01-01", "%00"};
        if (r.nextBoolean()) {
            return new Req("GET", "/v1/call-centers/" + CC + "/time-tracking?from=" + pick(r, dates) + "&to="
                    + pick(r, dates) + (r.nextBoolean() ? "&agentId=" + encode(pick(r, BAD_IDS)) : ""),
                    null, null, Tokens.of(CC, "sup-1", "supervisor"), false);
        }
        String[] instants = {"2026-11-24", "now", "2026-11-01T00:00:00Z", "1970-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z", "2026-11-24T25:00:00Z"};
        return new Req("GET", "/v1/call-centers/" + CC + "/agents/a1/history?from=" + encode(pick(r, instants))
                + "&to=" + encode(pick(r, instants)), null, null, agent(), false);
    }

    private Req badPath(Random r) {
        String id = encode(pick(r, BAD_IDS));
        String[] paths = {"/v1/call-centers/" + id, "/v1/call-centers/" + CC + "/agents/" + id + "/presence",
                "/v1/call-centers/" + id + "/agents", "/v1/presets/" + id,
                "/v1/call-centers/" + CC + "/agents/" + id + "/history"};
        boolean put = r.nextBoolean();
        return new Req(put ? "PUT" : "GET", paths[r.nextInt(paths.length)], "application/json",
                put ? "{\"stateId\":\"away\"}" : null, r.nextBoolean() ? admin() : agent(), put);
    }

    private Req wrongMethodOrType(Random r) {
        String[] methods = {"DELETE", "PATCH", "POST", "PUT"};
        String[] types = {"text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded",
                null};
        String path = r.nextBoolean() ? "/v1/call-centers/" + CC : "/v1/call-centers/" + CC + "/agents/a1/presence";
        String method = pick(r, methods);
        boolean valid = method.equals("PUT");
        return new Req(method, path, valid ? pick(r, types) : "application/json",
                path.endsWith("presence") ? "{\"stateId\":\"away\"}" : Api.config(30, true), admin(), true);
    }

    private Req roleEscalation(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> new Req("PUT", "/v1/call-centers/" + CC, "application/json", Api.config(30, true), agent(), true);
            case 1 -> new Req("PUT", "/v1/call-centers/" + CC + "/agents/a2/presence", "application/json",
                    "{\"stateId\":\"away\"}", agent(), true);
            case 2 -> new Req("POST", "/v1/call-centers/" + CC + "/agents/a1/call-events", "application/json",
                    "{\"eventId\":\"esc\",\"type\":\"DIALING\",\"callId\":\"c1\"}",
                    Tokens.of(CC, "sup-1", "supervisor"), true);
            default -> new Req("PUT", "/v1/call-centers/" + CC + "/agents/a1/presence", "application/json",
                    "{\"stateId\":\"away\"}", Tokens.of(OTHER_CC, "a1", "admin", "supervisor", "agent"), true);
        };
    }

    private Req brokenJson(Random r) {
        String valid = Api.config(30, true);
        String body = switch (r.nextInt(6)) {
            case 0 -> valid.substring(0, r.nextInt(valid.length()));
            case 1 -> "[".repeat(2000 + r.nextInt(3000)) + "]".repeat(10);
            case 2 -> "{\"name\":\"" + "z".repeat(70_000) + "\"}";
            case 3 -> randomBytes(r);
            case 4 -> valid + "}";
            default -> valid.replace(":", "=");
        };
        return new Req("PUT", "/v1/call-centers/" + CC, "application/json", body, admin(), true);
    }

    private static String randomBytes(Random r) {
        byte[] bytes = new byte[1 + r.nextInt(300)];
        r.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    // ------------------------------------------------------------------ the store

    /** Every item of every table that belongs to a call center the requests had a token for. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : dynamo.listTables().tableNames()) {
            if (!table.startsWith(prefix)) {
                continue;
            }
            List<String> items = dynamo.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true)
                            .build()).items().stream()
                    .filter(item -> FUZZ_CALL_CENTERS.stream().anyMatch(cc -> belongsTo(item, cc)))
                    .map(item -> new TreeMap<>(item).toString())
                    .sorted().toList();
            tables.put(table, items);
        }
        return tables;
    }

    private static boolean belongsTo(Map<String, AttributeValue> item, String cc) {
        Function<String, String> s = name -> item.get(name) == null ? null : item.get(name).s();
        return cc.equals(s.apply("callCenterId")) || startsWith(s.apply("agentKey"), cc)
                || startsWith(s.apply("eventKey"), cc);
    }

    private static boolean startsWith(String value, String cc) {
        return value != null && value.startsWith(cc + "#");
    }
}
