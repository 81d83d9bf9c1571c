package com.ctipresence.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small helpers over the REST API for tests; each test works in call centers of its own. */
public final class Api {
    private Api() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A configuration body: ready/dnd/away/on-a-call/offline/logout, with the given wrap-up and options. */
    public static String config(int wrapUpSeconds, boolean activeCallChangesPresence) {
        return """
                {"name":"Support EMEA","timeZone":"Europe/Berlin","presenceEnabled":true,
                 "pbxMode":"DIAL_COMMAND","callWrapUpSeconds":%d,"timeTrackingEnabled":true,
                 "timeTrackingUpdateSeconds":60,"omniChannelEnabled":false,"activeCallChangesPresence":%b,
                 "states":[{"id":"ready","label":"Ready for Calls","reasonCode":"*60","presenceStatus":1},
                           {"id":"dnd","label":"Do Not Disturb","reasonCode":"*61","presenceStatus":4},
                           {"id":"away","label":"Away","presenceStatus":3},
                           {"id":"on-a-call","label":"On a call","presenceStatus":6},
                           {"id":"offline","label":"Offline","presenceStatus":2},
                           {"id":"logout","label":"Logout","presenceStatus":7}]}
                """.formatted(wrapUpSeconds, activeCallChangesPresence);
    }

    /** A request with the bearer token of {@code subject} in {@code callCenterId} with these roles. */
    public static RequestSpecification as(String callCenterId, String subject, String... roles) {
        return given().auth().oauth2(Tokens.of(callCenterId, subject, roles));
    }

    public static RequestSpecification asAdmin(String callCenterId) {
        return as(callCenterId, "admin-1", "admin");
    }

    public static RequestSpecification asSupervisor(String callCenterId) {
        return as(callCenterId, "supervisor-1", "supervisor");
    }

    public static RequestSpecification asAgent(String callCenterId, String agentId) {
        return as(callCenterId, agentId, "agent");
    }

    public static ValidatableResponse putConfig(String callCenterId, String body) {
        return asAdmin(callCenterId).contentType(ContentType.JSON).body(body)
                .put("/v1/call-centers/{cc}", callCenterId).then().log().ifValidationFails();
    }

    /** A new call center with the standard test configuration. */
    public static String newCallCenter(int wrapUpSeconds, boolean activeCallChangesPresence) {
        String cc = uniqueId("cc");
        putConfig(cc, config(wrapUpSeconds, activeCallChangesPresence)).statusCode(200);
        return cc;
    }

    public static ValidatableResponse setState(String cc, String agentId, String stateId) {
        return asAgent(cc, agentId).contentType(ContentType.JSON).body("{\"stateId\":\"" + stateId + "\"}")
                .put("/v1/call-centers/{cc}/agents/{agent}/presence", cc, agentId).then();
    }

    public static ValidatableResponse presence(String cc, String agentId) {
        return asAgent(cc, agentId).get("/v1/call-centers/{cc}/agents/{agent}/presence", cc, agentId).then();
    }

    public static ValidatableResponse callEvent(String cc, String agentId, String body) {
        return asAgent(cc, agentId).contentType(ContentType.JSON).body(body)
                .post("/v1/call-centers/{cc}/agents/{agent}/call-events", cc, agentId).then();
    }

    public static String event(String eventId, String type, String callId, boolean internal, Integer duration) {
        return "{\"eventId\":\"%s\",\"type\":\"%s\",\"callId\":\"%s\",\"internal\":%b%s}".formatted(eventId, type,
                callId, internal, duration == null ? "" : ",\"durationSeconds\":" + duration);
    }
}
