package com.ctipresence.domain.delivery;

import com.ctipresence.domain.PbxMode;
import com.ctipresence.domain.PresenceState;
import com.ctipresence.domain.PresenceStatus;

import java.util.List;

/**
 * A Microsoft Teams session presence: one of the availability/activity pairs Graph's {@code setPresence} accepts
 * for an application session. A state without an explicit pair gets {@link #defaultFor}; null means "clear the
 * session presence" (Offline, Logout).
 */
public record TeamsPresence(String availability, String activity) {

    /** The pairs Graph accepts for session presence (setPresence). */
    public static final List<TeamsPresence> ALLOWED = List.of(
            new TeamsPresence("Available", "Available"),
            new TeamsPresence("Busy", "InACall"),
            new TeamsPresence("Busy", "InAConferenceCall"),
            new TeamsPresence("Away", "Away"),
            new TeamsPresence("DoNotDisturb", "Presenting"));

    public static final TeamsPresence AVAILABLE = ALLOWED.get(0);
    public static final TeamsPresence IN_A_CALL = ALLOWED.get(1);
    public static final TeamsPresence AWAY = ALLOWED.get(3);
    public static final TeamsPresence DO_NOT_DISTURB = ALLOWED.get(4);

    public boolean allowed() {
        return ALLOWED.contains(this);
    }

    /**
     * The default pair of a state: with pbxMode SKYPE_FOR_BUSINESS and a numeric availability code, by Skype's code
     * ranges (0-4499 Available, 6000-7499 Busy, 9000-11999 Do not disturb, 12000-17999 Be right back/Away,
     * 18000+ Offline); otherwise by presence status: 1 Ready Available, 6 On a call Busy/InACall, 4 DND
     * DoNotDisturb/Presenting, 3 Away and 5 Busy Away/Away, 2 Offline and 7 Logout: null (clear presence).
     */
    public static TeamsPresence defaultFor(PresenceState state, PbxMode mode) {
        if (mode == PbxMode.SKYPE_FOR_BUSINESS && state.reasonCode() != null
                && state.reasonCode().matches("[0-9]{1,5}")) {
            int code = Integer.parseInt(state.reasonCode());
            if (code < 4500) {
                return AVAILABLE;
            }
            if (code >= 6000 && code < 7500) {
                return IN_A_CALL;
            }
            if (code >= 9000 && code < 12000) {
                return DO_NOT_DISTURB;
            }
            if (code >= 12000 && code < 18000) {
                return AWAY;
            }
            if (code >= 18000) {
                return null;
            }
        }
        return byStatus(state.status());
    }

    static TeamsPresence byStatus(PresenceStatus status) {
        return switch (status) {
            case ONLINE -> AVAILABLE;
            case ON_A_CALL -> IN_A_CALL;
            case DND -> DO_NOT_DISTURB;
            case AWAY, BUSY -> AWAY;
            case OFFLINE, LOGOUT -> null;
        };
    }
}
