package com.ctipresence.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import org.jboss.logging.MDC;

/**
 * What every log line of an invocation carries (JSON logs in the lambda profile show the MDC): the Lambda request
 * id and, when known, the call center and agent.
 */
public final class LambdaLog {
    private LambdaLog() {
    }

    public static void context(Context context, String callCenterId, String agentId) {
        put("requestId", context == null ? null : context.getAwsRequestId());
        put("callCenterId", callCenterId);
        put("agentId", agentId);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
