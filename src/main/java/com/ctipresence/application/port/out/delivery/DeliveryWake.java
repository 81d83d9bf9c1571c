package com.ctipresence.application.port.out.delivery;

/**
 * Tells the delivery worker that an agent's outbox items were just written (after the commit), so it need not wait
 * for its next sweep. Never throws and never waits for the sending. On AWS the outbox table's stream does this.
 */
public interface DeliveryWake {
    DeliveryWake NONE = (callCenterId, agentId) -> { };

    void pending(String callCenterId, String agentId);
}
