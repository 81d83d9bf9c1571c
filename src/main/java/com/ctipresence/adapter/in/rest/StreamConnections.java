package com.ctipresence.adapter.in.rest;

import com.ctipresence.application.service.LiveFeedService;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The open streams, their heartbeat ({@code cti.stream.heartbeat-seconds}, default 15) and their end when the
 * caller's token expires.
 */
@ApplicationScoped
public class StreamConnections {
    private final Set<StreamConnection> open = ConcurrentHashMap.newKeySet();
    /** Token expiry is real time (smallrye-jwt checks exp against it), whatever the application's Clock says. */
    private final Clock tokenClock = Clock.systemUTC();
    private final ObjectMapper json;
    private final LiveFeedService live;
    /** The end of each open stream at its token's expiry, cancelled when the stream ends earlier. */
    private final Map<StreamConnection, ScheduledFuture<?>> expiries = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor heartbeats = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "stream-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public StreamConnections(ObjectMapper json, LiveFeedService live,
                             @ConfigProperty(name = "cti.stream.heartbeat-seconds", defaultValue = "15")
                             int heartbeatSeconds) {
        this.json = json;
        this.live = live;
        heartbeats.setRemoveOnCancelPolicy(true);
        heartbeats.scheduleAtFixedRate(this::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    }

    StreamConnection open(SseEventSink sink, Sse sse) {
        StreamConnection[] self = new StreamConnection[1];
        self[0] = new StreamConnection(sink, sse, json, live, () -> {
            open.remove(self[0]);
            ScheduledFuture<?> expiry = expiries.remove(self[0]);
            if (expiry != null) {
                expiry.cancel(false);
            }
        });
        open.add(self[0]);
        return self[0];
    }

    /**
     * Ends the stream when the caller's token expires ({@code expiresAt}; null: never), with an {@code expired}
     * event first. Measured on the wall clock, as the token's verification is (not the application's Clock).
     */
    void endWhenExpired(StreamConnection connection, Instant expiresAt) {
        if (expiresAt == null) {
            return;
        }
        long delay = Math.max(0, expiresAt.toEpochMilli() - tokenClock.millis());
        expiries.put(connection, heartbeats.schedule(() -> connection.expire(expiresAt), delay,
                TimeUnit.MILLISECONDS));
        if (connection.ended()) { // it ended while being scheduled: nothing to wait for
            ScheduledFuture<?> expiry = expiries.remove(connection);
            if (expiry != null) {
                expiry.cancel(false);
            }
        }
    }

    void forget(StreamConnection connection) {
        open.remove(connection);
        ScheduledFuture<?> expiry = expiries.remove(connection);
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    /** Sends every open stream a heartbeat now (the scheduler does this every interval; tests call it). */
    public void heartbeat() {
        var now = live.now();
        for (StreamConnection c : open) {
            try {
                if (c.ended()) {
                    c.end();
                } else {
                    c.heartbeat(now);
                }
            } catch (RuntimeException ignored) {
                c.end();
            }
        }
    }

    public int openStreams() {
        return open.size();
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
        open.forEach(StreamConnection::end);
    }
}
