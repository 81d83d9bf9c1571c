package com.ctipresence.it;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import com.ctipresence.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged server with its embedded DynamoDB Local on disk: configuration and agents survive a crash and a
 * restart, and a wrap-up that ran out while the server was down is ended at start-up, stamped at wrapUpUntil.
 */
class RestartIT {
    /** An admin who is also agent a1 of acme: enough for everything this test does. */
    private static final String TOKEN = TestKeys.token("acme", "a1", "admin", "agent");

    @Test
    void dataAndPendingWrapUpsSurviveACrash(@TempDir Path dataDir) throws Exception {
        int dynamoPort = RunningServer.freePort();
        String until;
        try (RunningServer server = RunningServer.start(dataDir, dynamoPort)) {
            RestAssured.baseURI = server.url("");
            RestAssured.port = server.httpPort;
            given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("""
                    {"name":"Restart","callWrapUpSeconds":2,"activeCallChangesPresence":true,
                     "states":[{"id":"ready","label":"Ready for Calls","reasonCode":"*60","presenceStatus":1},
                               {"id":"dnd","label":"Do Not Disturb","reasonCode":"*61","presenceStatus":4},
                               {"id":"on-a-call","label":"On a call","presenceStatus":6},
                               {"id":"away","label":"Away","presenceStatus":3}]}
                    """).put("/v1/call-centers/acme").then().statusCode(200);
            given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"stateId\":\"away\"}")
                    .put("/v1/call-centers/acme/agents/a2/presence").then().statusCode(200); // as admin
            given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                    .body("{\"eventId\":\"e1\",\"type\":\"CONNECTED\",\"callId\":\"c1\"}")
                    .post("/v1/call-centers/acme/agents/a1/call-events").then().statusCode(200);
            until = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                    .body("{\"eventId\":\"e2\",\"type\":\"ENDED\",\"callId\":\"c1\",\"durationSeconds\":30}")
                    .post("/v1/call-centers/acme/agents/a1/call-events").then().statusCode(200)
                    .body("stateId", equalTo("dnd")).extract().path("wrapUpUntil");
            server.kill();
        }
        Duration left = Duration.between(Instant.now(), Instant.parse(until));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis() + 200); // let the wrap-up run out while nothing is running
        }
        try (RunningServer server = RunningServer.start(dataDir, dynamoPort)) {
            RestAssured.baseURI = server.url("");
            RestAssured.port = server.httpPort;
            given().auth().oauth2(TOKEN).get("/v1/call-centers/acme").then().statusCode(200)
                    .body("name", equalTo("Restart"));
            given().auth().oauth2(TOKEN).get("/v1/call-centers/acme/agents/a2/presence").then().statusCode(200)
                    .body("stateId", equalTo("away"));
            given().auth().oauth2(TOKEN).get("/v1/call-centers/acme/agents/a1/presence").then().statusCode(200)
                    .body("stateId", equalTo("ready"))
                    .body("since", equalTo(until))
                    .body("version", equalTo(3));
            assertThat(dataDir.resolve("shared-local-instance.db")).exists();
            // the development token endpoint does not exist in a production build
            given().get("/dev/token?sub=a1&callCenterId=acme&roles=admin").then().statusCode(404);
        } finally {
            RestAssured.reset();
        }
    }
}
