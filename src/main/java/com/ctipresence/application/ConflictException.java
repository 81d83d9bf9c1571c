package com.ctipresence.application;

/** The request is valid but cannot be applied in the current state (e.g. presence is disabled). */
public class ConflictException extends RuntimeException {
    public ConflictException(String detail) {
        super(detail);
    }
}
