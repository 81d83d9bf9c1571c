package com.ctipresence.lambda;

import com.ctipresence.adapter.in.api.ApiRoutes;
import com.ctipresence.lambda.Channels.Answer;
import com.ctipresence.lambda.Channels.Call;
import com.ctipresence.lambda.Channels.Who;
import com.ctipresence.support.Api;
import com.ctipresence.support.StoreProbe;
import com.ctipresence.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same requests through the JAX-RS resources (local server) and through the {@code api} Lambda function (an API
 * Gateway HTTP API event posted to the mock Lambda event server): the same status, the same headers that matter
 * (Content-Type, Idempotent-Replayed, Retry-After, WWW-Authenticate) and the same JSON (or CSV). Each channel plays
 * the whole scenario in a call center of its own, so that the writes of one do not change the other's answers; the
 * call center ids are the only difference and are masked before comparing.
 */
@QuarkusTest
@TestProfile(LambdaTestProfile.class)
class ApiParityTest {
    private static final String CC = "/v1/call-centers/{callCenterId}";
    private static final String AGENT = CC + "/agents/{agentId}";

    @Inject
    TestClock clock;
    @Inject
    ApiRoutes routes;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** One step of the scenario, for a call center id. */
    private record Step(String name, Function<String, Call> call) {
    }

    private static Call call(String method, String template, String cc, Map<String, String> path,
                             Map<String, String> query, Map<String, String> headers, String body, Who who) {
        Map<String, String> params = new LinkedHashMap<>(path);
        if (template.contains("{callCenterId}")) {
            params.put("callCenterId", cc);
        }
        return new Call(method, template, params, query, headers, body, who);
    }

    private static Who admin(String cc) {
        return new Who("admin-1", cc, List.of("admin"));
    }

    private static Who supervisor(String cc) {
        return new Who("supervisor-1", cc, List.of("supervisor"));
    }

    private static Who agent(String cc, String id) {
        return new Who(id, cc, List.of("agent"));
    }

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private static List<Step> scenario() {
        List<Step> steps = new ArrayList<>();
        String config = Api.config(30, true);
        String a1 = "a1";
        steps.add(new Step("preset names", cc -> call("GET", "/v1/presets", cc, Map.of(), Map.of(), Map.of(), null,
                admin(cc))));
        steps.add(new Step("a preset", cc -> call("GET", "/v1/presets/{name}", cc, Map.of("name", "standard"),
                Map.of(), Map.of(), null, agent(cc, a1))));
        steps.add(new Step("no such preset: 404", cc -> call("GET", "/v1/presets/{name}", cc, Map.of("name", "nope"),
                Map.of(), Map.of(), null, agent(cc, a1))));
        steps.add(new Step("an agent configures: 403", cc -> call("PUT", CC, cc, Map.of(), Map.of(), JSON, config,
                agent(cc, a1))));
        steps.add(new Step("text/plain body: 415", cc -> call("PUT", CC, cc, Map.of(), Map.of(),
                Map.of("Content-Type", "text/plain"), config, admin(cc))));
        steps.add(new Step("a body without Content-Type: 415", cc -> call("PUT", CC, cc, Map.of(), Map.of(),
                Map.of(), config, admin(cc))));
        steps.add(new Step("invalid configuration: 400 naming the fields", cc -> call("PUT", CC, cc, Map.of(),
                Map.of(), JSON, config.replace("\"callWrapUpSeconds\":30", "\"callWrapUpSeconds\":5000")
                        .replace("\"timeZone\":\"Europe/Berlin\"", "\"timeZone\":\"Mars/Olympus\""), admin(cc))));
        steps.add(new Step("malformed JSON: 400", cc -> call("PUT", CC, cc, Map.of(), Map.of(), JSON, "{\"name\":",
                admin(cc))));
        steps.add(new Step("a body over the limit: 413", cc -> call("PUT", CC, cc, Map.of(), Map.of(), JSON,
                "{\"name\":\"" + "x".repeat(70_000) + "\"}", admin(cc))));
        steps.add(new Step("configure", cc -> call("PUT", CC, cc, Map.of(), Map.of(), JSON, config, admin(cc))));
        steps.add(new Step("read the configuration", cc -> call("GET", CC, cc, Map.of(), Map.of(), Map.of(), null,
                agent(cc, a1))));
        steps.add(new Step("no token: 401", cc -> call("GET", CC, cc, Map.of(), Map.of(), Map.of(), null,
                Who.NOBODY)));
        steps.add(new Step("another call center: 404", cc -> call("GET", CC, cc + "-other", Map.of(), Map.of(),
                Map.of(), null, agent(cc, a1))));
        steps.add(new Step("set a profile", cc -> call("PUT", AGENT + "/profile", cc, Map.of("agentId", a1),
                Map.of(), JSON, "{\"displayName\":\"Ada\",\"extension\":\"4711\"}", admin(cc))));
        steps.add(new Step("an agent sets a profile: 403", cc -> call("PUT", AGENT + "/profile", cc,
                Map.of("agentId", a1), Map.of(), JSON, "{\"displayName\":\"Me\"}", agent(cc, a1))));
        steps.add(new Step("an invalid profile: 400", cc -> call("PUT", AGENT + "/profile", cc,
                Map.of("agentId", a1), Map.of(), JSON, "{\"extension\":\"12a\",\"sipAddress\":\"x\"}",
                admin(cc))));
        steps.add(new Step("read own profile", cc -> call("GET", AGENT + "/profile", cc, Map.of("agentId", a1),
                Map.of(), Map.of(), null, agent(cc, a1))));
        steps.add(new Step("pick a state", cc -> call("PUT", AGENT + "/presence", cc, Map.of("agentId", a1),
                Map.of(), JSON, "{\"stateId\":\"dnd\"}", agent(cc, a1))));
        steps.add(new Step("an unknown state: 400", cc -> call("PUT", AGENT + "/presence", cc,
                Map.of("agentId", a1), Map.of(), JSON, "{\"stateId\":\"nope\",\"extra\":1}", agent(cc, a1))));
        steps.add(new Step("another agent's state: 403", cc -> call("PUT", AGENT + "/presence", cc,
                Map.of("agentId", "a2"), Map.of(), JSON, "{\"stateId\":\"away\"}", agent(cc, a1))));
        steps.add(new Step("a supervisor sets a2", cc -> call("PUT", AGENT + "/presence", cc,
                Map.of("agentId", "a2"), Map.of(), JSON, "{\"stateId\":\"away\"}", supervisor(cc))));
        steps.add(new Step("read own presence", cc -> call("GET", AGENT + "/presence", cc, Map.of("agentId", a1),
                Map.of(), Map.of(), null, agent(cc, a1))));
        steps.add(new Step("Accept text/html: 406", cc -> call("GET", AGENT + "/presence", cc,
                Map.of("agentId", a1), Map.of(), Map.of("Accept", "text/html"), null, agent(cc, a1))));
        steps.add(new Step("an unknown agent: 404", cc -> call("GET", AGENT + "/presence", cc,
                Map.of("agentId", "a9"), Map.of(), Map.of(), null, supervisor(cc))));
        steps.add(new Step("list as an agent: 403", cc -> call("GET", CC + "/agents", cc, Map.of(), Map.of(),
                Map.of(), null, agent(cc, a1))));
        steps.add(new Step("list as a supervisor", cc -> call("GET", CC + "/agents", cc, Map.of(), Map.of(),
                Map.of(), null, supervisor(cc))));
        steps.add(new Step("CONNECTED", cc -> call("POST", AGENT + "/call-events", cc, Map.of("agentId", a1),
                Map.of(), JSON, Api.event("e1", "CONNECTED", "c1", false, null), agent(cc, a1))));
        steps.add(new Step("ENDED: wrap-up", cc -> call("POST", AGENT + "/call-events", cc, Map.of("agentId", a1),
                Map.of(), JSON, Api.event("e2", "ENDED", "c1", false, 42), agent(cc, a1))));
        steps.add(new Step("the same ENDED again: replayed", cc -> call("POST", AGENT + "/call-events", cc,
                Map.of("agentId", a1), Map.of(), JSON, Api.event("e2", "ENDED", "c1", false, 42), agent(cc, a1))));
        steps.add(new Step("eventId reused for another event: 409", cc -> call("POST", AGENT + "/call-events", cc,
                Map.of("agentId", a1), Map.of(), JSON, Api.event("e2", "DIALING", "c7", false, null),
                agent(cc, a1))));
        steps.add(new Step("a call event of another agent: 403", cc -> call("POST", AGENT + "/call-events", cc,
                Map.of("agentId", "a2"), Map.of(), JSON, Api.event("e3", "DIALING", "c8", false, null),
                agent(cc, a1))));
        Map<String, String> day = Map.of("from", "2026-11-18", "to", "2026-11-18");
        steps.add(new Step("report JSON", cc -> call("GET", CC + "/time-tracking", cc, Map.of(), day, Map.of(),
                null, supervisor(cc))));
        steps.add(new Step("report CSV", cc -> call("GET", CC + "/time-tracking", cc, Map.of(), day,
                Map.of("Accept", "text/csv"), null, supervisor(cc))));
        steps.add(new Step("own report as an agent", cc -> call("GET", CC + "/time-tracking", cc, Map.of(),
                Map.of("from", "2026-11-18", "to", "2026-11-18", "agentId", a1), Map.of(), null, agent(cc, a1))));
        steps.add(new Step("report with a bad range: 400", cc -> call("GET", CC + "/time-tracking", cc, Map.of(),
                Map.of("from", "2026-11-30", "to", "2026-11-01"), Map.of(), null, supervisor(cc))));
        steps.add(new Step("history", cc -> call("GET", AGENT + "/history", cc, Map.of("agentId", a1),
                Map.of("from", "2026-11-18T00:00:00Z", "to", "2026-11-19T00:00:00Z"), Map.of(), null,
                agent(cc, a1))));
        steps.add(new Step("store unavailable: 503", cc -> call("GET", AGENT + "/presence", cc,
                Map.of("agentId", a1), Map.of(), Map.of(), null, agent(cc, a1))));
        return steps;
    }

    @Test
    void everyStepAnswersAlikeThroughRestAndTheApiFunction() throws Exception {
        String restCc = Api.uniqueId("par-rest");
        String lambdaCc = Api.uniqueId("par-lambda");
        Set<String> routesUsed = new TreeSet<>();
        for (Step step : scenario()) {
            Call viaRest = step.call().apply(restCc);
            Call viaLambda = step.call().apply(lambdaCc);
            boolean outage = step.name().contains("503");
            if (outage) {
                StoreProbe.fail(restCc, "GetItem", 1, () -> SdkClientException.create("connection refused"));
                StoreProbe.fail(lambdaCc, "GetItem", 1, () -> SdkClientException.create("connection refused"));
            }
            Answer rest = Channels.rest(viaRest);
            Answer lambda = Channels.lambda(viaLambda);
            StoreProbe.clearFaults(restCc);
            StoreProbe.clearFaults(lambdaCc);
            routesUsed.add(viaRest.routeKey());

            String what = step.name() + " (" + viaRest.routeKey() + ")";
            java.util.regex.Matcher code = java.util.regex.Pattern.compile(": (\\d{3})").matcher(step.name());
            assertThat(rest.status()).as(what + ": REST status " + rest.body())
                    .isEqualTo(code.find() ? Integer.parseInt(code.group(1)) : 200);
            assertThat(lambda.status()).as(what + ": status; REST answered " + rest.body())
                    .isEqualTo(rest.status());
            assertThat(lambda.headers()).as(what + ": headers").isEqualTo(rest.headers());
            String restBody = rest.body().replace(restCc, "{cc}");
            String lambdaBody = lambda.body().replace(lambdaCc, "{cc}");
            Answer maskedRest = new Answer(rest.status(), rest.headers(), restBody);
            Answer maskedLambda = new Answer(lambda.status(), lambda.headers(), lambdaBody);
            if (maskedRest.json() != null) {
                assertThat(maskedLambda.json()).as(what + ": JSON body").isEqualTo(maskedRest.json());
            } else {
                assertThat(lambdaBody).as(what + ": body").isEqualTo(restBody);
            }
        }
        assertThat(routesUsed).as("the scenario covers every route of the table")
                .containsExactlyInAnyOrderElementsOf(routes.routes().stream().map(ApiRoutes.Route::key).toList());
    }
}
