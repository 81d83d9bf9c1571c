package com.ctipresence.adapter.out.feed;

import com.ctipresence.application.UnavailableException;
import com.ctipresence.application.port.out.AgentChange;
import com.ctipresence.application.port.out.ChangeFeed;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The change feed of a local server: in-process, per call center a sequence number and a ring buffer of the most
 * recent changes ({@code cti.feed.buffer-size}), so a watcher that reconnects with its last position is sent what it
 * missed while the buffer still holds it. Positions are {@code <run>-<sequence>}: a position of another run (the
 * server restarted) or one the buffer has dropped means "take a fresh snapshot". Listeners are called on the
 * publishing thread, in order, under the call center's lock (they only hand the change on).
 */
@ApplicationScoped
public class LocalChangeFeed implements ChangeFeed {
    private static final Logger LOG = Logger.getLogger(LocalChangeFeed.class);

    @ConfigMapping(prefix = "cti.feed")
    public interface Config {
        /** Changes kept per call center for watchers that reconnect. */
        @WithDefault("4096")
        int bufferSize();
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final int capacity;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private volatile boolean accepting = true;

    public LocalChangeFeed(Config config) {
        this.capacity = Math.max(1, config.bufferSize());
    }

    private static final class Channel {
        long sequence;
        final Deque<SequencedChange> ring = new ArrayDeque<>();
        final List<Listener> listeners = new CopyOnWriteArrayList<>();
    }

    @Override
    public void publish(AgentChange change) {
        try {
            Channel channel = channel(change.callCenterId());
            synchronized (channel) {
                SequencedChange sequenced = new SequencedChange(position(++channel.sequence), change);
                channel.ring.addLast(sequenced);
                if (channel.ring.size() > capacity) {
                    channel.ring.removeFirst();
                }
                for (Listener listener : channel.listeners) {
                    deliver(listener, sequenced);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "announcing a change of agent %s in call center %s failed", change.agentId(),
                    change.callCenterId());
        }
    }

    private static void deliver(Listener listener, SequencedChange change) {
        try {
            listener.onChange(change);
        } catch (RuntimeException e) {
            LOG.debugf(e, "a watcher failed to take a change");
        }
    }

    @Override
    public Subscription subscribe(String callCenterId, String resumeAfter, Listener listener) {
        if (!accepting) {
            throw new UnavailableException("the live feed accepts no watchers now; poll the agent list meanwhile");
        }
        Channel channel = channel(callCenterId);
        synchronized (channel) {
            String position = position(channel.sequence);
            List<SequencedChange> missed = missed(channel, resumeAfter);
            channel.listeners.add(listener);
            return new Subscription() {
                @Override
                public String position() {
                    return position;
                }

                @Override
                public boolean resumed() {
                    return missed != null;
                }

                @Override
                public List<SequencedChange> missed() {
                    return missed == null ? List.of() : missed;
                }

                @Override
                public void close() {
                    channel.listeners.remove(listener);
                }
            };
        }
    }

    /** The changes after {@code resumeAfter}, or null if it is not a position of this run the buffer still covers. */
    private List<SequencedChange> missed(Channel channel, String resumeAfter) {
        long after = sequenceOf(resumeAfter);
        if (after < 0 || after > channel.sequence) {
            return null;
        }
        long oldestKept = channel.ring.isEmpty() ? channel.sequence + 1 : sequenceOf(channel.ring.peekFirst().position());
        if (after + 1 < oldestKept) {
            return null; // some changes after it were dropped from the buffer
        }
        List<SequencedChange> result = new ArrayList<>();
        for (SequencedChange c : channel.ring) {
            if (sequenceOf(c.position()) > after) {
                result.add(c);
            }
        }
        return result;
    }

    private long sequenceOf(String position) {
        if (position == null || !position.startsWith(run + "-")) {
            return -1;
        }
        try {
            return Long.parseLong(position.substring(run.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String position(long sequence) {
        return run + "-" + sequence;
    }

    private Channel channel(String callCenterId) {
        return channels.computeIfAbsent(callCenterId, k -> new Channel());
    }

    /**
     * Ends every watcher's subscription (of one call center, or all when null) and, with {@code accepting} false,
     * refuses new ones until called again with true: how an outage of the live connection is shown and tested.
     */
    public void cut(String callCenterId, boolean accepting) {
        this.accepting = accepting;
        channels.forEach((cc, channel) -> {
            if (callCenterId == null || callCenterId.equals(cc)) {
                List<Listener> ended;
                synchronized (channel) {
                    ended = List.copyOf(channel.listeners);
                    channel.listeners.clear();
                }
                ended.forEach(Listener::onClosed);
            }
        });
    }

    /** Accept watchers again (after {@link #cut} refused them). */
    public void accept() {
        this.accepting = true;
    }

    /** Watchers of a call center now (tests). */
    public int watchers(String callCenterId) {
        Channel channel = channels.get(callCenterId);
        return channel == null ? 0 : channel.listeners.size();
    }
}
