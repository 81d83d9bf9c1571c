package com.ctipresence.application.service;

import com.ctipresence.application.port.out.AgentCommit;
import com.ctipresence.application.port.out.AgentPage;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.port.out.ChangeFeed;
import com.ctipresence.application.port.out.ConcurrentUpdateException;
import com.ctipresence.application.port.out.PresenceMetrics;
import com.ctipresence.application.delivery.DeliveryPlan;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.Change;
import com.ctipresence.domain.PresenceMachine;
import com.ctipresence.domain.TickSchedule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Time-tracking ticks: which call centers are due ({@link TickSchedule}: every multiple of their update interval
 * from the epoch), and the tick of one call center, which books every agent's open interval into the day totals
 * (one conditional write per agent with something to book). A failure in one call center or one agent is logged
 * with its ids and stops nothing else; an agent silent for months is booked in several commits.
 */
@ApplicationScoped
public class TickService {
    private static final Logger LOG = Logger.getLogger(TickService.class);

    @ConfigMapping(prefix = "cti.time-tracking")
    public interface Config {
        /** Parallel agent writes of one tick. */
        @WithDefault("16")
        int tickConcurrency();
    }

    private final CallCenterService callCenterService;
    private final CallCenterRepository callCenters;
    private final AgentRepository agents;
    private final Clock clock;
    private final PresenceMetrics metrics;
    private final ExecutorService tickPool;
    private final Map<String, Long> lastSlots = new ConcurrentHashMap<>();
    private final ChangeFeed feed;
    private final DeliveryService deliveries;

    /** Without delivery (services wired by hand). */
    public TickService(CallCenterService callCenterService, CallCenterRepository callCenters,
                       AgentRepository agents, Clock clock, PresenceMetrics metrics, Config config,
                       ChangeFeed feed) {
        this(callCenterService, callCenters, agents, clock, metrics, config, feed, null);
    }

    @jakarta.inject.Inject
    public TickService(CallCenterService callCenterService, CallCenterRepository callCenters,
                       AgentRepository agents, Clock clock, PresenceMetrics metrics, Config config,
                       ChangeFeed feed, DeliveryService deliveries) {
        this.feed = feed;
        this.deliveries = deliveries;
        this.callCenterService = callCenterService;
        this.callCenters = callCenters;
        this.agents = agents;
        this.clock = clock;
        this.metrics = metrics;
        // agent writers yield to wrap-up expiries in flight (ExpiryFirst)
        this.tickPool = ExpiryFirst.bulkPool(config.tickConcurrency(), "time-tracking-tick");
    }

    /**
     * Ticks every call center with time tracking whose next tick instant (a multiple of its update interval) has
     * come since its last tick here. Each is ticked on its own: one that fails is logged and the others go on.
     */
    public List<TickResult> tickDue() {
        Instant now = Millis.now(clock);
        List<TickResult> results = new ArrayList<>();
        for (CallCenterConfig config : callCenters.findAll()) {
            if (!ticked(config)) {
                continue;
            }
            long slot = TickSchedule.slot(now, config.timeTrackingUpdateSeconds());
            Long last = lastSlots.put(config.callCenterId(), slot);
            if (last == null || last != slot) {
                try {
                    results.add(tick(config, now));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "tick of call center %s failed; the next tick books its time",
                            config.callCenterId());
                    results.add(TickResult.failed(config.callCenterId()));
                }
            }
        }
        return results;
    }

    /**
     * Whether a call center is ticked at all: with time tracking, and with wrap-ups (the tick is also the backstop
     * that settles lost wrap-up expiries). The same rule for the local scheduler and the AWS tick dispatcher.
     */
    static boolean ticked(CallCenterConfig config) {
        return config.timeTrackingEnabled() || config.wrapUpEnabled();
    }

    /**
     * Checkpoints every agent of the call center now. Safe to repeat and to run concurrently with other ticks and
     * with presence changes: a write that lost its condition is left to whoever won, who booked the same seconds.
     */
    public TickResult tick(String callCenterId) {
        return tick(callCenterService.get(callCenterId), Millis.now(clock));
    }

    /** One page of a tick (AWS: a tick spread over invocations), each agent of the page checkpointed now. */
    public TickPage tickPage(String callCenterId, String startAfterAgentId, int limit) {
        CallCenterConfig config = callCenterService.get(callCenterId);
        AgentPage page = agents.page(callCenterId, startAfterAgentId, limit);
        Instant now = Millis.now(clock);
        TickPage result = new TickPage(tickAgents(config, page.agents(), now), page.continueAfter());
        if (page.continueAfter() == null && deliveries != null) {
            deliveries.timeTicked(config, now); // the last page: the call center's tick is complete
        }
        return result;
    }

    /** What one page of a tick did, and the agent id the next page starts after (null: the tick is complete). */
    public record TickPage(TickResult result, String continueAfter) {
    }

    /**
     * Agents a tick reads at a time: their checkpoints start while the next page is read. Small, since the read of a
     * page holds the store while it runs (DynamoDB Local answers from one database), and a wrap-up expiry due then
     * waits behind it; a page read is bulk work like the writes (it yields to expiries in flight, ExpiryFirst).
     */
    static final int TICK_PAGE = 100;

    private TickResult tick(CallCenterConfig config, Instant now) {
        long started = System.nanoTime();
        List<Future<Integer>> outcomes = new ArrayList<>();
        String after = null;
        do {
            String from = after;
            AgentPage page = ExpiryFirst.bulkUnit(() -> agents.page(config.callCenterId(), from, TICK_PAGE));
            submit(config, page.agents(), now, outcomes);
            after = page.continueAfter();
        } while (after != null);
        TickResult result = joinAll(config, outcomes, started);
        if (deliveries != null) {
            deliveries.timeTicked(config, now); // the time-tracking object is synced apart from the tick
        }
        return result;
    }

    private TickResult tickAgents(CallCenterConfig config, List<AgentPresence> all, Instant now) {
        long started = System.nanoTime();
        List<Future<Integer>> outcomes = new ArrayList<>();
        submit(config, all, now, outcomes);
        return joinAll(config, outcomes, started);
    }

    private void submit(CallCenterConfig config, List<AgentPresence> agentsToTick, Instant now,
                        List<Future<Integer>> outcomes) {
        for (AgentPresence agent : agentsToTick) {
            outcomes.add(tickPool.submit(() -> checkpoint(config, agent, now)));
        }
    }

    private TickResult joinAll(CallCenterConfig config, List<Future<Integer>> outcomes, long started) {
        int written = 0;
        int raced = 0;
        int failed = 0;
        for (Future<Integer> outcome : outcomes) {
            int result = join(outcome);
            written += result > 0 ? 1 : 0;
            raced += result == RACED ? 1 : 0;
            failed += result == FAILED ? 1 : 0;
        }
        metrics.tickCompleted(config.callCenterId(), java.time.Duration.ofNanos(System.nanoTime() - started),
                outcomes.size());
        return new TickResult(config.callCenterId(), outcomes.size(), written, raced, failed);
    }

    private static final int RACED = -1;
    private static final int FAILED = -2;

    /** 1 written, 0 nothing to do, RACED lost a race, FAILED logged. */
    private int checkpoint(CallCenterConfig config, AgentPresence agent, Instant now) {
        try {
            AgentPresence current = agent;
            int commits = 0;
            do {
                Change change = PresenceMachine.checkpoint(config, current, now);
                if (!change.changed()) {
                    break;
                }
                agents.commit(new AgentCommit(change, null, DeliveryPlan.of(config, change, now)));
                PresenceService.announce(feed, change, clock);
                current = change.after();
                commits++;
            } while (PresenceMachine.needsCatchUp(config, current, now));
            return commits > 0 ? 1 : 0;
        } catch (ConcurrentUpdateException lost) {
            return RACED;
        } catch (RuntimeException e) {
            LOG.errorf(e, "tick of agent %s in call center %s failed; the next tick books its time",
                    agent.agentId(), config.callCenterId());
            return FAILED;
        }
    }

    private static int join(Future<Integer> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tick interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    public void stop() {
        tickPool.shutdownNow();
    }
}
