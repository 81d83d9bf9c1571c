package com.ctipresence.domain;

import com.ctipresence.domain.CallCenterConfigDraft.StateDraft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper: a {@link CallCenterConfigDraft} where every field starts missing (null), as an admin could send it,
 * except the states, which start as the smallest valid list (one Ready state).
 */
final class ConfigDraftBuilder {
    static final String CALL_CENTER_ID = "cc-1";

    private String name;
    private String timeZone;
    private Boolean presenceEnabled;
    private PbxMode pbxMode;
    private Integer callWrapUpSeconds;
    private Boolean timeTrackingEnabled;
    private Integer timeTrackingUpdateSeconds;
    private Boolean omniChannelEnabled;
    private Boolean activeCallChangesPresence;
    private List<StateDraft> states = List.of(state("ready", "Ready for Calls", null, 1));

    private ConfigDraftBuilder() {
    }

    static ConfigDraftBuilder draft() {
        return new ConfigDraftBuilder();
    }

    /**
     * The configuration the presence rules are tested with: wrap-up 30 s, active calls change presence, and every
     * status the rules look up (1, 4, 6) configured twice, so a test can tell "the first state of the status" apart.
     */
    static ConfigDraftBuilder rulesConfig() {
        return draft().callWrapUpSeconds(30).activeCallChangesPresence(true).states(
                state("ready", "Ready for Calls", "*60", 1),
                state("dnd", "Do Not Disturb", "*61", 4),
                state("away", "Away", null, 3),
                state("on-a-call", "On a call", null, 6),
                state("ready-outbound", "Ready (outbound only)", null, 1),
                state("training", "Training", null, 4),
                state("conference", "In a conference", null, 6),
                state("busy", "Busy", null, 5),
                state("offline", "Offline", null, 2),
                state("logout", "Logout", null, 7));
    }

    static StateDraft state(String id, String label, String reasonCode, Integer presenceStatus) {
        return new StateDraft(id, label, reasonCode, presenceStatus);
    }

    /** A state whose label is its id, for tests that do not care about labels. */
    static StateDraft state(String id, Integer presenceStatus) {
        return new StateDraft(id, id, null, presenceStatus);
    }

    ConfigDraftBuilder name(String value) {
        name = value;
        return this;
    }

    ConfigDraftBuilder timeZone(String value) {
        timeZone = value;
        return this;
    }

    ConfigDraftBuilder presenceEnabled(Boolean value) {
        presenceEnabled = value;
        return this;
    }

    ConfigDraftBuilder pbxMode(PbxMode value) {
        pbxMode = value;
        return this;
    }

    ConfigDraftBuilder callWrapUpSeconds(Integer value) {
        callWrapUpSeconds = value;
        return this;
    }

    ConfigDraftBuilder timeTrackingEnabled(Boolean value) {
        timeTrackingEnabled = value;
        return this;
    }

    ConfigDraftBuilder timeTrackingUpdateSeconds(Integer value) {
        timeTrackingUpdateSeconds = value;
        return this;
    }

    ConfigDraftBuilder omniChannelEnabled(Boolean value) {
        omniChannelEnabled = value;
        return this;
    }

    ConfigDraftBuilder activeCallChangesPresence(Boolean value) {
        activeCallChangesPresence = value;
        return this;
    }

    /** Null entries are kept (an admin can send {@code null} in the list). */
    ConfigDraftBuilder states(StateDraft... value) {
        states = Arrays.asList(value);
        return this;
    }

    ConfigDraftBuilder states(List<StateDraft> value) {
        states = value == null ? null : new ArrayList<>(value);
        return this;
    }

    CallCenterConfigDraft build() {
        return new CallCenterConfigDraft(name, timeZone, presenceEnabled, pbxMode, callWrapUpSeconds,
                timeTrackingEnabled, timeTrackingUpdateSeconds, omniChannelEnabled, activeCallChangesPresence,
                states);
    }

    /** Validates for {@link #CALL_CENTER_ID}. */
    CallCenterConfig validate() {
        return build().validate(CALL_CENTER_ID);
    }
}
