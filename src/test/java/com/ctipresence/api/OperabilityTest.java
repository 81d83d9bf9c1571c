package com.ctipresence.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/** API documentation and health, open without a token. */
@QuarkusTest
class OperabilityTest {

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndSchema() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        for (String path : new String[]{"/v1/presets", "/v1/presets/{name}", "/v1/call-centers/{callCenterId}",
                "/v1/call-centers/{callCenterId}/agents",
                "/v1/call-centers/{callCenterId}/agents/{agentId}/presence",
                "/v1/call-centers/{callCenterId}/agents/{agentId}/call-events",
                "/v1/call-centers/{callCenterId}/agents/{agentId}/history",
                "/v1/call-centers/{callCenterId}/time-tracking"}) {
            doc.body("paths", hasKey(path));
        }
        for (String schema : new String[]{"Configuration", "PresenceState", "AgentPresence", "PresenceChange",
                "CallEvent", "Problem", "DayTotal", "HistoryEntry"}) {
            doc.body("components.schemas", hasKey(schema));
        }
        doc.body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/v1/call-centers/{callCenterId}'.put.responses", hasKey("400"))
                .body("paths.'/v1/call-centers/{callCenterId}'.put.responses", hasKey("401"))
                .body("paths.'/v1/presets'.get.responses", hasKey("403"))
                .body("paths.'/v1/presets'.get.security[0]", hasKey("bearer"))
                .body("components.schemas.AgentPresence.properties", hasKey("secondsInState"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void readinessIncludesTheDynamoDbCheck() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("dynamodb"))
                .body("checks.find { it.name == 'dynamodb' }.data.tableStatus", equalTo("ACTIVE"));
        given().get("/q/health/live").then().statusCode(200).body("status", notNullValue());
    }
}
