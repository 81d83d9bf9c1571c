package com.ctipresence.application;

/** The addressed call center, agent or preset does not exist. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String detail) {
        super(detail);
    }
}
