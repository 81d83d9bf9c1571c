package com.ctipresence.application;

/**
 * The store cannot serve the request now (unreachable, throttling, timing out, or contended past the retry
 * budget). Nothing was changed; answered 503 with Retry-After.
 */
public class UnavailableException extends RuntimeException {
    public UnavailableException(String detail) {
        super(detail);
    }

    public UnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
