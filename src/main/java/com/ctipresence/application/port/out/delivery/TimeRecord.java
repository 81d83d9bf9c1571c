package com.ctipresence.application.port.out.delivery;

import java.time.LocalDate;

/**
 * One agent-day-state total for the Salesforce time-tracking object. {@code seconds} is absolute (the whole day's
 * total so far), so upserting it again never double counts. {@code externalId} is callCenterId|date|agentId|stateId.
 */
public record TimeRecord(String externalId, String callCenterId, String agentId, String salesforceUserId,
                         LocalDate date, String stateId, String stateLabel, String reasonCode, int presenceStatus,
                         long seconds) {

    public static String externalId(String callCenterId, LocalDate date, String agentId, String stateId) {
        return callCenterId + "|" + date + "|" + agentId + "|" + stateId;
    }
}
