package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.TimeRecord;
import com.ctipresence.application.port.out.delivery.TimeRecordSink;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Salesforce time tracking: upserts day totals into the configured custom object with the sObject Collections upsert
 * ({@code PATCH /services/data/v62.0/composite/sobjects/<Object>/<ExternalIdField>}, {@code allOrNone=false}), at
 * most 200 records a request, in order. Salesforce answers one result per record in the same order: success →
 * Delivered, a record error → Failed with its codes and messages (Retry for a lock or timeout error), a whole
 * request refused → that outcome for every record of it. After a request that is to be retried (5xx, 429, timeout)
 * the remaining batches are not sent: they get the same Retry.
 */
@ApplicationScoped
public class SalesforceTimeSink implements TimeRecordSink {

    static final int BATCH = 200;
    private static final Set<String> TRANSIENT = Set.of("UNABLE_TO_LOCK_ROW", "REQUEST_RUNNING_TOO_LONG",
            "SERVER_UNAVAILABLE", "REQUEST_LIMIT_EXCEEDED");

    private final SalesforceClient salesforce;

    public SalesforceTimeSink(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    @Override
    public Map<String, DeliveryOutcome> upsert(DeliveryConfig config, List<TimeRecord> records) {
        Map<String, DeliveryOutcome> outcomes = new LinkedHashMap<>();
        if (records.isEmpty()) {
            return outcomes;
        }
        DeliveryConfig.Salesforce sf = config == null ? null : config.salesforce();
        if (sf != null && (OutboundHttp.blank(sf.timeObject()) || OutboundHttp.blank(sf.externalIdField()))) {
            DeliveryOutcome failed = new DeliveryOutcome.Failed("no Salesforce timeObject/externalIdField configured");
            records.forEach(r -> outcomes.put(r.externalId(), failed));
            return outcomes;
        }
        String what = "Salesforce time upsert";
        DeliveryOutcome stop = null;
        for (int from = 0; from < records.size(); from += BATCH) {
            List<TimeRecord> batch = records.subList(from, Math.min(records.size(), from + BATCH));
            if (stop != null) {
                for (TimeRecord r : batch) {
                    outcomes.put(r.externalId(), stop);
                }
                continue;
            }
            DeliveryOutcome whole;
            try {
                String path = sf == null ? "" : "/composite/sobjects/" + OutboundHttp.segment(sf.timeObject()) + "/"
                        + OutboundHttp.segment(sf.externalIdField());
                OutboundHttp.Answer answer = salesforce.call(sf, "PATCH", path, body(sf, batch), what);
                whole = salesforce.http().outcome(answer, what);
                if (whole instanceof DeliveryOutcome.Delivered) {
                    perRecord(batch, Json.read(answer.body()), outcomes);
                    continue;
                }
                if (whole instanceof DeliveryOutcome.Retry) {
                    stop = whole;
                }
            } catch (DeliveryProblem p) {
                // configuration, secret, token or network: the same for every later batch
                whole = p.outcome();
                stop = whole;
            }
            for (TimeRecord r : batch) {
                outcomes.put(r.externalId(), whole);
            }
        }
        return outcomes;
    }

    private static String body(DeliveryConfig.Salesforce sf, List<TimeRecord> batch) {
        List<Map<String, Object>> list = new ArrayList<>(batch.size());
        for (TimeRecord r : batch) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("attributes", Map.of("type", sf.timeObject()));
            record.put(sf.externalIdField(), r.externalId());
            record.put("Call_Center_Id__c", r.callCenterId());
            record.put("Agent_Id__c", r.agentId());
            record.put("User__c", r.salesforceUserId());
            record.put("Date__c", r.date().toString());
            record.put("State_Id__c", r.stateId());
            record.put("State_Label__c", r.stateLabel());
            record.put("Reason_Code__c", r.reasonCode());
            record.put("Presence_Status__c", r.presenceStatus());
            record.put("Seconds__c", r.seconds());
            list.add(record);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allOrNone", false);
        body.put("records", list);
        return Json.write(body);
    }

    private static void perRecord(List<TimeRecord> batch, JsonNode results, Map<String, DeliveryOutcome> outcomes) {
        if (results == null || !results.isArray() || results.size() != batch.size()) {
            DeliveryOutcome unknown = new DeliveryOutcome.Retry("Salesforce time upsert: answer has "
                    + (results == null || !results.isArray() ? "no result list" : results.size() + " results for "
                    + batch.size() + " records"), null);
            batch.forEach(r -> outcomes.put(r.externalId(), unknown));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            JsonNode result = results.get(i);
            String id = batch.get(i).externalId();
            if (result.path("success").asBoolean(false)) {
                outcomes.put(id, new DeliveryOutcome.Delivered());
                continue;
            }
            String reason = "Salesforce rejected the record: " + errors(result.get("errors"));
            boolean transientError = false;
            for (JsonNode error : result.path("errors")) {
                transientError |= TRANSIENT.contains(error.path("statusCode").asText());
            }
            outcomes.put(id, transientError ? new DeliveryOutcome.Retry(reason, null)
                    : new DeliveryOutcome.Failed(reason));
        }
    }

    /** "CODE: message (fields)" of Salesforce's error list, joined by "; ". */
    static String errors(JsonNode errors) {
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            return "no error given";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode e : errors) {
            StringBuilder fieldList = new StringBuilder();
            for (JsonNode f : e.path("fields")) {
                fieldList.append(fieldList.length() == 0 ? "" : ", ").append(f.asText());
            }
            parts.add(e.path("statusCode").asText("ERROR") + ": " + OutboundHttp.excerpt(e.path("message").asText(""))
                    + (fieldList.length() == 0 ? "" : " (" + fieldList + ")"));
        }
        return String.join("; ", parts);
    }
}
