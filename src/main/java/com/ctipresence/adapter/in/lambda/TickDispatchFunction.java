package com.ctipresence.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.ctipresence.application.service.TickDispatchService;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The {@code tick-dispatch} function (EventBridge Scheduler, rate(1 minute)): queues the ticks of every call
 * center's tick instants within the scheduled minute. The schedule passes {@code {"scheduledTime": "..."}}; without
 * it the current minute is used.
 */
@Named("tick-dispatch")
public class TickDispatchFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final TickDispatchService ticks;
    private final Clock clock;

    public TickDispatchFunction(TickDispatchService ticks, Clock clock) {
        this.ticks = ticks;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        LambdaLog.context(context, null, null);
        try {
            Object scheduled = event == null ? null : event.get("scheduledTime");
            Instant minute = (scheduled == null ? clock.instant() : Instant.parse(scheduled.toString()))
                    .truncatedTo(ChronoUnit.MINUTES);
            return Map.of("minute", minute.toString(), "ticksQueued",
                    ticks.dispatch(minute, Duration.ofMinutes(1)));
        } finally {
            LambdaLog.clear();
        }
    }
}
