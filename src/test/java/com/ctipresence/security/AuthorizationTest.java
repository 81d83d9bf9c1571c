package com.ctipresence.security;

import com.ctipresence.support.Api;
import com.ctipresence.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Every role against every endpoint, other tenants, and every kind of bad token. */
@QuarkusTest
class AuthorizationTest {
    static final String CC = "acme-auth";
    static final String OTHER_CC = "globex-auth";

    /** Who calls: a subject of a call center with roles. */
    enum Who {
        SELF(CC, "a1", "agent"),
        OTHER_AGENT(CC, "a2", "agent"),
        SUPERVISOR(CC, "sup-1", "supervisor"),
        ADMIN(CC, "adm-1", "admin"),
        NO_ROLE(CC, "a1"),
        OTHER_TENANT_ADMIN(OTHER_CC, "a1", "admin", "supervisor", "agent");

        final String callCenterId;
        final String subject;
        final String[] roles;

        Who(String callCenterId, String subject, String... roles) {
            this.callCenterId = callCenterId;
            this.subject = subject;
            this.roles = roles;
        }

        RequestSpecification request() {
            return given().auth().oauth2(Tokens.of(callCenterId, subject, roles));
        }
    }

    /** One endpoint and who may call it (everyone else: 403 in the tenant, 404 from another tenant). */
    record Endpoint(String method, String path, String body, Set<Who> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String CONFIG = Api.config(30, true);
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/v1/presets", null, Set.of(Who.SELF, Who.OTHER_AGENT, Who.SUPERVISOR, Who.ADMIN,
                    Who.OTHER_TENANT_ADMIN)),
            new Endpoint("GET", "/v1/presets/standard", null, Set.of(Who.SELF, Who.OTHER_AGENT, Who.SUPERVISOR,
                    Who.ADMIN, Who.OTHER_TENANT_ADMIN)),
            new Endpoint("PUT", "/v1/call-centers/" + CC, CONFIG, Set.of(Who.ADMIN)),
            new Endpoint("GET", "/v1/call-centers/" + CC, null, Set.of(Who.SELF, Who.OTHER_AGENT, Who.SUPERVISOR,
                    Who.ADMIN)),
            new Endpoint("GET", "/v1/call-centers/" + CC + "/agents", null, Set.of(Who.SUPERVISOR, Who.ADMIN)),
            new Endpoint("GET", "/v1/call-centers/" + CC + "/agents/a1/presence", null,
                    Set.of(Who.SELF, Who.SUPERVISOR, Who.ADMIN)),
            new Endpoint("PUT", "/v1/call-centers/" + CC + "/agents/a1/presence", "{\"stateId\":\"ready\"}",
                    Set.of(Who.SELF, Who.SUPERVISOR, Who.ADMIN)),
            new Endpoint("POST", "/v1/call-centers/" + CC + "/agents/a1/call-events",
                    "{\"eventId\":\"auth-e1\",\"type\":\"DIALING\",\"callId\":\"c1\"}", Set.of(Who.SELF)),
            new Endpoint("GET", "/v1/call-centers/" + CC + "/time-tracking?from=2026-11-01&to=2026-11-02", null,
                    Set.of(Who.SUPERVISOR, Who.ADMIN)),
            new Endpoint("GET", "/v1/call-centers/" + CC + "/time-tracking?from=2026-11-01&to=2026-11-02&agentId=a1",
                    null, Set.of(Who.SELF, Who.SUPERVISOR, Who.ADMIN)),
            new Endpoint("GET", "/v1/call-centers/" + CC + "/agents/a1/history", null,
                    Set.of(Who.SELF, Who.SUPERVISOR, Who.ADMIN)),
            new Endpoint("GET", "/v1/call-centers/" + CC + "/agents/a1/profile", null,
                    Set.of(Who.SELF, Who.SUPERVISOR, Who.ADMIN)),
            new Endpoint("PUT", "/v1/call-centers/" + CC + "/agents/a1/profile", "{\"displayName\":\"Ada\"}",
                    Set.of(Who.ADMIN)));

    @BeforeEach
    void callCenterWithAgent() {
        Who.ADMIN.request().contentType(ContentType.JSON).body(CONFIG).put("/v1/call-centers/" + CC).then()
                .statusCode(200);
        Who.SELF.request().contentType(ContentType.JSON).body("{\"stateId\":\"ready\"}")
                .put("/v1/call-centers/" + CC + "/agents/a1/presence").then().statusCode(200);
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (Who who : Who.values()) {
                int expected;
                if (e.allowed().contains(who)) {
                    expected = 200;
                } else if (who == Who.OTHER_TENANT_ADMIN) {
                    expected = 404;
                } else {
                    expected = 403;
                }
                cases.add(Arguments.of(e, who, expected));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("everyEndpointForEveryCaller")
    void rolesAndTenants(Endpoint endpoint, Who who, int expected) {
        var response = send(who.request(), endpoint).then().statusCode(expected);
        if (expected >= 400) {
            response.contentType("application/problem+json").body("status", equalTo(expected));
        }
    }

    @ParameterizedTest(name = "{0} without a token -> 401")
    @MethodSource("endpoints")
    void everyEndpointNeedsAToken(Endpoint endpoint) {
        send(given(), endpoint).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    static Stream<Endpoint> endpoints() {
        return ENDPOINTS.stream();
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", Tokens.expired(CC, "a1", "agent")),
                Arguments.of("forged", Tokens.forged(CC, "a1", "agent")),
                Arguments.of("unsigned", Tokens.unsigned(CC, "a1", "agent")),
                Arguments.of("wrong issuer", Tokens.wrongIssuer(CC, "a1", "agent")),
                Arguments.of("garbage", "not-a-jwt"),
                Arguments.of("tampered", tamper(Tokens.of(CC, "a1", "agent"))));
    }

    /** A valid token whose payload is changed to claim the admin role: the signature no longer matches. */
    static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"agent\"", "\"admin\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
    }

    @ParameterizedTest(name = "{0} token -> 401")
    @MethodSource("badTokens")
    void badTokensAreRefused(String kind, String token) {
        given().auth().oauth2(token).get("/v1/call-centers/" + CC + "/agents/a1/presence").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"stateId\":\"dnd\"}")
                .put("/v1/call-centers/" + CC + "/agents/a1/presence").then().statusCode(401);
    }

    @Test
    void aSupervisorsChangeIsRecordedAsAdminWithTheSupervisorsId() {
        Who.SUPERVISOR.request().contentType(ContentType.JSON).body("{\"stateId\":\"away\"}")
                .put("/v1/call-centers/" + CC + "/agents/a3/presence").then().statusCode(200);
        JsonPath history = Who.SUPERVISOR.request().get("/v1/call-centers/" + CC + "/agents/a3/history").then()
                .statusCode(200).extract().jsonPath();
        assertThat(history.getList("cause")).containsExactly("ADMIN");
        assertThat(history.getList("actorId")).containsExactly("sup-1");
        Who.SELF.request().get("/v1/call-centers/" + CC + "/agents/a1/history").then().statusCode(200);
    }

    @Test
    void anotherTenantCannotTellWhetherACallCenterExists() {
        String existing = Who.OTHER_TENANT_ADMIN.request().get("/v1/call-centers/" + CC).then().statusCode(404)
                .extract().path("detail");
        String missing = given().auth().oauth2(Tokens.of("nowhere", "x", "admin"))
                .get("/v1/call-centers/nowhere").then().statusCode(404).extract().path("detail");
        assertThat(existing.replace(CC, "?")).isEqualTo(missing.replace("nowhere", "?"));
    }

    @Test
    void everyApiOperationInTheOpenApiDocumentRequiresAToken() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        int checked = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x1");
            for (String method : path.getValue().keySet()) {
                given().contentType(ContentType.JSON).body("{}").request(method.toUpperCase(), concrete).then()
                        .statusCode(401);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(ENDPOINTS.size() - 1);
    }

    private static io.restassured.response.Response send(RequestSpecification request, Endpoint e) {
        if (e.body() != null) {
            request.contentType(ContentType.JSON).body(e.body());
        }
        return request.request(e.method(), e.path());
    }
}
