package com.ctipresence.application.service;

/**
 * What one tick of a call center did: agents looked at, agents written, writes that lost a race (the winner booked
 * the same time), agents whose write failed (logged; the next tick books their time).
 */
public record TickResult(String callCenterId, int agents, int written, int raced, int failed) {

    public static TickResult failed(String callCenterId) {
        return new TickResult(callCenterId, 0, 0, 0, -1);
    }
}
