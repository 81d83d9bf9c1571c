package com.ctipresence.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.ctipresence.application.service.DeliveryService;
import jakarta.inject.Named;

import java.util.Map;

/**
 * The {@code delivery} function: the outbox table's stream (new images of pending items; each record names one
 * item, which is sent if it is due) and a schedule (rate(1 minute): every due item, i.e. retries after back-off
 * and items left by an invocation that stopped mid-delivery). Never fails a batch: an item that could not be
 * sent stays pending in the table.
 */
@Named("delivery")
public class DeliveryFunction implements RequestHandler<DeliveryEvent, Map<String, Object>> {
    private final DeliveryService deliveries;

    public DeliveryFunction(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public Map<String, Object> handleRequest(DeliveryEvent event, Context context) {
        LambdaLog.context(context, null, null);
        if (event == null || event.records() == null || event.records().isEmpty()) {
            return Map.of("sent", deliveries.drainDue());
        }
        event.items().forEach(i -> deliveries.deliverItem(i.callCenterId(), i.agentId(), i.target()));
        return Map.of("records", event.records().size());
    }
}
