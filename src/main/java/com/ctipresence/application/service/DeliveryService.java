package com.ctipresence.application.service;

import com.ctipresence.application.delivery.BackOff;
import com.ctipresence.application.delivery.DeliveryPlan;
import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.port.out.PresenceMetrics;
import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.DeliveryStatus;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.Outbox;
import com.ctipresence.application.port.out.delivery.OutboxItem;
import com.ctipresence.application.port.out.delivery.PresenceDelivery;
import com.ctipresence.application.port.out.delivery.PresenceSender;
import com.ctipresence.application.port.out.delivery.TimeRecord;
import com.ctipresence.application.port.out.delivery.TimeRecordSink;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.domain.TimeLedger;
import com.ctipresence.domain.PresenceState;
import com.ctipresence.domain.PresenceStatus;
import com.ctipresence.domain.delivery.AgentProfile;
import com.ctipresence.domain.delivery.TeamsPresence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The delivery worker's use case: sends what the outbox holds, latest version only, and records the outcome on the
 * item. One item at a time: claim it (a lease, so two workers never send it at once), send its version through the
 * target's {@link PresenceSender}, record Delivered / Retry (back-off with jitter, or the target's Retry-After) /
 * Failed — each conditional on the item still holding that version, so a newer version that arrived meanwhile stays
 * pending for the next round and is never overwritten. Delivery is at least once: a worker that dies after sending
 * and before recording leaves the item leased until {@link #LEASE} is over, then it is sent again (the
 * {@code version} in every delivery lets a target drop a repeat).
 * <p>
 * Nothing here ever throws into a presence change: the change committed the items; this runs apart from it, and
 * every failure is logged and leaves the item for the next round.
 */
@ApplicationScoped
public class DeliveryService {
    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    /** How long a claimed item belongs to the worker that claimed it; senders time out well before it. */
    public static final Duration LEASE = Duration.ofSeconds(60);
    /** Items one sweep takes at most. */
    static final int SWEEP_LIMIT = 500;
    /** Refused time records named in a FAILED reason at most. */
    static final int MAX_RECORD_ERRORS = 3;

    private final Outbox outbox;
    private final CallCenterRepository callCenters;
    private final PresenceViews views;
    private final Map<DeliveryTarget, PresenceSender> senders = new EnumMap<>(DeliveryTarget.class);
    private final TimeRecordSink timeSink;
    private final PresenceMetrics metrics;
    private final Clock clock;
    private final DoubleSupplier random;

    @Inject
    public DeliveryService(Outbox outbox, CallCenterRepository callCenters, PresenceViews views,
                           Instance<PresenceSender> senders, Instance<TimeRecordSink> timeSink,
                           PresenceMetrics metrics, Clock clock) {
        this(outbox, callCenters, views, senders.stream().toList(),
                timeSink.isResolvable() ? timeSink.get() : null, metrics, clock,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Wired by hand (tests): the senders by their target, the time sink (null: none), the jitter source. */
    public DeliveryService(Outbox outbox, CallCenterRepository callCenters, PresenceViews views,
                           List<PresenceSender> senders, TimeRecordSink timeSink, PresenceMetrics metrics,
                           Clock clock, DoubleSupplier random) {
        this.outbox = outbox;
        this.callCenters = callCenters;
        this.views = views;
        senders.forEach(s -> this.senders.put(s.target(), s));
        this.timeSink = timeSink;
        this.metrics = metrics;
        this.clock = clock;
        this.random = random;
    }

    /** Sends every item due now (the periodic sweep, and tests); answers how many were sent or settled. */
    public int drainDue() {
        int handled = 0;
        List<OutboxItem> due;
        try {
            due = outbox.due(Millis.now(clock), SWEEP_LIMIT);
        } catch (RuntimeException e) {
            LOG.warnf(e, "delivery sweep could not read the outbox; the next sweep tries again");
            return 0;
        }
        for (OutboxItem item : due) {
            handled += deliver(item) ? 1 : 0;
        }
        return handled;
    }

    /** Sends the agent's due items now (right after a commit). */
    public void deliverAgent(String callCenterId, String agentId) {
        try {
            Instant now = Millis.now(clock);
            outbox.agent(callCenterId, agentId).items().stream().filter(i -> i.due(now)).forEach(this::deliver);
        } catch (RuntimeException e) {
            LOG.warnf(e, "delivery of agent %s in call center %s failed; the sweep tries again", agentId,
                    callCenterId);
        }
    }

    /** Sends one item if it is due (an outbox stream record names it). */
    public void deliverItem(String callCenterId, String agentId, DeliveryTarget target) {
        try {
            outbox.find(callCenterId, agentId, target).filter(i -> i.due(Millis.now(clock))).ifPresent(this::deliver);
        } catch (RuntimeException e) {
            LOG.warnf(e, "delivery of %s for agent %s in call center %s failed; the sweep tries again", target,
                    agentId, callCenterId);
        }
    }

    /** Claims, sends and records one item; false when it was not ours to send (or could not be settled now). */
    boolean deliver(OutboxItem item) {
        String lease = UUID.randomUUID().toString();
        try {
            Instant now = Millis.now(clock);
            if (!outbox.claim(item, lease, now, now.plus(LEASE))) {
                return false;
            }
            DeliveryOutcome outcome;
            Duration refreshAfter = null;
            try {
                Sent sent = send(item);
                outcome = sent.outcome();
                refreshAfter = sent.refreshAfter();
            } catch (RuntimeException e) { // a sender bug or an unexpected failure: retried with back-off
                LOG.warnf(e, "sending %s v%d for %s/%s threw", item.target(), item.version(), item.callCenterId(),
                        item.agentId());
                outcome = new DeliveryOutcome.Retry("the sender failed: " + e, null);
            }
            return settle(item, lease, outcome, refreshAfter);
        } catch (RuntimeException e) {
            // the store failed (or the process is going down): the lease runs out and the item is tried again
            LOG.warnf(e, "delivery of %s v%d for %s/%s failed unexpectedly; retried after the lease", item.target(),
                    item.version(), item.callCenterId(), item.agentId());
            return false;
        }
    }

    /** What a target answered, and when a delivered Teams session presence is to be sent again (else null). */
    private record Sent(DeliveryOutcome outcome, Duration refreshAfter) {
        Sent(DeliveryOutcome outcome) {
            this(outcome, null);
        }
    }

    private Sent send(OutboxItem item) {
        Optional<CallCenterConfig> found = callCenters.find(item.callCenterId());
        if (found.isEmpty()) {
            return new Sent(new DeliveryOutcome.Failed("call center '" + item.callCenterId() + "' no longer exists"));
        }
        CallCenterConfig config = found.get();
        if (item.target() == DeliveryTarget.SALESFORCE_TIME) {
            return new Sent(syncTime(config, item));
        }
        if (!DeliveryPlan.targets(config).contains(item.target())) {
            return new Sent(new DeliveryOutcome.Failed(item.target().key()
                    + " is no longer configured for the call center"));
        }
        AgentProfile profile = outbox.agent(item.callCenterId(), item.agentId()).profile();
        if (profile == null) {
            profile = AgentProfile.empty(item.callCenterId(), item.agentId());
        }
        PresenceDelivery delivery = delivery(config, item, profile);
        String missing = missing(item.target(), delivery);
        if (missing != null) {
            return new Sent(new DeliveryOutcome.Failed(missing));
        }
        PresenceSender sender = senders.get(item.target());
        if (sender == null) {
            return new Sent(new DeliveryOutcome.Failed("no sender for " + item.target().key() + " in this build"));
        }
        DeliveryOutcome outcome = sender.send(config.delivery(), delivery);
        return new Sent(outcome == null ? new DeliveryOutcome.Retry("the sender answered nothing", null) : outcome,
                refreshAfter(config, item.target(), delivery));
    }

    /**
     * A Teams session presence expires after {@code expirationMinutes}: it is set again, same version, when three
     * quarters of that have passed (a cleared presence needs nothing).
     */
    static Duration refreshAfter(CallCenterConfig config, DeliveryTarget target, PresenceDelivery delivery) {
        if (target != DeliveryTarget.TEAMS || delivery.teamsClear() || config.delivery().teams() == null) {
            return null;
        }
        return Duration.ofMinutes(config.delivery().teams().expirationMinutes()).multipliedBy(3).dividedBy(4);
    }

    /** The state as it was committed, the agent's current profile, the state's current per-target values. */
    static PresenceDelivery delivery(CallCenterConfig config, OutboxItem item, AgentProfile profile) {
        PresenceState state = new PresenceState(item.stateId(), item.label(), item.reasonCode(),
                PresenceStatus.ofCode(item.presenceStatus()));
        var targets = config.targetsOf(item.stateId());
        TeamsPresence teams = targets.teams() != null ? targets.teams()
                : TeamsPresence.defaultFor(state, config.pbxMode());
        return new PresenceDelivery(item.callCenterId(), item.agentId(), item.version(), item.at(), item.stateId(),
                item.label(), item.reasonCode(), item.presenceStatus(), profile.extension(), profile.sipAddress(),
                profile.entraUserId(), profile.salesforceUserId(), teams == null ? null : teams.availability(),
                teams == null ? null : teams.activity(), teams == null, targets.omniChannelStatusId());
    }

    /** What the target cannot do without: a Failed reason naming it, or null. */
    private static String missing(DeliveryTarget target, PresenceDelivery d) {
        return switch (target) {
            case SKYPE -> d.sipAddress() == null ? "agent '" + d.agentId() + "' has no sipAddress in its profile"
                    : d.reasonCode() == null ? "state '" + d.stateId() + "' has no reasonCode (availability code)"
                    : null;
            case TEAMS -> d.entraUserId() == null ? "agent '" + d.agentId() + "' has no entraUserId in its profile"
                    : null;
            case OMNI_CHANNEL -> d.salesforceUserId() == null
                    ? "agent '" + d.agentId() + "' has no salesforceUserId in its profile"
                    : d.omniChannelStatusId() == null
                    ? "state '" + d.stateId() + "' has no omniChannelStatusId" : null;
            default -> null;
        };
    }

    private boolean settle(OutboxItem item, String lease, DeliveryOutcome outcome, Duration refreshAfter) {
        Instant now = Millis.now(clock);
        boolean refresh = item.status() == DeliveryStatus.DELIVERED; // a Teams session presence set again
        int attempts = item.attempts() + 1;
        String target = item.target().key();
        if (outcome instanceof DeliveryOutcome.Delivered) {
            boolean recorded = outbox.record(item, lease, DeliveryStatus.DELIVERED,
                    refresh ? item.attempts() : attempts, refreshAfter == null ? null : now.plus(refreshAfter),
                    null, now);
            if (!refresh) {
                metrics.deliverySent(target, Duration.between(item.enqueuedAt(), now));
            }
            LOG.debugf("delivered %s v%d to %s for %s/%s after %d attempt(s)", item.stateId(), item.version(),
                    target, item.callCenterId(), item.agentId(), attempts);
            return recorded;
        }
        if (outcome instanceof DeliveryOutcome.Retry retry) {
            Instant next = now.plus(BackOff.after(attempts, retry.retryAfter(), random.getAsDouble()));
            metrics.deliveryRetried(target);
            LOG.infof("delivery of v%d to %s for %s/%s failed (%s); attempt %d, next at %s", item.version(), target,
                    item.callCenterId(), item.agentId(), retry.reason(), attempts, next);
            return outbox.record(item, lease, DeliveryStatus.PENDING, attempts, next, retry.reason(), now);
        }
        DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
        metrics.deliveryFailed(target);
        LOG.warnf("delivery of v%d to %s for %s/%s refused: %s; not retried until a newer version",
                item.version(), target, item.callCenterId(), item.agentId(), failed.reason());
        return outbox.record(item, lease, DeliveryStatus.FAILED, attempts, null, failed.reason(), now);
    }

    // ------------------------------------------------------------------------------------------ time tracking

    /** After a call center's tick: ask for a sync of its day totals (nothing is sent inside the tick). */
    public void timeTicked(CallCenterConfig config, Instant tickAt) {
        if (!DeliveryPlan.timeSync(config)) {
            return;
        }
        try {
            outbox.requestTimeSync(config.callCenterId(), tickAt);
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not ask for the time-tracking sync of %s; the next tick asks again",
                    config.callCenterId());
        }
    }

    /**
     * Upserts the call center's day totals of the tick's local day (and of the day before when the tick interval
     * crossed midnight) as absolute seconds: repeating it never double counts.
     */
    private DeliveryOutcome syncTime(CallCenterConfig config, OutboxItem item) {
        if (!DeliveryPlan.timeSync(config)) {
            return new DeliveryOutcome.Failed("time tracking or delivery.salesforce is no longer configured");
        }
        Instant tickAt = Instant.ofEpochMilli(item.version());
        TreeSet<LocalDate> days = new TreeSet<>(List.of(LocalDate.ofInstant(tickAt, config.timeZone()),
                LocalDate.ofInstant(tickAt.minusSeconds(config.timeTrackingUpdateSeconds()), config.timeZone())));
        Map<String, Outbox.AgentTargets> agents = outbox.callCenter(config.callCenterId());
        List<TimeRecord> records = new ArrayList<>();
        // the exact figures now (the agents' running day totals, closed days, open intervals), rounded per agent-day
        for (TimeLedger.Rounded r : views.report(config, days.first(), days.last(), null)) {
            DayTotal t = r.total();
            Outbox.AgentTargets a = agents.get(t.agentId());
            String user = a == null || a.profile() == null ? null : a.profile().salesforceUserId();
            Optional<PresenceState> state = config.state(t.stateId());
            records.add(new TimeRecord(TimeRecord.externalId(config.callCenterId(), t.date(), t.agentId(),
                    t.stateId()), config.callCenterId(), t.agentId(), user, t.date(), t.stateId(),
                    state.map(PresenceState::label).orElse(t.label()),
                    state.map(PresenceState::reasonCode).orElse(null), t.presenceStatus(), r.seconds()));
        }
        if (records.isEmpty()) {
            return new DeliveryOutcome.Delivered();
        }
        if (timeSink == null) {
            return new DeliveryOutcome.Failed("no time-record sink in this build");
        }
        Map<String, DeliveryOutcome> outcomes = timeSink.upsert(config.delivery(), records);
        List<DeliveryOutcome.Retry> retries = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (TimeRecord r : records) {
            DeliveryOutcome o = outcomes.get(r.externalId());
            if (o == null) {
                retries.add(new DeliveryOutcome.Retry("no answer for " + r.externalId(), null));
            } else if (o instanceof DeliveryOutcome.Retry retry) {
                retries.add(retry);
            } else if (o instanceof DeliveryOutcome.Failed failed && refused.size() < MAX_RECORD_ERRORS) {
                refused.add(r.externalId() + ": " + failed.reason());
            }
        }
        if (!retries.isEmpty()) {
            Duration after = retries.stream().map(DeliveryOutcome.Retry::retryAfter)
                    .filter(java.util.Objects::nonNull).max(Duration::compareTo).orElse(null);
            return new DeliveryOutcome.Retry(retries.size() + " of " + records.size() + " records not stored: "
                    + retries.get(0).reason(), after);
        }
        if (!refused.isEmpty()) {
            return new DeliveryOutcome.Failed("records refused: " + String.join("; ", refused));
        }
        return new DeliveryOutcome.Delivered();
    }
}
