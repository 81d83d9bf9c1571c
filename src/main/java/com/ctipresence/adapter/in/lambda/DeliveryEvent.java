package com.ctipresence.adapter.in.lambda;

import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;

/**
 * What the {@code delivery} function receives: a DynamoDB stream batch ({@code Records}, each with the item's
 * {@code Keys}) or a scheduled event (no records: sweep). Only the keys are read; the item is read again, consistent.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryEvent(@JsonProperty("Records") List<Record> records) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(String eventName, Stream dynamodb) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stream(@JsonProperty("Keys") Map<String, Map<String, String>> keys) {
    }

    /** One outbox item a record names. */
    public record Item(String callCenterId, String agentId, DeliveryTarget target) {
    }

    /** The outbox items the records name (profiles and unknown keys skipped). */
    public List<Item> items() {
        return records.stream().filter(r -> r.dynamodb() != null && r.dynamodb().keys() != null)
                .map(r -> item(r.dynamodb().keys())).filter(java.util.Objects::nonNull).toList();
    }

    private static Item item(Map<String, Map<String, String>> keys) {
        String cc = keys.getOrDefault("callCenterId", Map.of()).get("S");
        String key = keys.getOrDefault("itemKey", Map.of()).get("S");
        if (cc == null || key == null) {
            return null;
        }
        if (key.equals("#time")) {
            return new Item(cc, null, DeliveryTarget.SALESFORCE_TIME);
        }
        int hash = key.lastIndexOf('#');
        try {
            return hash <= 0 ? null : new Item(cc, key.substring(0, hash), DeliveryTarget.valueOf(key.substring(hash + 1)));
        } catch (IllegalArgumentException profileOrOther) {
            return null;
        }
    }
}
