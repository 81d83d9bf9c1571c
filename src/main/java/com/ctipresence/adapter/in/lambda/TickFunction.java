package com.ctipresence.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.ctipresence.adapter.messages.TickMessage;
import com.ctipresence.application.service.TickDispatchService;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code tick} function (SQS, the queued ticks): ticks one call center in pages of agents; when the invocation's
 * remaining time runs low, the rest is queued as a continuation instead of timing out.
 */
@Named("tick")
public class TickFunction implements RequestHandler<SqsEvent, SqsBatchResponse> {
    private final SqsBatch batch;
    private final TickDispatchService ticks;
    private final int pageSize;
    private final long reserveMillis;

    public TickFunction(SqsBatch batch, TickDispatchService ticks,
                        @ConfigProperty(name = "cti.tick.page-size", defaultValue = "100") int pageSize,
                        @ConfigProperty(name = "cti.tick.reserve-millis", defaultValue = "10000") long reserveMillis) {
        this.batch = batch;
        this.ticks = ticks;
        this.pageSize = pageSize;
        this.reserveMillis = reserveMillis;
    }

    @Override
    public SqsBatchResponse handleRequest(SqsEvent event, Context context) {
        return batch.each(event, context, TickMessage.class, m -> {
            LambdaLog.context(context, m.callCenterId(), null);
            ticks.tick(m.callCenterId(), m.tickAt(), m.continueAfter(), pageSize,
                    () -> context.getRemainingTimeInMillis() > reserveMillis);
        });
    }
}
