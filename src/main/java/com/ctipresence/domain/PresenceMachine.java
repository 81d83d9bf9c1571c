package com.ctipresence.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The presence rules of the manual, as pure functions from (configuration, current presence, command, time) to a
 * {@link Change}, including the time it books into the day totals. Nothing here reads a clock or a store.
 * {@code docs/PRESENCE-RULES.md} states each rule in one line.
 *
 * <p>Every command first settles an overdue wrap-up: if {@code wrapUpUntil} has passed and the expiry has not
 * been stored yet (a late timer), the expiry is applied first, stamped at {@code wrapUpUntil}.
 *
 * <p>Automatic transitions never override a choice: the after-call rules (wrap-up, or Ready) apply when the last
 * active call ends only if the agent is in a Ready state or in a state the rules set ({@link
 * AgentPresence#automatic()}); a state the agent or a supervisor picked meanwhile stands. The one exception is the
 * manual's: dialing out while in a DND state sets Ready.
 */
public final class PresenceMachine {
    /**
     * Local days of time one commit may book. A DynamoDB transaction holds at most 100 items; longer open
     * intervals (an agent silent for months) are booked in several commits, oldest days first.
     */
    public static final int MAX_DAYS_PER_COMMIT = 60;

    private PresenceMachine() {
    }

    /**
     * The agent (cause AGENT) or a supervisor (cause ADMIN) picks a configured state. Choosing a state always ends
     * a running wrap-up, so its expiry can no longer override the choice; choosing the current state outside a
     * wrap-up changes nothing. Active calls stay as they are.
     */
    public static Change setState(CallCenterConfig config, AgentPresence current, String agentId, String stateId,
                                  TransitionCause cause, String actorId, Instant now) {
        PresenceState target = config.state(stateId).orElseThrow(() -> ValidationException.of("stateId",
                "unknown state '" + stateId + "'; configured: "
                        + config.states().stream().map(PresenceState::id).collect(Collectors.joining(", "))));
        Draft d = new Draft(config, current, agentId, now);
        d.settleOverdueWrapUp(now);
        AgentPresence a = d.agent;
        if (d.stored() && a.state().id().equals(stateId) && !a.inWrapUp()) {
            return d.toChange();
        }
        d.apply(target, now, cause, null, actorId, null, null, a.activeCallIds(), a.endedCallIds(), false);
        return d.toChange();
    }

    /**
     * A call event. DIALING while in a DND state sets Ready. CONNECTED adds the call to the active calls (at most
     * {@link AgentPresence#MAX_ACTIVE_CALLS}) and, with {@code activeCallChangesPresence}, sets On a call; a call that
     * already ended or is already active changes nothing. ENDED removes the call; when it was the last active
     * one, the after-call rules apply (see the class comment): a real external call (duration &gt; 0, not internal)
     * starts the wrap-up, otherwise On a call ends in Ready. A ring-only call (duration 0) never starts a wrap-up and
     * changes no state unless it was connected. An ENDED for a call never seen connected but with a duration is a
     * real call whose CONNECTED was missed.
     *
     * @throws RuleConflictException for a connected call beyond the limit of active calls
     */
    public static Change onCallEvent(CallCenterConfig config, AgentPresence current, String agentId, CallEvent event,
                                     Instant now) {
        Draft d = new Draft(config, current, agentId, now);
        d.settleOverdueWrapUp(now);
        AgentPresence a = d.agent;
        List<String> active = new ArrayList<>(a.activeCallIds());
        List<String> ended = new ArrayList<>(a.endedCallIds());
        String callId = event.callId();
        String eventId = event.eventId();
        switch (event.type()) {
            case DIALING -> {
                if (a.status() == PresenceStatus.DND) {
                    d.apply(config.readyState(), now, TransitionCause.CALL_EVENT, eventId, null, null, null,
                            active, ended, false);
                }
            }
            case CONNECTED -> {
                if (ended.contains(callId) || active.contains(callId)) {
                    break; // late or repeated: that call is over, or already counted
                }
                if (active.size() >= AgentPresence.MAX_ACTIVE_CALLS) {
                    throw new RuleConflictException("an agent can have at most " + AgentPresence.MAX_ACTIVE_CALLS
                            + " active calls; end one first (active: " + String.join(", ", active) + ")");
                }
                active.add(callId);
                if (config.activeCallChangesPresence()) {
                    d.apply(config.onCallState(), now, TransitionCause.CALL_EVENT, eventId, null, null, null,
                            active, ended, true);
                } else {
                    d.keepState(eventId, active, ended);
                }
            }
            case ENDED -> {
                if (ended.contains(callId)) {
                    break; // this call's end was already applied
                }
                boolean wasActive = active.remove(callId);
                ended.add(callId);
                while (ended.size() > AgentPresence.MAX_ENDED_CALLS) {
                    ended.remove(0);
                }
                boolean answered = event.durationSeconds() > 0;
                boolean afterCallRules = active.isEmpty() && (wasActive || answered)
                        && (a.status() == PresenceStatus.ONLINE || a.automatic());
                if (!afterCallRules) {
                    d.keepState(eventId, active, ended);
                } else if (answered && !event.internal() && config.wrapUpEnabled()) {
                    Instant until = monotonic(a, now).plus(Duration.ofSeconds(config.callWrapUpSeconds()));
                    d.apply(config.dndState(), now, TransitionCause.CALL_EVENT, eventId, null,
                            "w" + (a.version() + 1), until, active, ended, true);
                } else if (a.status() == PresenceStatus.ON_A_CALL) {
                    d.apply(config.readyState(), now, TransitionCause.CALL_EVENT, eventId, null, null, null,
                            active, ended, false);
                } else {
                    d.keepState(eventId, active, ended); // Ready stays Ready; a running wrap-up runs on
                }
            }
            default -> throw new IllegalArgumentException("unknown call event type " + event.type());
        }
        if (!d.stored()) { // an agent's first event creates the agent, even if it changes no state
            d.apply(a.state(), now, TransitionCause.CALL_EVENT, eventId, null, null, null, active, ended, false);
        }
        return d.toChange();
    }

    /**
     * The wrap-up timer fired at {@code now}. It applies only if the agent is still in that very wrap-up and
     * {@code wrapUpUntil} has come; the change is then stamped at {@code wrapUpUntil}, however late the timer ran.
     * A timer that fired early changes nothing and learns how long remains.
     */
    public static Expiry expireWrapUp(CallCenterConfig config, AgentPresence current, String wrapUpId, Instant now) {
        if (current == null || !wrapUpId.equals(current.wrapUpId())) {
            return new Expiry(Change.none(current), null);
        }
        if (now.isBefore(current.wrapUpUntil())) {
            return new Expiry(Change.none(current), Duration.between(now, current.wrapUpUntil()));
        }
        Draft d = new Draft(config, current, current.agentId(), current.wrapUpUntil());
        d.expireWrapUp();
        return new Expiry(d.toChange(), null);
    }

    /**
     * A time-tracking tick: books the open interval of the current state up to {@code now} (milliseconds) and
     * moves {@code accountedUntil} there, without changing the version; at most {@link #MAX_DAYS_PER_COMMIT} local
     * days at once ({@link #needsCatchUp} tells whether more remain). A running wrap-up is booked no further than
     * {@code wrapUpUntil}; an overdue one is expired first. Changes nothing when there is nothing to book.
     */
    public static Change checkpoint(CallCenterConfig config, AgentPresence current, Instant now) {
        Draft d = new Draft(config, current, current.agentId(), now);
        d.settleOverdueWrapUp(now);
        d.checkpoint(min(now, catchUpLimit(config, d.agent)));
        return d.toChange();
    }

    /**
     * The agent as it is at {@code now} without writing anything: an overdue wrap-up shown as expired (Ready since
     * {@code wrapUpUntil}) and the time not yet booked, up to {@code now}, as bookings. For reads.
     */
    public static Change project(CallCenterConfig config, AgentPresence current, Instant now) {
        Draft d = new Draft(config, current, current.agentId(), now);
        d.settleOverdueWrapUp(now);
        d.checkpoint(now);
        return d.toChange();
    }

    /**
     * True when the agent's open interval is too long to be booked by one command: checkpoints must be committed
     * first (oldest days first) until this is false.
     */
    public static boolean needsCatchUp(CallCenterConfig config, AgentPresence current, Instant now) {
        return current != null && TimeLedger.tracks(config, current.state())
                && catchUpLimit(config, current).isBefore(now);
    }

    /** The presence of an agent the service has not seen before, not yet stored (version 0). */
    public static AgentPresence initial(CallCenterConfig config, String agentId, Instant now) {
        return new AgentPresence(config.callCenterId(), agentId, config.initialState(), now, null, null, List.of(),
                List.of(), false, 0, now);
    }

    /** The start of the local day {@link #MAX_DAYS_PER_COMMIT} days after the one accounting stopped at. */
    private static Instant catchUpLimit(CallCenterConfig config, AgentPresence agent) {
        LocalDate from = LocalDate.ofInstant(agent.accountedUntil(), config.timeZone());
        return from.plusDays(MAX_DAYS_PER_COMMIT).atStartOfDay(config.timeZone()).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
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
        private final LocalDate legacyDay;
        private AgentPresence agent;

        Draft(CallCenterConfig config, AgentPresence current, String agentId, Instant now) {
            this.config = config;
            this.before = current;
            this.agent = current != null ? current : initial(config, agentId, now);
            this.legacyDay = LocalDate.ofInstant(agent.accountedUntil(), config.timeZone());
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
                    agent.activeCallIds(), agent.endedCallIds(), false);
        }

        /**
         * Only the call bookkeeping changes (the state, its wrap-up and how it was set stay); for an agent not yet
         * stored this creates it in its initial state, caused by the call event.
         */
        void keepState(String eventId, List<String> active, List<String> ended) {
            apply(agent.state(), agent.since(), TransitionCause.CALL_EVENT, eventId, null, agent.wrapUpId(),
                    agent.wrapUpUntil(), active, ended, agent.automatic());
        }

        void apply(PresenceState target, Instant now, TransitionCause cause, String eventId, String actorId,
                   String wrapUpId, Instant wrapUpUntil, List<String> active, List<String> ended,
                   boolean automatic) {
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
                agent = agent.with(target, at, wrapUpId, wrapUpUntil, active, ended, automatic, version, at);
            } else if (!Objects.equals(wrapUpId, agent.wrapUpId()) || !Objects.equals(wrapUpUntil, agent.wrapUpUntil())
                    || !active.equals(agent.activeCallIds()) || !ended.equals(agent.endedCallIds())
                    || automatic != agent.automatic()) {
                agent = agent.with(agent.state(), agent.since(), wrapUpId, wrapUpUntil, active, ended, automatic,
                        agent.version() + 1, agent.accountedUntil());
            }
        }

        void checkpoint(Instant now) {
            Instant to = agent.inWrapUp() && agent.wrapUpUntil().isBefore(now) ? agent.wrapUpUntil() : now;
            if (agent.status() == PresenceStatus.LOGOUT || !to.isAfter(agent.accountedUntil())) {
                return;
            }
            List<DayTotal> booked = TimeLedger.book(config, agent.agentId(), agent.state(), agent.accountedUntil(),
                    to);
            bookings.addAll(booked);
            agent = agent.with(agent.state(), agent.since(), agent.wrapUpId(), agent.wrapUpUntil(),
                    agent.activeCallIds(), agent.endedCallIds(), agent.automatic(), agent.version(), to);
        }

        Change toChange() {
            if (before != null && agent == before) {
                return Change.none(before);
            }
            List<DayTotal> booked = TimeLedger.merge(bookings);
            TimeLedger.Accumulated accumulated = TimeLedger.accumulate(agent.running(), booked, legacyDay);
            return new Change(before, agent.withRunning(accumulated.running()), transitions, booked,
                    accumulated.closed());
        }
    }
}
