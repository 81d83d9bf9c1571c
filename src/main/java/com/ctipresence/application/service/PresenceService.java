package com.ctipresence.application.service;

import com.ctipresence.application.ConflictException;
import com.ctipresence.application.NotFoundException;
import com.ctipresence.application.port.out.AgentCommit;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.port.out.ProcessedEvent;
import com.ctipresence.application.port.out.WrapUpTimer;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.CallEvent;
import com.ctipresence.domain.Change;
import com.ctipresence.domain.Ids;
import com.ctipresence.domain.PresenceMachine;
import com.ctipresence.domain.TransitionCause;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Agent presence use cases: set a state, apply a call event, expire a wrap-up, read presence. */
@ApplicationScoped
public class PresenceService {
    private final CallCenterService callCenters;
    private final AgentRepository agents;
    private final WrapUpTimer wrapUpTimer;
    private final TimeTrackingService timeTracking;
    private final Clock clock;

    public PresenceService(CallCenterService callCenters, AgentRepository agents, WrapUpTimer wrapUpTimer,
                           TimeTrackingService timeTracking, Clock clock) {
        this.callCenters = callCenters;
        this.agents = agents;
        this.wrapUpTimer = wrapUpTimer;
        this.timeTracking = timeTracking;
        this.clock = clock;
    }

    /** Sets a configured state, for the agent (cause AGENT) or by a supervisor (cause ADMIN, actorId set). */
    public PresenceView setState(String callCenterId, String agentId, String stateId, TransitionCause cause,
                                 String actorId) {
        Ids.require("agentId", agentId);
        Ids.require("stateId", stateId);
        CallCenterConfig config = callCenters.get(callCenterId);
        if (!config.presenceEnabled()) {
            throw new ConflictException("presence is disabled for call center '" + callCenterId
                    + "' (presenceEnabled=false)");
        }
        AgentPresence result = OptimisticRetry.run(() -> {
            AgentPresence current = agents.find(callCenterId, agentId).orElse(null);
            return commit(PresenceMachine.setState(config, current, agentId, stateId, cause, actorId,
                    Millis.now(clock)), null);
        });
        return timeTracking.view(config, result);
    }

    /** Applies a call event once: a repeat of the same event id answers the first result and changes nothing. */
    public CallEventOutcome onCallEvent(String callCenterId, String agentId, CallEvent event) {
        Ids.require("agentId", agentId);
        CallCenterConfig config = callCenters.get(callCenterId);
        Applied applied = OptimisticRetry.run(() -> {
            var processed = agents.findProcessedEvent(callCenterId, agentId, event.eventId());
            if (processed.isPresent()) {
                if (!processed.get().fingerprint().equals(event.fingerprint())) {
                    throw new ConflictException("eventId '" + event.eventId()
                            + "' was already used for a different call event");
                }
                return new Applied(processed.get().result(), true, true);
            }
            AgentPresence current = agents.find(callCenterId, agentId).orElse(null);
            if (!config.presenceEnabled()) {
                return new Applied(current, false, false);
            }
            Instant now = Millis.now(clock);
            Change change = PresenceMachine.onCallEvent(config, current, agentId, event, now);
            ProcessedEvent record = new ProcessedEvent(callCenterId, agentId, event.eventId(), event.fingerprint(),
                    change.after(), now);
            return new Applied(commit(change, record), true, false);
        });
        return new CallEventOutcome(applied.presence() == null ? null
                : timeTracking.view(config, applied.presence()), applied.applied(), applied.repeat());
    }

    private record Applied(AgentPresence presence, boolean applied, boolean repeat) {
    }

    /** The wrap-up timer ran out: back to Ready, stamped at wrapUpUntil, unless the agent moved on meanwhile. */
    public AgentPresence expireWrapUp(String callCenterId, String agentId, String wrapUpId) {
        CallCenterConfig config = callCenters.get(callCenterId);
        return OptimisticRetry.run(() -> commit(PresenceMachine.expireWrapUp(config,
                agents.find(callCenterId, agentId).orElse(null), wrapUpId), null));
    }

    /** Arms a timer for every wrap-up still running in the store (at start-up); overdue ones fire at once. */
    public int rearmWrapUps() {
        List<AgentPresence> pending = agents.findInWrapUp();
        pending.forEach(a -> wrapUpTimer.schedule(a.callCenterId(), a.agentId(), a.wrapUpId(), a.wrapUpUntil()));
        return pending.size();
    }

    public PresenceView get(String callCenterId, String agentId) {
        CallCenterConfig config = callCenters.get(callCenterId);
        Ids.require("agentId", agentId);
        return timeTracking.currentViews(config, agentId).stream().findFirst()
                .orElseThrow(() -> NotFoundException.agent(callCenterId, agentId));
    }

    public List<PresenceView> list(String callCenterId) {
        return timeTracking.currentViews(callCenters.get(callCenterId), null);
    }

    private AgentPresence commit(Change change, ProcessedEvent event) {
        if (change.changed() || event != null) {
            agents.commit(new AgentCommit(change, event));
        }
        if (change.startsWrapUp()) {
            AgentPresence a = change.after();
            wrapUpTimer.schedule(a.callCenterId(), a.agentId(), a.wrapUpId(), a.wrapUpUntil());
        }
        return change.after();
    }
}
