package com.ctipresence.domain;

import com.ctipresence.domain.CallCenterConfigDraft.StateDraft;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pre-delivered configurations an admin starts from. They carry no name or time zone: those are the call
 * center's own.
 *
 * <p>The Skype for Business reason codes are the availability numbers Lync / Skype for Business publish for each
 * state (Microsoft's "state/availability element" reference: 0–4499 Available, 6000–7499 Busy, 9000–11999 Do Not
 * Disturb, 12000–14999 Be Right Back, 15000–17999 Away, 18000+ Offline); each preset state uses the value the
 * Skype for Business client itself publishes for that state (3500, 6500, 9500, 12500, 15500, 18500).
 */
public final class Presets {
    public static final String STANDARD = "standard";
    public static final String SKYPE_FOR_BUSINESS = "skype-for-business";

    private static final Map<String, CallCenterConfigDraft> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put(STANDARD, new CallCenterConfigDraft(null, null, true, PbxMode.DIAL_COMMAND, 30, true,
                CallCenterConfigDraft.DEFAULT_UPDATE_SECONDS, false, true, List.of(
                new StateDraft("ready", "Ready for Calls", "*60", 1),
                new StateDraft("dnd", "Do Not Disturb", "*61", 4),
                new StateDraft("away", "Away", null, 3),
                new StateDraft("busy", "Busy", null, 5),
                new StateDraft("on-a-call", "On a call", null, 6),
                new StateDraft("offline", "Offline", null, 2),
                new StateDraft("logout", "Logout", null, 7))));
        PRESETS.put(SKYPE_FOR_BUSINESS, new CallCenterConfigDraft(null, null, true, PbxMode.SKYPE_FOR_BUSINESS, 30,
                true, CallCenterConfigDraft.DEFAULT_UPDATE_SECONDS, false, true, List.of(
                new StateDraft("available", "Available", "3500", 1),
                new StateDraft("busy", "Busy", "6500", 5),
                new StateDraft("do-not-disturb", "Do Not Disturb", "9500", 4),
                new StateDraft("be-right-back", "Be Right Back", "12500", 3),
                new StateDraft("away", "Away", "15500", 3),
                new StateDraft("in-a-call", "In a Call", "6500", 6),
                new StateDraft("appear-offline", "Appear Offline", "18500", 2),
                new StateDraft("sign-out", "Sign Out", "18500", 7))));
    }

    private Presets() {
    }

    public static Set<String> names() {
        return PRESETS.keySet();
    }

    public static Optional<CallCenterConfigDraft> byName(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }
}
