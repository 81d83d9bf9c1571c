package com.ctipresence.application.port.out;

/** A conditional write lost against a concurrent one: the caller re-reads and tries again. */
public class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String message) {
        super(message, null, false, false);
    }
}
