package com.ctipresence.domain;

/** A well-formed command the rules refuse in the agent's current situation (answered 409), e.g. a ninth call. */
public class RuleConflictException extends RuntimeException {
    public RuleConflictException(String detail) {
        super(detail);
    }
}
