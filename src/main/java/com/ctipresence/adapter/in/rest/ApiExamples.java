package com.ctipresence.adapter.in.rest;

/** Examples of the OpenAPI document (compile-time constants, so that annotations can name them). */
final class ApiExamples {
    private ApiExamples() {
    }

    static final String CALL_CENTER_ID = "Id of the call center: 1-128 characters of [A-Za-z0-9._:@-]. A caller "
            + "of another call center is answered 404, as for one that does not exist";
    static final String AGENT_ID = "Id of the agent (the sub claim of the agent's token): 1-128 characters of "
            + "[A-Za-z0-9._:@-]";

    static final String CONFIGURATION = """
            {"callCenterId":"acme","name":"Support EMEA","timeZone":"Europe/Berlin","presenceEnabled":true,
             "pbxMode":"DIAL_COMMAND","callWrapUpSeconds":30,"timeTrackingEnabled":true,
             "timeTrackingUpdateSeconds":60,"omniChannelEnabled":false,"activeCallChangesPresence":true,
             "states":[{"id":"ready","label":"Ready for Calls","reasonCode":"*60","presenceStatus":1},
                       {"id":"dnd","label":"Do Not Disturb","reasonCode":"*61","presenceStatus":4},
                       {"id":"away","label":"Away","presenceStatus":3},
                       {"id":"on-a-call","label":"On a call","presenceStatus":6}]}""";

    static final String CONFIGURATION_REQUEST = """
            {"name":"Support EMEA","timeZone":"Europe/Berlin","pbxMode":"DIAL_COMMAND","callWrapUpSeconds":30,
             "activeCallChangesPresence":true,
             "states":[{"id":"ready","label":"Ready for Calls","reasonCode":"*60","presenceStatus":1},
                       {"id":"dnd","label":"Do Not Disturb","reasonCode":"*61","presenceStatus":4},
                       {"id":"on-a-call","label":"On a call","presenceStatus":6}]}""";

    static final String PRESET = """
            {"presenceEnabled":true,"pbxMode":"DIAL_COMMAND","callWrapUpSeconds":30,"timeTrackingEnabled":true,
             "timeTrackingUpdateSeconds":60,"omniChannelEnabled":false,"activeCallChangesPresence":true,
             "states":[{"id":"ready","label":"Ready for Calls","reasonCode":"*60","presenceStatus":1},
                       {"id":"dnd","label":"Do Not Disturb","reasonCode":"*61","presenceStatus":4}]}""";

    static final String PRESET_NAMES = """
            ["standard","skype-for-business"]""";

    static final String PRESENCE = """
            {"callCenterId":"acme","agentId":"a1","stateId":"dnd","label":"Do Not Disturb","presenceStatus":4,
             "reasonCode":"*61","since":"2026-11-23T10:00:00.123Z","wrapUpUntil":"2026-11-23T10:00:30.123Z",
             "activeCallId":null,"activeCallIds":[],"version":7,"secondsInState":12,
             "today":{"ready":3600,"dnd":132,"on-a-call":1805},
             "todayMillis":{"ready":3600120,"dnd":132380,"on-a-call":1804600},"displayName":"Ada Lovelace",
             "pbxCommand":"*61","delivery":{"teams":{"status":"DELIVERED","version":7,"attempts":1,"lastError":null}}}""";

    static final String PRESENCES = "[" + PRESENCE + "]";

    static final String PROFILE = """
            {"displayName":"Ada Lovelace","extension":"4711","sipAddress":"sip:ada@example.com",
             "entraUserId":"7a1f0c3e-5b2d-4c8e-9f10-2a3b4c5d6e7f","salesforceUserId":"005000000000001AAA"}""";

    static final String PRESENCE_CHANGE = """
            {"stateId":"dnd"}""";

    static final String CALL_EVENT = """
            {"eventId":"e-2","type":"ENDED","callId":"c-9","internal":false,"durationSeconds":42}""";

    static final String DAY_TOTALS = """
            [{"agentId":"a1","date":"2026-11-23","stateId":"ready","label":"Ready for Calls","presenceStatus":1,
              "seconds":14400,"removed":false,"millis":14400000},
             {"agentId":"a1","date":"2026-11-23","stateId":"dnd","label":"Do Not Disturb","presenceStatus":4,
              "seconds":900,"removed":false,"millis":899600}]""";

    static final String DAY_TOTALS_CSV = "agentId,date,stateId,label,presenceStatus,seconds,removed\r\n"
            + "a1,2026-11-23,ready,Ready for Calls,1,14400,false\r\n"
            + "a1,2026-11-23,dnd,Do Not Disturb,4,900,false\r\n";

    static final String HISTORY = """
            [{"at":"2026-11-23T10:00:00.123Z","fromStateId":"on-a-call","toStateId":"dnd","cause":"CALL_EVENT",
              "eventId":"e-2","actorId":"a1","version":7},
             {"at":"2026-11-23T10:00:30.123Z","fromStateId":"dnd","toStateId":"ready","cause":"WRAP_UP_EXPIRY",
              "eventId":null,"actorId":null,"version":8}]""";
}
