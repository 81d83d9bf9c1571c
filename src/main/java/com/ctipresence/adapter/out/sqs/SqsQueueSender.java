package com.ctipresence.adapter.out.sqs;

import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** {@link QueueSender} over the AWS SDK's SQS client. */
@ApplicationScoped
public class SqsQueueSender implements QueueSender {
    private final SqsClient sqs;

    public SqsQueueSender(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public void send(String queueUrl, String body, int delaySeconds) {
        sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body).delaySeconds(delaySeconds)
                .build());
    }
}
