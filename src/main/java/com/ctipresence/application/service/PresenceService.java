package com.ctipresence.application.service;

import com.ctipresence.application.Body;
import com.ctipresence.application.ConflictException;
import com.ctipresence.application.NotFoundException;
import com.ctipresence.application.port.out.AgentChange;
import com.ctipresence.application.port.out.AgentCommit;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.port.out.ChangeFeed;
import com.ctipresence.application.port.out.PresenceMetrics;
import com.ctipresence.application.port.out.ProcessedEvent;
import com.ctipresence.application.port.out.WrapUpTimer;
import com.ctipresence.application.delivery.DeliveryPlan;
import com.ctipresence.application.port.out.delivery.DeliveryWake;
import com.ctipresence.application.port.out.delivery.Outbox;
import com.ctipresence.application.port.out.delivery.PendingDelivery;
import com.ctipresence.application.security.Access;
import com.ctipresence.application.security.Caller;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.CallEvent;
import com.ctipresence.domain.Change;
import com.ctipresence.domain.Expiry;
import com.ctipresence.domain.Ids;
import com.ctipresence.domain.PresenceMachine;
import com.ctipresence.domain.TransitionCause;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agent presence use cases: set a state, apply a call event, expire a wrap-up, read presence. Each use case that
 * serves a caller authorizes it first (through {@link Access}), then reads and validates its input.
 */
@ApplicationScoped
public class PresenceService {
    private static final Logger LOG = Logger.getLogger(PresenceService.class);
    private final CallCenterService callCenters;
    private final AgentRepository agents;
    private final WrapUpTimer wrapUpTimer;
    private final PresenceViews views;
    private final Access access;
    private final PresenceMetrics metrics;
    private final Clock clock;
    private final ChangeFeed feed;
    private final Outbox outbox;
    private final DeliveryWake wake;

    /** Without delivery (services wired by hand): nothing is sent on, answers carry only the dial command. */
    public PresenceService(CallCenterService callCenters, AgentRepository agents, WrapUpTimer wrapUpTimer,
                           PresenceViews views, Access access, PresenceMetrics metrics, Clock clock,
                           ChangeFeed feed) {
        this(callCenters, agents, wrapUpTimer, views, access, metrics, clock, feed, Outbox.NONE, DeliveryWake.NONE);
    }

    @jakarta.inject.Inject
    public PresenceService(CallCenterService callCenters, AgentRepository agents, WrapUpTimer wrapUpTimer,
                           PresenceViews views, Access access, PresenceMetrics metrics, Clock clock,
                           ChangeFeed feed, Outbox outbox, DeliveryWake wake) {
        this.outbox = outbox;
        this.wake = wake;
        this.callCenters = callCenters;
        this.agents = agents;
        this.wrapUpTimer = wrapUpTimer;
        this.views = views;
        this.access = access;
        this.metrics = metrics;
        this.clock = clock;
        this.feed = feed;
    }

    /**
     * Sets a configured state: the agent their own (cause AGENT), a supervisor or admin anyone's (cause ADMIN, the
     * caller recorded as actor).
     */
    public PresenceView setState(Caller caller, String callCenterId, String agentId, Body<String> stateId) {
        TransitionCause cause = access.setPresence(caller, callCenterId, agentId);
        String state = stateId.read();
        Ids.require("agentId", agentId);
        Ids.require("stateId", state);
        CallCenterConfig config = callCenters.get(callCenterId);
        if (!config.presenceEnabled()) {
            throw new ConflictException("presence is disabled for call center '" + callCenterId
                    + "' (presenceEnabled=false)");
        }
        AgentPresence result = OptimisticRetry.run(() -> {
            Instant now = Millis.now(clock);
            AgentPresence current = caughtUp(config, agents.find(callCenterId, agentId).orElse(null), now);
            return commit(config, PresenceMachine.setState(config, current, agentId, state, cause,
                    caller.subject(), now), null);
        });
        return withExtras(config, views.afterCommit(config, result));
    }

    /**
     * Applies a call event once. A repeat of the same event id changes nothing and answers the agent's current
     * presence (re-arming the wrap-up that event started if it is still running); a different event reusing the id
     * is a conflict. The agent and the processed event are read together (one request), so a new event costs that
     * read and one commit, a repeat only the read.
     */
    public CallEventOutcome onCallEvent(Caller caller, String callCenterId, String agentId, Body<CallEvent> body) {
        access.sendCallEvent(caller, callCenterId, agentId);
        CallEvent event = body.read();
        Ids.require("agentId", agentId);
        CallCenterConfig config = callCenters.get(callCenterId);
        Applied applied = OptimisticRetry.run(() -> {
            AgentRepository.AgentAndEvent read = agents.findWithEvent(callCenterId, agentId, event.eventId());
            Optional<ProcessedEvent> processed = read.event();
            AgentPresence current = read.agent().orElse(null);
            if (processed.isPresent()) {
                if (!processed.get().fingerprint().equals(event.fingerprint())) {
                    throw new ConflictException("eventId '" + event.eventId()
                            + "' was already used for a different call event");
                }
                AgentPresence first = processed.get().result();
                // one BatchGetItem reads each item consistently, not both at one instant: an agent read just before
                // the event's commit is older than the presence that commit stored, which is then the current one
                AgentPresence newest = current == null || (first != null && first.version() > current.version())
                        ? first : current;
                return new Applied(newest, true, true, first);
            }
            Instant now = Millis.now(clock);
            if (!config.presenceEnabled()) {
                return new Applied(current, false, false, null);
            }
            current = caughtUp(config, current, now);
            Change change = PresenceMachine.onCallEvent(config, current, agentId, event, now);
            ProcessedEvent record = new ProcessedEvent(callCenterId, agentId, event.eventId(), event.fingerprint(),
                    change.after(), now);
            return new Applied(commit(config, change, record), true, false, null);
        });
        if (applied.replayed()) {
            PresenceView now = applied.presence() == null ? null : views.of(config, applied.presence());
            if (now != null) {
                rearmIfStillRunning(applied.firstResult(), now.presence());
            }
            return new CallEventOutcome(now == null ? null : withExtras(config, now), true, true);
        }
        if (applied.presence() == null) {
            return new CallEventOutcome(null, applied.applied(), false);
        }
        return new CallEventOutcome(withExtras(config, views.of(config, applied.presence())), applied.applied(),
                false);
    }

    private record Applied(AgentPresence presence, boolean applied, boolean replayed, AgentPresence firstResult) {
    }

    /** A replayed event whose wrap-up still runs: its timer may never have been armed (a lost first answer). */
    private void rearmIfStillRunning(AgentPresence firstResult, AgentPresence shown) {
        if (firstResult != null && firstResult.inWrapUp() && firstResult.wrapUpId().equals(shown.wrapUpId())) {
            wrapUpTimer.schedule(shown.callCenterId(), shown.agentId(), shown.wrapUpId(), shown.wrapUpUntil());
        }
    }

    /**
     * A wrap-up timer fired now: back to Ready, stamped at {@code wrapUpUntil}, unless the agent moved on
     * meanwhile. A timer that fired early (an SQS delay is at most 900 s) changes nothing and is armed again for
     * {@code wrapUpUntil}, whatever the runtime's timer.
     */
    public Expiry expireWrapUp(String callCenterId, String agentId, String wrapUpId) {
        CallCenterConfig config = callCenters.get(callCenterId);
        return OptimisticRetry.run(() -> {
            Instant now = Millis.now(clock);
            AgentPresence current = caughtUp(config, agents.find(callCenterId, agentId).orElse(null), now);
            Expiry expiry = PresenceMachine.expireWrapUp(config, current, wrapUpId, now);
            commit(config, expiry.change(), null);
            if (expiry.change().changed()) {
                metrics.wrapUpExpired(Duration.between(current.wrapUpUntil(), now));
            } else if (!expiry.due()) {
                wrapUpTimer.schedule(callCenterId, agentId, wrapUpId, current.wrapUpUntil());
            }
            return expiry;
        });
    }

    /** Arms a timer for every wrap-up still running in the store (at start-up); overdue ones fire at once. */
    public int rearmWrapUps() {
        List<AgentPresence> pending = agents.findInWrapUp();
        pending.forEach(a -> wrapUpTimer.schedule(a.callCenterId(), a.agentId(), a.wrapUpId(), a.wrapUpUntil()));
        return pending.size();
    }

    public PresenceView get(Caller caller, String callCenterId, String agentId) {
        access.readAgent(caller, callCenterId, agentId);
        Ids.require("agentId", agentId);
        CallCenterConfig config = callCenters.get(callCenterId);
        return withExtras(config, views.one(config, agentId)
                .orElseThrow(() -> NotFoundException.agent(callCenterId, agentId)));
    }

    public List<PresenceView> list(Caller caller, String callCenterId) {
        access.listAgents(caller, callCenterId);
        CallCenterConfig config = callCenters.get(callCenterId);
        return withExtras(outbox, config, views.all(config));
    }

    /**
     * The agents with their display names, dial commands and delivery status: one read of the call center's
     * profiles and outbox items; a failing read never fails the answer (it is then answered without them).
     */
    static List<PresenceView> withExtras(Outbox outbox, CallCenterConfig config, List<PresenceView> all) {
        Map<String, Outbox.AgentTargets> targets;
        try {
            targets = outbox.callCenter(config.callCenterId()); // one Query: display names and delivery status
        } catch (RuntimeException e) {
            LOG.warnf(e, "delivery status of call center %s not read; answered without it", config.callCenterId());
            targets = Map.of();
        }
        Map<String, Outbox.AgentTargets> byAgent = targets;
        return all.stream().map(v -> v.withExtras(AgentExtras.of(config, v.presence(),
                byAgent.get(v.presence().agentId())))).toList();
    }

    /**
     * The answer with its dial command and, where the call center sends presence on, its delivery status and the
     * agent's display name: one read of the agent's profile and outbox items (none without delivery targets, so an
     * answer costs what it did before). A failing read never fails the answer (it is then answered without them).
     */
    private PresenceView withExtras(CallCenterConfig config, PresenceView view) {
        AgentPresence shown = view.presence();
        Outbox.AgentTargets targets = null;
        if (DeliveryPlan.targets(config).isEmpty()) {
            return view.withExtras(AgentExtras.of(config, shown, null));
        }
        try {
            targets = outbox.agent(shown.callCenterId(), shown.agentId());
        } catch (RuntimeException e) {
            LOG.warnf(e, "delivery status of agent %s in call center %s not read; answered without it",
                    shown.agentId(), shown.callCenterId());
        }
        return view.withExtras(AgentExtras.of(config, shown, targets));
    }

    /**
     * An agent whose open interval is longer than one commit can book (silent for months) is first brought up to
     * date in several commits, oldest days first; the command then works on the result.
     */
    private AgentPresence caughtUp(CallCenterConfig config, AgentPresence current, Instant now) {
        AgentPresence agent = current;
        while (PresenceMachine.needsCatchUp(config, agent, now)) {
            agent = commit(config, PresenceMachine.checkpoint(config, agent, now), null);
        }
        return agent;
    }

    private AgentPresence commit(CallCenterConfig config, Change change, ProcessedEvent event) {
        if (change.changed() || event != null) {
            List<PendingDelivery> deliveries = DeliveryPlan.of(config, change, Millis.now(clock));
            agents.commit(new AgentCommit(change, event, deliveries));
            change.transitions().forEach(t -> metrics.presenceChanged(t.cause().name()));
            announce(feed, change, clock);
            if (!deliveries.isEmpty()) {
                wakeDelivery(change.after());
            }
        }
        if (change.startsWrapUp()) {
            AgentPresence a = change.after();
            metrics.wrapUpStarted();
            wrapUpTimer.schedule(a.callCenterId(), a.agentId(), a.wrapUpId(), a.wrapUpUntil());
        }
        return change.after();
    }

    /** The worker sends apart from this change; nothing it does can fail, slow or undo the change. */
    private void wakeDelivery(AgentPresence after) {
        try {
            wake.pending(after.callCenterId(), after.agentId());
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not wake the delivery worker for %s/%s; its sweep sends it", after.callCenterId(),
                    after.agentId());
        }
    }

    /** After a successful commit only: a change of the presence itself (its version grew) is announced. */
    static void announce(ChangeFeed feed, Change change, Clock clock) {
        AgentPresence after = change.after();
        if (after != null && (change.before() == null || change.before().version() != after.version())) {
            feed.publish(new AgentChange(after.callCenterId(), after, Millis.now(clock)));
        }
    }
}
