package com.ctipresence.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs an action for each message of an SQS batch, each on its own: a message that cannot be read or whose action
 * fails is logged and reported in {@code batchItemFailures} (SQS delivers it again, and after the queue's
 * maxReceiveCount moves it to the dead-letter queue, whose depth raises an alarm); the others are done.
 */
@ApplicationScoped
public class SqsBatch {
    private static final Logger LOG = Logger.getLogger(SqsBatch.class);

    private final ObjectMapper json;

    public SqsBatch(ObjectMapper json) {
        this.json = json;
    }

    public <M> SqsBatchResponse each(SqsEvent event, Context context, Class<M> type, Consumer<M> action) {
        List<SqsBatchResponse.ItemFailure> failures = new ArrayList<>();
        try {
            for (SqsEvent.Message message : event.records() == null ? List.<SqsEvent.Message>of()
                    : event.records()) {
                LambdaLog.context(context, null, null); // the action adds the message's call center and agent
                try {
                    action.accept(json.readValue(message.body(), type));
                } catch (Exception e) {
                    LOG.errorf(e, "message %s (%s) failed; it is delivered again", message.messageId(),
                            type.getSimpleName());
                    failures.add(new SqsBatchResponse.ItemFailure(message.messageId()));
                }
            }
        } finally {
            LambdaLog.clear();
        }
        return new SqsBatchResponse(failures);
    }
}
