package com.ctipresence.domain;

import java.time.Instant;
import java.util.List;

/**
 * An agent's current presence. {@code version} counts the changes (1 on creation); every store write is
 * conditional on it. {@code wrapUpId} identifies the running wrap-up, if any: an expiry applies only to that one.
 * {@code activeCallIds} are the calls connected now (oldest first, at most {@link #MAX_ACTIVE_CALLS});
 * {@code endedCallIds} the most recently ended ones (at most {@link #MAX_ENDED_CALLS}), so that a late or repeated
 * event for them changes nothing. {@code automatic} is true while the state is one the rules set (On a call by a
 * connected call, the wrap-up's DND), false when the agent or a supervisor chose it (or the rules set Ready).
 * {@code accountedUntil} is how far the current state's time has been booked into the day totals;
 * {@code running} holds the milliseconds per state booked on the agent's latest local day (the day totals of
 * earlier days are stored apart, see {@link RunningTotals}).
 */
public record AgentPresence(
        String callCenterId,
        String agentId,
        PresenceState state,
        Instant since,
        String wrapUpId,
        Instant wrapUpUntil,
        List<String> activeCallIds,
        List<String> endedCallIds,
        boolean automatic,
        long version,
        Instant accountedUntil,
        RunningTotals running) {

    public static final int MAX_ACTIVE_CALLS = 8;
    public static final int MAX_ENDED_CALLS = 16;

    public AgentPresence {
        activeCallIds = activeCallIds == null ? List.of() : List.copyOf(activeCallIds);
        endedCallIds = endedCallIds == null ? List.of() : List.copyOf(endedCallIds);
        if (activeCallIds.size() > MAX_ACTIVE_CALLS || endedCallIds.size() > MAX_ENDED_CALLS) {
            throw new IllegalArgumentException("too many call ids");
        }
        if ((wrapUpId == null) != (wrapUpUntil == null)) {
            throw new IllegalArgumentException("wrapUpId and wrapUpUntil go together");
        }
        running = running == null ? RunningTotals.NONE : running;
    }

    /** An agent with nothing booked on it yet ({@link RunningTotals#NONE}). */
    public AgentPresence(String callCenterId, String agentId, PresenceState state, Instant since, String wrapUpId,
                         Instant wrapUpUntil, List<String> activeCallIds, List<String> endedCallIds,
                         boolean automatic, long version, Instant accountedUntil) {
        this(callCenterId, agentId, state, since, wrapUpId, wrapUpUntil, activeCallIds, endedCallIds, automatic,
                version, accountedUntil, RunningTotals.NONE);
    }

    public boolean inWrapUp() {
        return wrapUpId != null;
    }

    public PresenceStatus status() {
        return state.status();
    }

    /** The most recently connected call still active, or null. */
    public String activeCallId() {
        return activeCallIds.isEmpty() ? null : activeCallIds.get(activeCallIds.size() - 1);
    }

    AgentPresence with(PresenceState newState, Instant newSince, String newWrapUpId, Instant newWrapUpUntil,
                       List<String> active, List<String> ended, boolean auto, long newVersion, Instant accounted) {
        return new AgentPresence(callCenterId, agentId, newState, newSince, newWrapUpId, newWrapUpUntil, active,
                ended, auto, newVersion, accounted, running);
    }

    AgentPresence withRunning(RunningTotals newRunning) {
        return new AgentPresence(callCenterId, agentId, state, since, wrapUpId, wrapUpUntil, activeCallIds,
                endedCallIds, automatic, version, accountedUntil, newRunning);
    }
}
