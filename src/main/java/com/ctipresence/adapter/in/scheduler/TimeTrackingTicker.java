package com.ctipresence.adapter.in.scheduler;

import com.ctipresence.application.service.TickService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Local server: once a second, tick the call centers whose next tick instant (a multiple of
 * timeTrackingUpdateSeconds from the epoch) has come. On AWS an
 * EventBridge schedule calls the same use case.
 */
@ApplicationScoped
public class TimeTrackingTicker {
    private final TickService ticks;

    public TimeTrackingTicker(TickService timeTracking) {
        this.ticks = timeTracking;
    }

    @Scheduled(every = "${cti.time-tracking.scheduler-every:1s}", delayed = "${cti.time-tracking.scheduler-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        ticks.tickDue();
    }
}
