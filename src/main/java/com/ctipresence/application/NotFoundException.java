package com.ctipresence.application;

/** The addressed call center, agent or preset does not exist. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String detail) {
        super(detail);
    }

    public static NotFoundException agent(String callCenterId, String agentId) {
        return new NotFoundException("agent '" + agentId + "' has no presence in call center '" + callCenterId + "'");
    }

    /** The one answer for a call center that does not exist or is not the caller's. */
    public static NotFoundException callCenter(String callCenterId) {
        return new NotFoundException("call center '" + callCenterId + "' is not configured");
    }
}
