package com.ctipresence.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import org.jboss.logging.MDC;

import java.util.regex.Pattern;

/**
 * What every log line of an invocation carries (JSON logs in the lambda profile show the MDC under {@code "mdc"}):
 * the Lambda request id and, when known, the call center and agent. Each handler sets it at the start of its work
 * (of each message, for SQS batches) and {@link #clear() clears} it when the invocation ends, so no line of the next
 * invocation carries them. A call center or agent id that is not a plain id is logged as {@code (invalid)}.
 */
public final class LambdaLog {
    public static final String REQUEST_ID = "requestId";
    public static final String CALL_CENTER_ID = "callCenterId";
    public static final String AGENT_ID = "agentId";
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private LambdaLog() {
    }

    public static void context(Context context, String callCenterId, String agentId) {
        put(REQUEST_ID, context == null ? null : context.getAwsRequestId());
        put(CALL_CENTER_ID, callCenterId);
        put(AGENT_ID, agentId);
    }

    public static void clear() {
        MDC.remove(REQUEST_ID);
        MDC.remove(CALL_CENTER_ID);
        MDC.remove(AGENT_ID);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, PLAIN_ID.matcher(value).matches() ? value : "(invalid)");
        }
    }
}
