package com.ctipresence.application.service;

import com.ctipresence.application.port.out.AgentChange;
import com.ctipresence.application.port.out.ChangeFeed;
import com.ctipresence.application.port.out.delivery.Outbox;
import com.ctipresence.application.security.Access;
import com.ctipresence.application.security.Caller;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.TimeLedger;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Watching a call center live (the dashboard): authorizes the caller like the agent list (supervisors and admins
 * of that call center), subscribes to the {@link ChangeFeed} first and then reads the snapshot, so no change falls
 * between the two (a change may show in both; the watcher keeps the higher {@code version} per agent). A watcher
 * resuming from a position the feed still buffers gets the missed changes instead of a snapshot.
 */
@ApplicationScoped
public class LiveFeedService {
    private final CallCenterService callCenters;
    private final PresenceViews views;
    private final ChangeFeed feed;
    private final Access access;
    private final Clock clock;
    private final Outbox outbox;

    public LiveFeedService(CallCenterService callCenters, PresenceViews views, ChangeFeed feed, Access access,
                           Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.callCenters = callCenters;
        this.views = views;
        this.feed = feed;
        this.access = access;
        this.clock = clock;
    }

    /**
     * What a new watcher is sent first: {@code snapshot} (every agent now; null when resumed) or {@code missed}
     * (the changes after its last position), and the subscription delivering every later change.
     */
    public record Watch(CallCenterConfig config, List<PresenceView> snapshot,
                        List<ChangeFeed.SequencedChange> missed, ChangeFeed.Subscription subscription,
                        Instant serverTime) {
    }

    public Watch watch(Caller caller, String callCenterId, String lastPosition, ChangeFeed.Listener listener) {
        access.listAgents(caller, callCenterId);
        CallCenterConfig config = callCenters.get(callCenterId);
        ChangeFeed.Subscription subscription = feed.subscribe(callCenterId, lastPosition, listener);
        try {
            if (subscription.resumed()) {
                return new Watch(config, null, subscription.missed(), subscription, now());
            }
            // with display names (agent profiles) and delivery status, as the agent list
            return new Watch(config, PresenceService.withExtras(outbox, config, views.all(config)), List.of(),
                    subscription, now());
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    /**
     * A change as a watcher is shown it: the presence committed, seconds in its state now, and today's time per state
     * from the running totals the committed agent carries (no read). {@code today} is null only for an agent still
     * in the legacy layout (its totals in the day rows); the watcher then adds the time of the state it left to its
     * snapshot's figures.
     */
    public PresenceView view(CallCenterConfig config, AgentChange change) {
        return views.withoutReading(config, change.presence()).orElseGet(() -> new PresenceView(change.presence(),
                TimeLedger.seconds(change.presence().since(), now()), null));
    }

    public Instant now() {
        return Millis.now(clock);
    }
}
