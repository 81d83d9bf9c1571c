package com.ctipresence.support;

import com.ctipresence.application.Body;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.port.out.ChangeFeed;
import com.ctipresence.application.port.out.PresenceMetrics;
import com.ctipresence.application.port.out.TimeTotalsRepository;
import com.ctipresence.application.port.out.WrapUpTimer;
import com.ctipresence.application.security.Access;
import com.ctipresence.application.security.Caller;
import com.ctipresence.application.service.CallCenterService;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.application.service.PresenceViews;
import com.ctipresence.application.service.ReportService;
import com.ctipresence.application.service.TickService;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.CallCenterConfigDraft;

import java.time.Clock;
import java.util.List;

/** The real use cases wired by hand over given ports (tests and benchmarks outside CDI). */
public record Services(CallCenterService callCenters, PresenceService presence, TickService ticks,
                       ReportService reports, PresenceViews views) {

    public static Services over(CallCenterRepository callCenterRepo, AgentRepository agents,
                                TimeTotalsRepository totals, WrapUpTimer timer, Clock clock, int tickConcurrency) {
        Access access = new Access();
        CallCenterService callCenters = new CallCenterService(callCenterRepo, access, () -> java.time.Duration.ZERO);
        PresenceViews views = new PresenceViews(agents, totals, clock);
        PresenceService presence = new PresenceService(callCenters, agents, timer, views, access, NO_METRICS, clock,
                ChangeFeed.NONE);
        TickService ticks = new TickService(callCenters, callCenterRepo, agents, clock, NO_METRICS,
                () -> tickConcurrency, ChangeFeed.NONE);
        ReportService reports = new ReportService(callCenters, agents, views, access, clock);
        return new Services(callCenters, presence, ticks, reports, views);
    }

    /** Metrics that go nowhere, for services wired by hand. */
    public static final PresenceMetrics NO_METRICS = new PresenceMetrics() {
        public void presenceChanged(String cause) {
        }

        public void wrapUpStarted() {
        }

        public void wrapUpExpired(java.time.Duration lateness) {
        }

        public void tickCompleted(String callCenterId, java.time.Duration duration, int agentsTicked) {
        }

        public void storeError(String kind) {
        }
    };

    public static Caller admin(String callCenterId) {
        return Caller.of("admin-1", callCenterId, List.of("admin"));
    }

    public static Caller supervisor(String callCenterId) {
        return Caller.of("supervisor-1", callCenterId, List.of("supervisor"));
    }

    public static Caller agent(String callCenterId, String agentId) {
        return Caller.of(agentId, callCenterId, List.of("agent"));
    }

    public CallCenterConfig configure(String callCenterId, CallCenterConfigDraft draft) {
        return callCenters.configure(admin(callCenterId), callCenterId,
                Body.of(new CallCenterService.ConfigurationInput(null, draft)));
    }
}
