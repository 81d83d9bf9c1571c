package com.ctipresence.adapter.out.sqs;

import com.ctipresence.adapter.messages.TickMessage;
import com.ctipresence.application.port.out.TickQueue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;

/** Ticks on AWS: a {@link TickMessage} on the tick queue, delayed to its tick instant. */
@ApplicationScoped
public class SqsTickQueue implements TickQueue {
    private final QueueSender sender;
    private final ObjectMapper json;
    private final Clock clock;
    private final QueueConfig config;

    public SqsTickQueue(QueueSender sender, ObjectMapper json, Clock clock, QueueConfig config) {
        this.sender = sender;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @Override
    public void enqueue(String callCenterId, Instant at, String continueAfter) {
        try {
            sender.send(QueueConfig.required(config.tickQueueUrl(), "tick-queue-url"),
                    json.writeValueAsString(new TickMessage(callCenterId, at, continueAfter)),
                    SqsWrapUpTimer.delaySeconds(clock.instant(), at));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
