package com.ctipresence.adapter.messages;

import java.time.Instant;

/**
 * A queued time-tracking tick of one call center (AWS): sent by the {@code tick-dispatch} function delayed to its
 * tick instant {@code tickAt}, and by the {@code tick} function itself as the continuation after the agent
 * {@code continueAfter} (null: from the first agent).
 */
public record TickMessage(String callCenterId, Instant tickAt, String continueAfter) {
}
