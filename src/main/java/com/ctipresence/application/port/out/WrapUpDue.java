package com.ctipresence.application.port.out;

import java.time.Instant;

/**
 * A wrap-up timer came due: what a {@link WrapUpTimer} hands to the inbound adapter that runs the expiry use case.
 * {@code attempt} counts deliveries of this timer (1 first), for back-off after failures.
 */
public record WrapUpDue(String callCenterId, String agentId, String wrapUpId, Instant until, int attempt) {
}
