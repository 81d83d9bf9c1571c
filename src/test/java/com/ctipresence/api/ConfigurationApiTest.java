package com.ctipresence.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static com.ctipresence.support.Api.asAdmin;
import static com.ctipresence.support.Api.config;
import static com.ctipresence.support.Api.putConfig;
import static com.ctipresence.support.Api.uniqueId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ConfigurationApiTest {

    @Test
    void putThenGetReturnsTheConfiguration() {
        String cc = uniqueId("cc");
        putConfig(cc, config(30, true)).statusCode(200)
                .body("callCenterId", equalTo(cc))
                .body("name", equalTo("Support EMEA"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("callWrapUpSeconds", equalTo(30))
                .body("pbxMode", equalTo("DIAL_COMMAND"))
                .body("states.id", contains("ready", "dnd", "away", "on-a-call", "offline", "logout"));
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(200)
                .body("activeCallChangesPresence", equalTo(true))
                .body("states[1].reasonCode", equalTo("*61"))
                .body("states[1].presenceStatus", equalTo(4));
    }

    @Test
    void defaultsApplyToOmittedFields() {
        String cc = uniqueId("cc");
        putConfig(cc, "{\"states\":[{\"id\":\"ready\",\"label\":\"Ready\",\"presenceStatus\":1}]}").statusCode(200)
                .body("name", equalTo(cc))
                .body("timeZone", equalTo("UTC"))
                .body("presenceEnabled", equalTo(true))
                .body("pbxMode", equalTo("NOT_SENT"))
                .body("callWrapUpSeconds", equalTo(0))
                .body("timeTrackingUpdateSeconds", equalTo(60));
    }

    @Test
    void whatGetAnswersCanBePutBack() {
        String cc = uniqueId("cc");
        String stored = putConfig(cc, config(30, true)).statusCode(200).extract().asString();
        putConfig(cc, stored).statusCode(200).body("callCenterId", equalTo(cc));
        putConfig(uniqueId("other"), stored).statusCode(400)
                .body("errors.field", contains("callCenterId"));
    }

    @Test
    void presetsAreListedAndCanBeUsedAsTheyAre() {
        asAdmin("any").get("/v1/presets").then().statusCode(200).body("$", hasItems("standard", "skype-for-business"));
        String standard = asAdmin("any").get("/v1/presets/standard").then().statusCode(200)
                .body("name", nullValue())
                .body("timeZone", nullValue())
                .body("states.label", contains("Ready for Calls", "Do Not Disturb", "Away", "Busy", "On a call",
                        "Offline", "Logout"))
                .body("states.presenceStatus", contains(1, 4, 3, 5, 6, 2, 7))
                .body("states[0].reasonCode", equalTo("*60"))
                .extract().asString();
        asAdmin("any").get("/v1/presets/skype-for-business").then().statusCode(200)
                .body("pbxMode", equalTo("SKYPE_FOR_BUSINESS"))
                .body("states.reasonCode", hasItems("3500", "6500", "9500", "15500", "18500"));
        putConfig(uniqueId("cc"), standard).statusCode(200);
        asAdmin("any").get("/v1/presets/nope").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("nope"));
    }

    @Test
    void unknownCallCenterIs404() {
        asAdmin("missing").get("/v1/call-centers/{cc}", "missing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not found"));
    }

    @Test
    void everyBrokenRuleIsNamedAndNothingIsStored() {
        String cc = uniqueId("cc");
        putConfig(cc, """
                {"timeZone":"Mars/Olympus","callWrapUpSeconds":1000,"timeTrackingUpdateSeconds":0,
                 "activeCallChangesPresence":true,
                 "states":[{"id":"ready","label":"Ready","presenceStatus":1},
                           {"id":"ready","label":"ready","presenceStatus":8},
                           {"id":"bad id!","label":"","presenceStatus":3}]}
                """).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("timeZone", "callWrapUpSeconds", "timeTrackingUpdateSeconds",
                        "states[1].id", "states[1].label", "states[1].presenceStatus", "states[2].id",
                        "states[2].label"));
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(404);
    }

    @Test
    void requiredStatesFollowTheOptions() {
        putConfig(uniqueId("cc"), """
                {"callWrapUpSeconds":30,"activeCallChangesPresence":true,
                 "states":[{"id":"away","label":"Away","presenceStatus":3}]}
                """).statusCode(400)
                .body("errors.message", hasItems(containsString("Ready state"), containsString("Do Not Disturb"),
                        containsString("On a call")));
    }

    @Test
    void replacingAConfigurationKeepsNothingOfTheOldOne() {
        String cc = uniqueId("cc");
        putConfig(cc, config(30, true)).statusCode(200);
        putConfig(cc, "{\"states\":[{\"id\":\"ready\",\"label\":\"Ready\",\"presenceStatus\":1}]}").statusCode(200);
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().body("states", hasSize(1))
                .body("callWrapUpSeconds", equalTo(0));
    }

    @Test
    void malformedJsonIs400() {
        String cc = uniqueId("cc");
        putConfig(cc, "{\"states\":[").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        putConfig(cc, "{\"states\":[]} trailing").statusCode(400);
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(404);
    }

    @Test
    void wrongTypesUnknownFieldsAndEnumsAreNamed() {
        String cc = uniqueId("cc");
        String states = "\"states\":[{\"id\":\"ready\",\"label\":\"Ready\",\"presenceStatus\":1}]";
        putConfig(cc, "{\"callWrapUpSeconds\":\"30\"," + states + "}").statusCode(400)
                .body("errors[0].field", equalTo("callWrapUpSeconds"));
        putConfig(cc, "{\"callWrapUpSeconds\":1.5," + states + "}").statusCode(400)
                .body("errors[0].field", equalTo("callWrapUpSeconds"));
        putConfig(cc, "{\"presenceEnabled\":1," + states + "}").statusCode(400)
                .body("errors[0].field", equalTo("presenceEnabled"));
        putConfig(cc, "{\"pbxMode\":\"FAX\"," + states + "}").statusCode(400)
                .body("errors[0].field", equalTo("pbxMode"))
                .body("errors[0].message", containsString("DIAL_COMMAND"));
        putConfig(cc, "{\"wrapup\":5," + states + "}").statusCode(400)
                .body("errors[0].field", equalTo("wrapup"));
        putConfig(cc, "{\"states\":[{\"id\":\"ready\",\"label\":\"Ready\",\"presenceStatus\":\"1\"}]}")
                .statusCode(400).body("errors[0].field", equalTo("states[0].presenceStatus"));
        putConfig(cc, "{\"name\":\"a\",\"name\":\"b\"," + states + "}").statusCode(400)
                .body("errors[0].field", equalTo("name")).body("errors[0].message", containsString("more than once"));
        putConfig(cc, "{\"name\":42," + states + "}").statusCode(400)
                .body("errors[0].field", equalTo("name"));
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(404);
    }

    @Test
    void invalidPathIdIs400() {
        putConfig("bad id", config(0, false)).statusCode(400).body("errors.field", hasItem("callCenterId"));
        asAdmin("x".repeat(129)).get("/v1/call-centers/{cc}", "x".repeat(129)).then().statusCode(400);
    }

    @Test
    void problemsAreAnsweredForUnknownPathsAndMethodsToo() {
        asAdmin("any").get("/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        asAdmin("cc-text").contentType(ContentType.TEXT).body("x").put("/v1/call-centers/{cc}", "cc-text").then()
                .statusCode(415).contentType("application/problem+json");
        asAdmin("any").delete("/v1/presets").then().statusCode(405).contentType("application/problem+json")
                .body("status", not(equalTo(500)));
        String cc = uniqueId("cc");
        putConfig(cc, "{\"name\":\"" + "n".repeat(70_000) + "\"}").statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
        asAdmin(cc).get("/v1/call-centers/{cc}", cc).then().statusCode(404);
    }
}
