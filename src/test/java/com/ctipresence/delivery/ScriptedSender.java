package com.ctipresence.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.PresenceDelivery;
import com.ctipresence.application.port.out.delivery.PresenceSender;
import com.ctipresence.domain.delivery.DeliveryConfig;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A target as a test scripts it: answers the queued outcomes in order, then {@code otherwise} (Delivered unless
 * set); records every delivery it was sent, with the time it was sent at. {@code down} makes it answer Retry (an
 * outage, like a 503) until set back.
 */
final class ScriptedSender implements PresenceSender {
    record Received(PresenceDelivery delivery, Instant at, DeliveryOutcome answered) {
    }

    private final DeliveryTarget target;
    private final Supplier<Instant> clock;
    private final Deque<DeliveryOutcome> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    volatile boolean down;
    volatile RuntimeException throwing;
    volatile DeliveryOutcome otherwise = new DeliveryOutcome.Delivered();

    ScriptedSender(DeliveryTarget target, Supplier<Instant> clock) {
        this.target = target;
        this.clock = clock;
    }

    ScriptedSender then(DeliveryOutcome... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    @Override
    public DeliveryTarget target() {
        return target;
    }

    @Override
    public synchronized DeliveryOutcome send(DeliveryConfig config, PresenceDelivery delivery) {
        if (throwing != null) {
            received.add(new Received(delivery, clock.get(), null));
            throw throwing;
        }
        DeliveryOutcome answer = down ? new DeliveryOutcome.Retry("503 Service Unavailable", null)
                : script.isEmpty() ? otherwise : script.poll();
        received.add(new Received(delivery, clock.get(), answer));
        return answer;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<Received> delivered() {
        return received.stream().filter(r -> r.answered() instanceof DeliveryOutcome.Delivered).toList();
    }
}
