package com.ctipresence.lambda;

import com.ctipresence.adapter.in.lambda.SqsEvent;
import com.ctipresence.support.RecordingQueueSender;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQS events for handler tests, made of messages as the SQS adapters sent them. */
final class Sqs {
    private Sqs() {
    }

    static SqsEvent event(RecordingQueueSender.Sent... sent) {
        return new SqsEvent(java.util.Arrays.stream(sent).map(s -> message(s.body())).toList());
    }

    static SqsEvent.Message message(String body) {
        return new SqsEvent.Message(UUID.randomUUID().toString(), body, Map.of("ApproximateReceiveCount", "1"));
    }

    static SqsEvent event(List<SqsEvent.Message> messages) {
        return new SqsEvent(messages);
    }
}
