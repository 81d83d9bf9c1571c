package com.ctipresence.domain;

import com.ctipresence.domain.delivery.DeliveryConfig;
import com.ctipresence.domain.delivery.StateTargets;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call center's presence configuration, always valid: build it from a {@link CallCenterConfigDraft}.
 * "The first state of a status is the one the rules use."
 */
public record CallCenterConfig(
        String callCenterId,
        String name,
        ZoneId timeZone,
        boolean presenceEnabled,
        PbxMode pbxMode,
        int callWrapUpSeconds,
        boolean timeTrackingEnabled,
        int timeTrackingUpdateSeconds,
        boolean omniChannelEnabled,
        boolean activeCallChangesPresence,
        List<PresenceState> states,
        DeliveryConfig delivery,
        Map<String, StateTargets> stateTargets) {

    public CallCenterConfig {
        states = List.copyOf(states);
        delivery = delivery == null ? DeliveryConfig.NONE : delivery;
        stateTargets = stateTargets == null ? Map.of() : Map.copyOf(stateTargets);
    }

    /** A configuration without delivery targets (as before the {@code delivery} object existed). */
    public CallCenterConfig(String callCenterId, String name, ZoneId timeZone, boolean presenceEnabled,
                            PbxMode pbxMode, int callWrapUpSeconds, boolean timeTrackingEnabled,
                            int timeTrackingUpdateSeconds, boolean omniChannelEnabled,
                            boolean activeCallChangesPresence, List<PresenceState> states) {
        this(callCenterId, name, timeZone, presenceEnabled, pbxMode, callWrapUpSeconds, timeTrackingEnabled,
                timeTrackingUpdateSeconds, omniChannelEnabled, activeCallChangesPresence, states, DeliveryConfig.NONE,
                Map.of());
    }

    /** A state's per-target values (omniChannelStatusId, Teams pair) as configured; NONE when none are. */
    public StateTargets targetsOf(String stateId) {
        return stateTargets.getOrDefault(stateId, StateTargets.NONE);
    }

    public Optional<PresenceState> state(String stateId) {
        return states.stream().filter(s -> s.id().equals(stateId)).findFirst();
    }

    public Optional<PresenceState> firstWithStatus(PresenceStatus status) {
        return states.stream().filter(s -> s.status() == status).findFirst();
    }

    /** The state the rules return to: the first with status 1 (validation guarantees it exists). */
    public PresenceState readyState() {
        return firstWithStatus(PresenceStatus.ONLINE).orElseThrow();
    }

    /** The state of a wrap-up: the first with status 4 (required when callWrapUpSeconds &gt; 0). */
    public PresenceState dndState() {
        return firstWithStatus(PresenceStatus.DND).orElseThrow();
    }

    /** The state while a call is active: the first with status 6 (required when activeCallChangesPresence). */
    public PresenceState onCallState() {
        return firstWithStatus(PresenceStatus.ON_A_CALL).orElseThrow();
    }

    public boolean wrapUpEnabled() {
        return callWrapUpSeconds > 0;
    }

    /**
     * Where an agent the service has never seen starts when a call event arrives first:
     * Logout (7) if configured, else Offline (2), else Ready (1).
     */
    public PresenceState initialState() {
        return firstWithStatus(PresenceStatus.LOGOUT)
                .or(() -> firstWithStatus(PresenceStatus.OFFLINE))
                .orElseGet(this::readyState);
    }
}
