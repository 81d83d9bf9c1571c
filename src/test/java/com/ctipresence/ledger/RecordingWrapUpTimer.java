package com.ctipresence.ledger;

import com.ctipresence.application.port.out.WrapUpTimer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records every wrap-up timer armed; the test decides when (and whether, and how often) one fires. */
final class RecordingWrapUpTimer implements WrapUpTimer {
    record Scheduled(String callCenterId, String agentId, String wrapUpId, Instant until) {
    }

    private final List<Scheduled> scheduled = new ArrayList<>();

    @Override
    public synchronized void schedule(String callCenterId, String agentId, String wrapUpId, Instant until) {
        scheduled.add(new Scheduled(callCenterId, agentId, wrapUpId, until));
    }

    synchronized List<Scheduled> scheduled() {
        return List.copyOf(scheduled);
    }
}
