package com.ctipresence.adapter.in.rest;

import com.ctipresence.application.service.LiveFeedService;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The open streams, and their heartbeat ({@code cti.stream.heartbeat-seconds}, default 15). */
@ApplicationScoped
public class StreamConnections {
    private final Set<StreamConnection> open = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;
    private final LiveFeedService live;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stream-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public StreamConnections(ObjectMapper json, LiveFeedService live,
                             @ConfigProperty(name = "cti.stream.heartbeat-seconds", defaultValue = "15")
                             int heartbeatSeconds) {
        this.json = json;
        this.live = live;
        heartbeats.scheduleAtFixedRate(this::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    }

    StreamConnection open(SseEventSink sink, Sse sse) {
        StreamConnection[] self = new StreamConnection[1];
        self[0] = new StreamConnection(sink, sse, json, live, () -> open.remove(self[0]));
        open.add(self[0]);
        return self[0];
    }

    void forget(StreamConnection connection) {
        open.remove(connection);
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
