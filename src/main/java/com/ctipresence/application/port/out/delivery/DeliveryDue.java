package com.ctipresence.application.port.out.delivery;

/** An agent's outbox items were written and are due now (the local worker's wake-up). */
public record DeliveryDue(String callCenterId, String agentId) {
}
