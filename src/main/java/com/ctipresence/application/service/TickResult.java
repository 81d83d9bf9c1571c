package com.ctipresence.application.service;

/**
 * What one time-tracking tick of a call center did: agents looked at, agents written (one write request each),
 * agents left alone because a concurrent change or tick got there first (their time is booked by that one).
 */
public record TickResult(String callCenterId, int agents, int written, int raced) {
}
