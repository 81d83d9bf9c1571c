package com.ctipresence.adapter.out.sqs;

/** Sends one message to a queue, delivered after {@code delaySeconds} (0–900). Tests record instead of sending. */
public interface QueueSender {
    void send(String queueUrl, String body, int delaySeconds);
}
