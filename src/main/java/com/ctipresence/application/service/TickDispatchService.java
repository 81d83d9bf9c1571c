package com.ctipresence.application.service;

import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.port.out.TickQueue;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.TickSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Ticks without a process that remembers anything (AWS): a dispatcher, run once a minute, queues one tick per call
 * center and tick instant ({@link TickSchedule}: every multiple of its update interval from the epoch, the same
 * instants as the local scheduler); each queued tick then runs page by page and, when its time runs low, queues
 * its own continuation, so that any number of agents is ticked across invocations with each agent written once.
 */
@ApplicationScoped
public class TickDispatchService {
    private static final Logger LOG = Logger.getLogger(TickDispatchService.class);

    private final CallCenterRepository callCenters;
    private final TickService ticks;
    private final TickQueue queue;
    private final Clock clock;

    public TickDispatchService(CallCenterRepository callCenters, TickService ticks, TickQueue queue, Clock clock) {
        this.callCenters = callCenters;
        this.ticks = ticks;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Queues a tick for each call center that is ticked and each of its tick instants in [from, from + window);
     * instants already past when the dispatcher runs late are one tick now, not several at once. A call center that
     * fails is logged and the others go on.
     *
     * @return the number of ticks queued
     */
    public int dispatch(Instant from, Duration window) {
        Instant now = clock.instant();
        int queued = 0;
        for (CallCenterConfig config : callCenters.findAll()) {
            if (!TickService.ticked(config)) {
                continue;
            }
            try {
                List<Instant> instants = TickSchedule.instants(from, from.plus(window),
                        config.timeTrackingUpdateSeconds());
                for (int i = 0; i < instants.size(); i++) {
                    boolean pastAndNotLast = !instants.get(i).isAfter(now) && i + 1 < instants.size()
                            && !instants.get(i + 1).isAfter(now);
                    if (!pastAndNotLast) {
                        queue.enqueue(config.callCenterId(), instants.get(i), null);
                        queued++;
                    }
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "queueing the ticks of call center %s failed; the next minute queues its ticks",
                        config.callCenterId());
            }
        }
        return queued;
    }

    /**
     * Ticks the call center from the agent after {@code continueAfter} (null: the first), a page at a time, while
     * {@code timeLeft} says there is time for another page; what is left is queued as a continuation of the same
     * tick.
     */
    public TickResult tick(String callCenterId, Instant at, String continueAfter, int pageSize,
                           BooleanSupplier timeLeft) {
        TickService.TickPage page = ticks.tickPage(callCenterId, continueAfter, pageSize);
        TickResult total = page.result();
        while (page.continueAfter() != null && timeLeft.getAsBoolean()) {
            page = ticks.tickPage(callCenterId, page.continueAfter(), pageSize);
            total = total.plus(page.result());
        }
        if (page.continueAfter() != null) {
            queue.enqueue(callCenterId, at, page.continueAfter());
        }
        return total;
    }
}
