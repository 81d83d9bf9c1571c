package com.ctipresence.domain;

import com.ctipresence.domain.delivery.DeliveryConfig;
import com.ctipresence.domain.delivery.DeliveryDraft;
import com.ctipresence.domain.delivery.StateTargets;
import com.ctipresence.domain.delivery.TeamsPresence;
import com.ctipresence.domain.delivery.UrlCheck;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A configuration as an admin sent it: every field may be missing. {@link #validate(String)} applies the defaults
 * and every rule, and reports all offending fields at once.
 */
public record CallCenterConfigDraft(
        String name,
        String timeZone,
        Boolean presenceEnabled,
        PbxMode pbxMode,
        Integer callWrapUpSeconds,
        Boolean timeTrackingEnabled,
        Integer timeTrackingUpdateSeconds,
        Boolean omniChannelEnabled,
        Boolean activeCallChangesPresence,
        List<StateDraft> states,
        DeliveryDraft delivery) {

    /** A draft without a {@code delivery} object. */
    public CallCenterConfigDraft(String name, String timeZone, Boolean presenceEnabled, PbxMode pbxMode,
                                 Integer callWrapUpSeconds, Boolean timeTrackingEnabled,
                                 Integer timeTrackingUpdateSeconds, Boolean omniChannelEnabled,
                                 Boolean activeCallChangesPresence, List<StateDraft> states) {
        this(name, timeZone, presenceEnabled, pbxMode, callWrapUpSeconds, timeTrackingEnabled,
                timeTrackingUpdateSeconds, omniChannelEnabled, activeCallChangesPresence, states, null);
    }

    public static final int MAX_STATES = 50;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_LABEL_LENGTH = 100;
    public static final int MAX_REASON_CODE_LENGTH = 32;
    public static final int DEFAULT_UPDATE_SECONDS = 60;
    public static final String DEFAULT_TIME_ZONE = "UTC";

    /** One state as sent; {@code presenceStatus} is the manual's code 1–7. */
    public record StateDraft(String id, String label, String reasonCode, Integer presenceStatus,
                             String omniChannelStatusId, TeamsPresence teams) {
        public StateDraft(String id, String label, String reasonCode, Integer presenceStatus) {
            this(id, label, reasonCode, presenceStatus, null, null);
        }
    }

    /** Validates with only the shape of outbound URLs checked (the use case applies the outbound URL policy). */
    public CallCenterConfig validate(String callCenterId) {
        return validate(callCenterId, UrlCheck.SHAPE);
    }

    /**
     * Applies the defaults and every rule; {@code urls} decides which outbound URLs of the {@code delivery} object
     * may be called. Without a {@code delivery} object nothing is sent anywhere (configurations from before it
     * existed stay valid as they are, also with omniChannelEnabled).
     */
    public CallCenterConfig validate(String callCenterId, UrlCheck urls) {
        List<FieldError> errors = new ArrayList<>();
        Ids.check("callCenterId", callCenterId, errors);
        String effectiveName = name == null ? callCenterId : name.strip();
        if (effectiveName != null && (effectiveName.isEmpty() || effectiveName.length() > MAX_NAME_LENGTH)) {
            errors.add(new FieldError("name", "must be 1-" + MAX_NAME_LENGTH + " characters"));
        }
        ZoneId zone = parseZone(errors);
        int wrapUp = range("callWrapUpSeconds", callWrapUpSeconds, 0, 0, 999, errors);
        int updateSeconds = range("timeTrackingUpdateSeconds", timeTrackingUpdateSeconds,
                DEFAULT_UPDATE_SECONDS, 1, 999, errors);
        PbxMode mode = pbxMode == null ? PbxMode.NOT_SENT : pbxMode;
        boolean activeCall = Boolean.TRUE.equals(activeCallChangesPresence);
        List<PresenceState> parsed = parseStates(mode, errors);
        if (parsed != null) {
            requireStatus(parsed, PresenceStatus.ONLINE, "a Ready state (presenceStatus 1) is required", errors);
            if (wrapUp > 0) {
                requireStatus(parsed, PresenceStatus.DND,
                        "a Do Not Disturb state (presenceStatus 4) is required when callWrapUpSeconds > 0", errors);
            }
            if (activeCall) {
                requireStatus(parsed, PresenceStatus.ON_A_CALL,
                        "an On a call state (presenceStatus 6) is required when activeCallChangesPresence is true",
                        errors);
            }
        }
        DeliveryConfig targets = delivery == null ? DeliveryConfig.NONE
                : delivery.validate(mode, Boolean.TRUE.equals(omniChannelEnabled), urls, errors);
        Map<String, StateTargets> perState = stateTargets(errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new CallCenterConfig(callCenterId, effectiveName, zone,
                presenceEnabled == null || presenceEnabled, mode, wrapUp,
                timeTrackingEnabled == null || timeTrackingEnabled, updateSeconds,
                Boolean.TRUE.equals(omniChannelEnabled), activeCall, parsed, targets, perState);
    }

    private Map<String, StateTargets> stateTargets(List<FieldError> errors) {
        Map<String, StateTargets> result = new HashMap<>();
        if (states == null || states.size() > MAX_STATES) {
            return result;
        }
        for (int i = 0; i < states.size(); i++) {
            StateDraft s = states.get(i);
            if (s != null && (s.omniChannelStatusId() != null || s.teams() != null)) {
                StateTargets t = DeliveryDraft.validateState("states[" + i + "]", s.omniChannelStatusId(), s.teams(),
                        errors);
                if (s.id() != null) {
                    result.put(s.id(), t);
                }
            }
        }
        return result;
    }

    private ZoneId parseZone(List<FieldError> errors) {
        String zone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
            return null;
        }
        return ZoneId.of(zone);
    }

    private static int range(String field, Integer value, int dflt, int min, int max, List<FieldError> errors) {
        if (value == null) {
            return dflt;
        }
        if (value < min || value > max) {
            errors.add(new FieldError(field, "must be between " + min + " and " + max));
        }
        return value;
    }

    private List<PresenceState> parseStates(PbxMode mode, List<FieldError> errors) {
        if (states == null || states.isEmpty()) {
            errors.add(new FieldError("states", "must list at least one state"));
            return null;
        }
        if (states.size() > MAX_STATES) {
            errors.add(new FieldError("states", "must list at most " + MAX_STATES + " states"));
            return null;
        }
        List<PresenceState> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> labels = new HashSet<>();
        int before = errors.size();
        for (int i = 0; i < states.size(); i++) {
            String path = "states[" + i + "]";
            StateDraft s = states.get(i);
            if (s == null) {
                errors.add(new FieldError(path, "must be an object"));
                continue;
            }
            Ids.check(path + ".id", s.id(), errors);
            if (s.id() != null && !ids.add(s.id())) {
                errors.add(new FieldError(path + ".id", "duplicates another state's id '" + s.id() + "'"));
            }
            String label = s.label() == null ? null : s.label().strip();
            if (label == null || label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
                errors.add(new FieldError(path + ".label", "must be 1-" + MAX_LABEL_LENGTH + " characters"));
            } else if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(path + ".label", "duplicates another state's label '" + label + "'"));
            }
            checkReasonCode(path + ".reasonCode", s.reasonCode(), mode, errors);
            if (s.presenceStatus() == null) {
                errors.add(new FieldError(path + ".presenceStatus", "is required (1-7)"));
            } else if (!PresenceStatus.isValidCode(s.presenceStatus())) {
                errors.add(new FieldError(path + ".presenceStatus", "must be between 1 and 7"));
            }
            if (errors.size() == before) {
                result.add(new PresenceState(s.id(), label, s.reasonCode(), PresenceStatus.ofCode(s.presenceStatus())));
            }
        }
        return errors.size() == before ? result : null;
    }

    private static void checkReasonCode(String field, String code, PbxMode mode, List<FieldError> errors) {
        if (code == null) {
            return; // a state without a reason code is tracked but not sent on
        }
        if (code.isEmpty() || code.length() > MAX_REASON_CODE_LENGTH) {
            errors.add(new FieldError(field, "must be 1-" + MAX_REASON_CODE_LENGTH + " characters"));
        } else if (mode == PbxMode.DIAL_COMMAND && !code.matches("[0-9*#]+")) {
            errors.add(new FieldError(field, "must be a dial command of digits, * and # with pbxMode DIAL_COMMAND"));
        } else if (mode == PbxMode.SKYPE_FOR_BUSINESS && !code.matches("[0-9]{1,5}")) {
            errors.add(new FieldError(field,
                    "must be a Skype for Business availability code (e.g. 3500) with pbxMode SKYPE_FOR_BUSINESS"));
        }
    }

    private static void requireStatus(List<PresenceState> states, PresenceStatus status, String message,
                                      List<FieldError> errors) {
        if (states.stream().noneMatch(s -> s.status() == status)) {
            errors.add(new FieldError("states", message));
        }
    }
}
