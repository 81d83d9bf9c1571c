package com.ctipresence.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The presence rules of the manual, as pure functions from (configuration, current presence, command, time) to a
 * {@link Change}. Nothing here reads a clock or a store.
 */
public final class PresenceMachine {

    private PresenceMachine() {
    }

    /**
     * The agent (cause AGENT) or a supervisor (cause ADMIN) picks a configured state. Choosing a state always ends
     * a running wrap-up, so its expiry can no longer override the choice; choosing the current state outside a
     * wrap-up changes nothing.
     */
    public static Change setState(CallCenterConfig config, AgentPresence current, String agentId, String stateId,
                                  TransitionCause cause, String actorId, Instant now) {
        PresenceState target = config.state(stateId).orElseThrow(() -> ValidationException.of("stateId",
                "unknown state '" + stateId + "'; configured: "
                        + config.states().stream().map(PresenceState::id).collect(Collectors.joining(", "))));
        if (current != null && current.state().id().equals(stateId) && !current.inWrapUp()) {
            return Change.none(current);
        }
        AgentPresence base = current != null ? current : initial(config, agentId, now);
        return move(current, base, target, now, cause, null, actorId, null, null, base.activeCallId());
    }

    /** A call event: dialing out of DND, a connected call, or the end of a call with its wrap-up. */
    public static Change onCallEvent(CallCenterConfig config, AgentPresence current, String agentId, CallEvent event,
                                     Instant now) {
        AgentPresence base = current != null ? current : initial(config, agentId, now);
        PresenceState state = base.state();
        String wrapUpId = base.wrapUpId();
        Instant wrapUpUntil = base.wrapUpUntil();
        String activeCallId = base.activeCallId();
        switch (event.type()) {
            case DIALING -> {
                if (state.status() == PresenceStatus.DND) {
                    state = config.readyState();
                    wrapUpId = null;
                    wrapUpUntil = null;
                }
            }
            case CONNECTED -> {
                activeCallId = event.callId();
                if (config.activeCallChangesPresence()) {
                    state = config.firstWithStatus(PresenceStatus.ON_A_CALL).orElse(state);
                    wrapUpId = null;
                    wrapUpUntil = null;
                }
            }
            case ENDED -> {
                if (activeCallId != null && !activeCallId.equals(event.callId())) {
                    break; // another call is still active: this one's end must not take the agent off it
                }
                activeCallId = null;
                if (config.wrapUpEnabled() && event.durationSeconds() > 0 && !event.internal()) {
                    state = config.firstWithStatus(PresenceStatus.DND).orElseThrow();
                    wrapUpId = "w" + (base.version() + 1);
                    wrapUpUntil = monotonic(base, now).plus(Duration.ofSeconds(config.callWrapUpSeconds()));
                } else if (config.activeCallChangesPresence() || state.status() == PresenceStatus.ON_A_CALL) {
                    state = config.readyState();
                    wrapUpId = null;
                    wrapUpUntil = null;
                }
            }
            default -> throw new IllegalArgumentException("unknown call event type " + event.type());
        }
        return move(current, base, state, now, TransitionCause.CALL_EVENT, event.eventId(), null,
                wrapUpId, wrapUpUntil, activeCallId);
    }

    /**
     * The wrap-up timer ran out. It applies only if the agent is still in that very wrap-up, and the change is
     * stamped at {@code wrapUpUntil}, however late the timer ran.
     */
    public static Change expireWrapUp(CallCenterConfig config, AgentPresence current, String wrapUpId) {
        if (current == null || !wrapUpId.equals(current.wrapUpId())) {
            return Change.none(current);
        }
        return move(current, current, config.readyState(), current.wrapUpUntil(), TransitionCause.WRAP_UP_EXPIRY,
                null, null, null, null, current.activeCallId());
    }

    /** The presence of an agent the service has not seen before, not yet stored (version 0). */
    public static AgentPresence initial(CallCenterConfig config, String agentId, Instant now) {
        return new AgentPresence(config.callCenterId(), agentId, config.initialState(), now, null, null, null, 0, now);
    }

    private static Change move(AgentPresence current, AgentPresence base, PresenceState target, Instant now,
                               TransitionCause cause, String eventId, String actorId, String wrapUpId,
                               Instant wrapUpUntil, String activeCallId) {
        boolean stateChanges = !target.id().equals(base.state().id());
        AgentPresence after;
        if (stateChanges || current == null) {
            Instant at = monotonic(base, now);
            after = new AgentPresence(base.callCenterId(), base.agentId(), target, at, wrapUpId, wrapUpUntil,
                    activeCallId, base.version() + 1, at);
        } else {
            after = new AgentPresence(base.callCenterId(), base.agentId(), base.state(), base.since(), wrapUpId,
                    wrapUpUntil, activeCallId, base.version() + 1, base.accountedUntil());
            if (sameApartFromVersion(after, base)) {
                return Change.none(current);
            }
        }
        Transition transition = stateChanges || current == null
                ? new Transition(after.since(), current == null ? null : base.state().id(), target.id(), cause,
                eventId, actorId, after.version())
                : null;
        return new Change(current, after, transition);
    }

    /** A change is never stamped before what is already recorded, even if the clock stepped back. */
    private static Instant monotonic(AgentPresence base, Instant now) {
        return Stream.of(now, base.since(), base.accountedUntil()).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static boolean sameApartFromVersion(AgentPresence a, AgentPresence b) {
        return a.state().equals(b.state()) && a.since().equals(b.since())
                && java.util.Objects.equals(a.wrapUpId(), b.wrapUpId())
                && java.util.Objects.equals(a.wrapUpUntil(), b.wrapUpUntil())
                && java.util.Objects.equals(a.activeCallId(), b.activeCallId());
    }
}
