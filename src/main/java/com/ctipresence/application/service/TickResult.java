package com.ctipresence.application.service;

/**
 * What one tick of a call center did: agents looked at, agents written, writes that lost a race (the winner booked
 * the same time), agents whose write failed (logged; the next tick books their time).
 */
public record TickResult(String callCenterId, int agents, int written, int raced, int failed) {

    public static TickResult failed(String callCenterId) {
        return new TickResult(callCenterId, 0, 0, 0, -1);
    }

    /** This and {@code more} of the same call center together (pages of one tick). */
    public TickResult plus(TickResult more) {
        return new TickResult(callCenterId, agents + more.agents, written + more.written, raced + more.raced,
                failed + more.failed);
    }
}
