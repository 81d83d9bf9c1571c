package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.api.AgentPresenceDto;

import com.ctipresence.application.port.out.ChangeFeed;
import com.ctipresence.application.service.LiveFeedService;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.Timestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * One open stream: changes that arrive while the first event (snapshot or resume) is being prepared wait, so the
 * watcher always sees the first event first and then every change in feed order. Sends nothing once the client
 * went away; the feed's end of it is closed then.
 */
final class StreamConnection implements ChangeFeed.Listener {
    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;
    private final LiveFeedService live;
    private final Runnable onEnd;
    private final List<ChangeFeed.SequencedChange> pending = new ArrayList<>();
    private ChangeFeed.Subscription subscription;
    private CallCenterConfig config;
    private boolean started;
    private boolean ended;

    StreamConnection(SseEventSink sink, Sse sse, ObjectMapper json, LiveFeedService live, Runnable onEnd) {
        this.sink = sink;
        this.sse = sse;
        this.json = json;
        this.live = live;
        this.onEnd = onEnd;
    }

    synchronized void start(LiveFeedService.Watch watch) {
        subscription = watch.subscription();
        config = watch.config();
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("serverTime", Timestamps.format(watch.serverTime()));
        first.put("position", watch.subscription().position());
        String lastSent = watch.subscription().position();
        if (watch.snapshot() != null) {
            first.put("agents", watch.snapshot().stream().map(AgentPresenceDto::from).toList());
            send("snapshot", lastSent, first);
        } else {
            first.put("missed", watch.missed().size());
            send("resumed", lastSent, first);
            watch.missed().forEach(this::sendChange);
        }
        pending.forEach(this::sendChange);
        pending.clear();
        started = true;
        if (ended) {
            end();
        }
    }

    @Override
    public synchronized void onChange(ChangeFeed.SequencedChange change) {
        if (ended) {
            return;
        }
        if (!started) {
            pending.add(change);
        } else {
            sendChange(change);
        }
    }

    @Override
    public void onClosed() {
        end();
    }

    /** A heartbeat comment carrying the server's time (keeps proxies from closing an idle stream). */
    synchronized void heartbeat(Instant now) {
        if (started && !ended) {
            emit(sse.newEventBuilder().comment("heartbeat " + Timestamps.format(now)).build());
        }
    }

    /** The caller's token expired: tells the watcher ({@code expired}, so it asks for a fresh token) and ends. */
    void expire(Instant expiredAt) {
        CompletionStage<?> sent = null;
        synchronized (this) {
            if (!ended && !sink.isClosed()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("serverTime", Timestamps.format(live.now()));
                data.put("expiredAt", Timestamps.format(expiredAt));
                try {
                    sent = sink.send(sse.newEventBuilder().name("expired").mediaType(MediaType.TEXT_PLAIN_TYPE)
                            .data(String.class, json.writeValueAsString(data)).build());
                } catch (JsonProcessingException | RuntimeException e) {
                    sent = null;
                }
            }
        }
        if (sent == null) {
            end();
        } else {
            sent.whenComplete((ok, failure) -> end()); // the event is written before the stream is closed
        }
    }

    private void sendChange(ChangeFeed.SequencedChange change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serverTime", Timestamps.format(live.now()));
        data.put("agent", AgentPresenceDto.from(live.view(config, change.change())));
        send("change", change.position(), data);
    }

    private void send(String name, String id, Object data) {
        try {
            emit(sse.newEventBuilder().name(name).id(id).mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, json.writeValueAsString(data)).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void emit(OutboundSseEvent event) {
        if (ended || sink.isClosed()) {
            end();
            return;
        }
        sink.send(event).exceptionally(failure -> {
            end();
            return null;
        });
    }

    /** Ends the stream (client gone, or the feed cut it): unsubscribes and closes the response. */
    void end() {
        ChangeFeed.Subscription toClose;
        synchronized (this) {
            if (ended && subscription == null) {
                return;
            }
            ended = true;
            toClose = subscription;
            subscription = null;
        }
        if (toClose != null) {
            toClose.close();
        }
        onEnd.run();
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    boolean ended() {
        return ended || sink.isClosed();
    }
}
