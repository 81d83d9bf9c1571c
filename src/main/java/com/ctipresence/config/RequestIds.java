package com.ctipresence.config;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids: the {@code X-Request-Id} a client sent (when it is a plain token) or a new one; kept in the logging
 * MDC under {@value #MDC_KEY} for the request, so every log line of a request can be tied to its access log line.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /** The client's id if it is 1-64 characters of letters, digits and {@code . _ : -}; else a new one. */
    public static String fromHeader(String header) {
        return header != null && ACCEPTED.matcher(header).matches() ? header : generate();
    }

    /** The current request's id, or a new one outside a request. */
    public static String currentOrNew() {
        Object current = MDC.get(MDC_KEY);
        return current == null ? generate() : current.toString();
    }
}
