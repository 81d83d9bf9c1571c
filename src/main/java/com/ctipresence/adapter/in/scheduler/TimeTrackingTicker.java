package com.ctipresence.adapter.in.scheduler;

import com.ctipresence.application.service.TimeTrackingService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Local server: once a second, tick the call centers whose timeTrackingUpdateSeconds have passed. On AWS an
 * EventBridge schedule calls the same use case.
 */
@ApplicationScoped
public class TimeTrackingTicker {
    private final TimeTrackingService timeTracking;

    public TimeTrackingTicker(TimeTrackingService timeTracking) {
        this.timeTracking = timeTracking;
    }

    @Scheduled(every = "${cti.time-tracking.scheduler-every:1s}", delayed = "${cti.time-tracking.scheduler-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        timeTracking.tickDue();
    }
}
