package com.ctipresence.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The presence rules of the manual, as pure functions from (configuration, current presence, command, time) to a
 * {@link Change}, including the time it books into the day totals. Nothing here reads a clock or a store.
 *
 * <p>Every command first settles an overdue wrap-up: if {@code wrapUpUntil} has passed and the expiry has not
 * been stored yet (a late timer), the expiry is applied first, stamped at {@code wrapUpUntil}.
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
        Draft d = new Draft(config, current, agentId, now);
        d.settleOverdueWrapUp(now);
        if (d.stored() && d.agent.state().id().equals(stateId) && !d.agent.inWrapUp()) {
            return d.toChange();
        }
        d.apply(target, now, cause, null, actorId, null, null, d.agent.activeCallId());
        return d.toChange();
    }

    /** A call event: dialing out of DND, a connected call, or the end of a call with its wrap-up. */
    public static Change onCallEvent(CallCenterConfig config, AgentPresence current, String agentId, CallEvent event,
                                     Instant now) {
        Draft d = new Draft(config, current, agentId, now);
        d.settleOverdueWrapUp(now);
        AgentPresence base = d.agent;
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
        d.apply(state, now, TransitionCause.CALL_EVENT, event.eventId(), null, wrapUpId, wrapUpUntil, activeCallId);
        return d.toChange();
    }

    /**
     * The wrap-up timer ran out. It applies only if the agent is still in that very wrap-up, and the change is
     * stamped at {@code wrapUpUntil}, however late the timer ran.
     */
    public static Change expireWrapUp(CallCenterConfig config, AgentPresence current, String wrapUpId) {
        if (current == null || !wrapUpId.equals(current.wrapUpId())) {
            return Change.none(current);
        }
        Draft d = new Draft(config, current, current.agentId(), current.wrapUpUntil());
        d.expireWrapUp();
        return d.toChange();
    }

    /**
     * A time-tracking tick: books the open interval of the current state up to {@code now} (whole seconds) and
     * moves {@code accountedUntil} there, without changing the version. A running wrap-up is booked no further than
     * {@code wrapUpUntil}; an overdue one is expired first. Changes nothing when there is nothing to book.
     */
    public static Change checkpoint(CallCenterConfig config, AgentPresence current, Instant now) {
        Draft d = new Draft(config, current, current.agentId(), now);
        d.settleOverdueWrapUp(now);
        d.checkpoint(now);
        return d.toChange();
    }

    /** The presence of an agent the service has not seen before, not yet stored (version 0). */
    public static AgentPresence initial(CallCenterConfig config, String agentId, Instant now) {
        return new AgentPresence(config.callCenterId(), agentId, config.initialState(), now, null, null, null, 0, now);
    }

    /** A change is never stamped before what is already recorded, even if the clock stepped back. */
    private static Instant monotonic(AgentPresence base, Instant now) {
        return Stream.of(now, base.since(), base.accountedUntil()).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Accumulates the steps of one command on one agent. */
    private static final class Draft {
        private final CallCenterConfig config;
        private final AgentPresence before;
        private final List<Transition> transitions = new ArrayList<>();
        private final List<DayTotal> bookings = new ArrayList<>();
        private AgentPresence agent;

        Draft(CallCenterConfig config, AgentPresence current, String agentId, Instant now) {
            this.config = config;
            this.before = current;
            this.agent = current != null ? current : initial(config, agentId, now);
        }

        /** True once the agent exists in the store or in this draft's outcome. */
        boolean stored() {
            return before != null || !transitions.isEmpty();
        }

        void settleOverdueWrapUp(Instant now) {
            if (agent.inWrapUp() && !agent.wrapUpUntil().isAfter(now)) {
                expireWrapUp();
            }
        }

        void expireWrapUp() {
            apply(config.readyState(), agent.wrapUpUntil(), TransitionCause.WRAP_UP_EXPIRY, null, null, null, null,
                    agent.activeCallId());
        }

        void apply(PresenceState target, Instant now, TransitionCause cause, String eventId, String actorId,
                   String wrapUpId, Instant wrapUpUntil, String activeCallId) {
            boolean first = !stored();
            if (first || !target.id().equals(agent.state().id())) {
                Instant at = monotonic(agent, now);
                if (!first) {
                    bookings.addAll(TimeLedger.book(config, agent.agentId(), agent.state(), agent.accountedUntil(),
                            at));
                }
                long version = agent.version() + 1;
                transitions.add(new Transition(at, first ? null : agent.state().id(), target.id(), cause, eventId,
                        actorId, version));
                agent = new AgentPresence(agent.callCenterId(), agent.agentId(), target, at, wrapUpId, wrapUpUntil,
                        activeCallId, version, at);
            } else if (!Objects.equals(wrapUpId, agent.wrapUpId()) || !Objects.equals(wrapUpUntil, agent.wrapUpUntil())
                    || !Objects.equals(activeCallId, agent.activeCallId())) {
                agent = new AgentPresence(agent.callCenterId(), agent.agentId(), agent.state(), agent.since(),
                        wrapUpId, wrapUpUntil, activeCallId, agent.version() + 1, agent.accountedUntil());
            }
        }

        void checkpoint(Instant now) {
            Instant to = agent.inWrapUp() && agent.wrapUpUntil().isBefore(now) ? agent.wrapUpUntil() : now;
            if (agent.status() == PresenceStatus.LOGOUT || !to.isAfter(agent.accountedUntil())) {
                return;
            }
            List<DayTotal> booked = TimeLedger.book(config, agent.agentId(), agent.state(), agent.accountedUntil(),
                    to);
            if (booked.isEmpty() && TimeLedger.tracks(config, agent.state())) {
                return; // not a whole second yet: the next tick books it
            }
            bookings.addAll(booked);
            agent = new AgentPresence(agent.callCenterId(), agent.agentId(), agent.state(), agent.since(),
                    agent.wrapUpId(), agent.wrapUpUntil(), agent.activeCallId(), agent.version(), to);
        }

        Change toChange() {
            if (before != null && agent == before) {
                return Change.none(before);
            }
            return new Change(before, agent, transitions, TimeLedger.merge(bookings));
        }
    }
}
