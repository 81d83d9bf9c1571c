package com.ctipresence.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.ctipresence.adapter.messages.WrapUpMessage;
import com.ctipresence.application.service.PresenceService;
import jakarta.inject.Named;

/**
 * The {@code wrap-up-expiry} function (SQS, the wrap-up timer's delayed messages): expires the wrap-up now. A
 * message that came early (SQS delays are at most 900 s) changes nothing and is sent again for the rest; one for a
 * wrap-up that is over, or a duplicate, changes nothing; a failure is reported for that message alone.
 */
@Named("wrap-up-expiry")
public class WrapUpExpiryFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {
    private final SqsBatch batch;
    private final PresenceService presence;

    public WrapUpExpiryFunction(SqsBatch batch, PresenceService presence) {
        this.batch = batch;
        this.presence = presence;
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        return batch.each(event, context, WrapUpMessage.class, m -> {
            LambdaLog.context(context, m.callCenterId(), m.agentId());
            presence.expireWrapUp(m.callCenterId(), m.agentId(), m.wrapUpId()); // early: the use case re-arms
        });
    }
}
