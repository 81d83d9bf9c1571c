package com.ctipresence.adapter.messages;

import java.time.Instant;

/**
 * The wrap-up timer's queue message (AWS): sent by the SQS wrap-up timer, delayed by at most 900 s, and received
 * by the {@code wrap-up-expiry} function. JSON: {@code {callCenterId, agentId, wrapUpId, wrapUpUntil}}.
 */
public record WrapUpMessage(String callCenterId, String agentId, String wrapUpId, Instant wrapUpUntil) {
}
