package com.ctipresence.application.port.out.delivery;

import com.ctipresence.domain.delivery.DeliveryConfig;

import java.util.List;
import java.util.Map;

/**
 * Upserts day totals into the Salesforce time-tracking object (sObject Collections upsert, at most 200 records a
 * request, {@code allOrNone=false}). Answers an outcome per external id: a record rejected by Salesforce is Failed
 * with its error, a request that failed as a whole gives every record of it Retry (or Failed for a 4xx).
 */
public interface TimeRecordSink {

    Map<String, DeliveryOutcome> upsert(DeliveryConfig config, List<TimeRecord> records);
}
