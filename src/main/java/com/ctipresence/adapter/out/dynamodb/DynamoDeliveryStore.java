package com.ctipresence.adapter.out.dynamodb;

import com.ctipresence.application.port.out.delivery.AgentProfiles;
import com.ctipresence.application.port.out.delivery.DeliveryStatus;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.Outbox;
import com.ctipresence.application.port.out.delivery.OutboxItem;
import com.ctipresence.application.port.out.delivery.PendingDelivery;
import com.ctipresence.domain.Timestamps;
import com.ctipresence.domain.delivery.AgentProfile;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.ctipresence.adapter.out.dynamodb.Items.instant;
import static com.ctipresence.adapter.out.dynamodb.Items.n;
import static com.ctipresence.adapter.out.dynamodb.Items.num;
import static com.ctipresence.adapter.out.dynamodb.Items.putIfPresent;
import static com.ctipresence.adapter.out.dynamodb.Items.s;
import static com.ctipresence.adapter.out.dynamodb.Items.str;

/**
 * The {@code agent-delivery} table: agent profiles and the transactional outbox, so that one Query of an agent's
 * items answers both its display name and its delivery status. Outbox items are written in the agent's own
 * transaction ({@link #commitItems}), each conditional on holding an older version (never overwriting a newer
 * one); the worker's claims and outcomes are conditional updates on the version and its lease.
 */
@ApplicationScoped
public class DynamoDeliveryStore implements Outbox, AgentProfiles {
    static final String PROFILE = "profile";
    static final String TIME_KEY = "#time";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDeliveryStore(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.table = tables.name(Tables.AGENT_DELIVERY);
    }

    static String itemKey(String agentId, DeliveryTarget target) {
        return target == DeliveryTarget.SALESFORCE_TIME ? TIME_KEY : agentId + "#" + target.name();
    }

    private static Map<String, AttributeValue> key(String callCenterId, String itemKey) {
        return Map.of("callCenterId", s(callCenterId), "itemKey", s(itemKey));
    }

    // --------------------------------------------------------------------------------------- in the commit

    /**
     * The outbox writes of an agent commit, for its TransactWriteItems: per target an update to the new version
     * (pending, attempts 0, due now) on condition that the item holds no newer version. The agent's own condition
     * in the same transaction already guarantees that; this one keeps an item from ever going back.
     */
    public List<TransactWriteItem> commitItems(List<PendingDelivery> deliveries) {
        List<TransactWriteItem> writes = new ArrayList<>(deliveries.size());
        for (PendingDelivery d : deliveries) {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":v", n(d.version()));
            values.put(":agent", s(d.agentId()));
            values.put(":target", s(d.target().name()));
            values.put(":at", instant(d.at()));
            values.put(":state", s(d.stateId()));
            values.put(":label", s(d.label()));
            values.put(":status", n(d.presenceStatus()));
            values.put(":pending", s(DeliveryStatus.PENDING.name()));
            values.put(":zero", n(0));
            values.put(":now", instant(d.enqueuedAt()));
            String set = "SET agentId = :agent, target = :target, version = :v, #at = :at, stateId = :state, "
                    + "label = :label, presenceStatus = :status, #st = :pending, attempts = :zero, "
                    + "nextAttemptAt = :now, enqueuedAt = :now";
            String remove = " REMOVE lastError";
            if (d.reasonCode() != null) {
                values.put(":reason", s(d.reasonCode()));
                set += ", reasonCode = :reason";
            } else {
                remove += ", reasonCode";
            }
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(key(d.callCenterId(), itemKey(d.agentId(), d.target())))
                    .updateExpression(set + remove)
                    .conditionExpression("attribute_not_exists(version) OR version < :v")
                    .expressionAttributeNames(Map.of("#at", "at", "#st", "status"))
                    .expressionAttributeValues(values).build()).build());
        }
        return writes;
    }

    // --------------------------------------------------------------------------------------------- reads

    @Override
    public AgentTargets agent(String callCenterId, String agentId) {
        AgentProfile profile = null;
        List<OutboxItem> items = new ArrayList<>();
        for (var item : dynamo.queryPaginator(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("callCenterId = :cc AND begins_with(itemKey, :prefix)")
                .expressionAttributeValues(Map.of(":cc", s(callCenterId), ":prefix", s(agentId + "#")))
                .build()).items()) {
            if (str(item, "itemKey").endsWith("#" + PROFILE)) {
                profile = profileFrom(item);
            } else {
                items.add(itemFrom(item));
            }
        }
        return new AgentTargets(profile, items);
    }

    @Override
    public Map<String, AgentTargets> callCenter(String callCenterId) {
        Map<String, AgentProfile> profiles = new HashMap<>();
        Map<String, List<OutboxItem>> items = new LinkedHashMap<>();
        for (var item : dynamo.queryPaginator(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("callCenterId = :cc")
                .expressionAttributeValues(Map.of(":cc", s(callCenterId))).build()).items()) {
            String key = str(item, "itemKey");
            if (key.startsWith("#")) {
                continue;
            }
            String agentId = key.substring(0, key.lastIndexOf('#'));
            if (key.endsWith("#" + PROFILE)) {
                profiles.put(agentId, profileFrom(item));
            } else {
                items.computeIfAbsent(agentId, k -> new ArrayList<>()).add(itemFrom(item));
            }
        }
        Map<String, AgentTargets> result = new HashMap<>();
        profiles.keySet().forEach(a -> result.put(a, null));
        items.keySet().forEach(a -> result.put(a, null));
        result.replaceAll((a, none) -> new AgentTargets(profiles.get(a), items.getOrDefault(a, List.of())));
        return result;
    }

    @Override
    public Optional<OutboxItem> find(String callCenterId, String agentId, DeliveryTarget target) {
        var item = dynamo.getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(key(callCenterId, itemKey(agentId, target))).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(itemFrom(item));
    }

    /**
     * A Scan with a filter: fine for the local server's sweep and the AWS backstop sweep (the stream delivers new
     * items at once); a sparse index on due items would replace it for very large tables.
     */
    @Override
    public List<OutboxItem> due(Instant now, int limit) {
        List<OutboxItem> due = new ArrayList<>();
        String at = Timestamps.format(now);
        for (var item : dynamo.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true)
                .filterExpression("#st <> :failed AND nextAttemptAt <= :now AND "
                        + "(attribute_not_exists(leaseUntil) OR leaseUntil <= :now)")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":failed", s(DeliveryStatus.FAILED.name()), ":now", s(at)))
                .build()).items()) {
            due.add(itemFrom(item));
            if (due.size() >= limit) {
                break;
            }
        }
        return due;
    }

    // -------------------------------------------------------------------------------------- the worker

    @Override
    public boolean claim(OutboxItem item, String leaseId, Instant now, Instant leaseUntil) {
        return update(item, "SET leaseUntil = :until, leaseId = :lease",
                "version = :v AND #st <> :failed AND nextAttemptAt <= :now AND "
                        + "(attribute_not_exists(leaseUntil) OR leaseUntil <= :now)",
                Map.of(":v", n(item.version()), ":failed", s(DeliveryStatus.FAILED.name()), ":now", instant(now),
                        ":until", instant(leaseUntil), ":lease", s(leaseId)));
    }

    @Override
    public boolean record(OutboxItem item, String leaseId, DeliveryStatus status, int attempts,
                          Instant nextAttemptAt, String lastError, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":v", n(item.version()));
        values.put(":lease", s(leaseId));
        values.put(":status", s(status.name()));
        values.put(":attempts", n(attempts));
        values.put(":now", instant(now));
        String set = "SET #st = :status, attempts = :attempts, updatedAt = :now";
        String remove = " REMOVE leaseUntil, leaseId";
        if (nextAttemptAt != null) {
            values.put(":next", instant(nextAttemptAt));
            set += ", nextAttemptAt = :next";
        } else {
            remove += ", nextAttemptAt";
        }
        if (status == DeliveryStatus.DELIVERED) {
            set += ", deliveredVersion = :v";
        }
        if (lastError != null) {
            values.put(":error", s(lastError.length() > 500 ? lastError.substring(0, 500) + "..." : lastError));
            set += ", lastError = :error";
        } else {
            remove += ", lastError";
        }
        if (update(item, set + remove, "version = :v AND leaseId = :lease", values)) {
            return true;
        }
        // a newer version arrived meanwhile: it stays pending, untouched; only our lease ends
        update(item, "REMOVE leaseUntil, leaseId", "leaseId = :lease", Map.of(":lease", s(leaseId)));
        return false;
    }

    @Override
    public void requestTimeSync(String callCenterId, Instant tickAt) {
        long version = tickAt.toEpochMilli();
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(callCenterId, TIME_KEY))
                    .updateExpression("SET target = :target, version = :v, #at = :at, #st = :pending, "
                            + "attempts = :zero, nextAttemptAt = :at, enqueuedAt = :at REMOVE lastError")
                    .conditionExpression("attribute_not_exists(version) OR version < :v")
                    .expressionAttributeNames(Map.of("#at", "at", "#st", "status"))
                    .expressionAttributeValues(Map.of(":target", s(DeliveryTarget.SALESFORCE_TIME.name()),
                            ":v", n(version), ":at", instant(tickAt), ":pending", s(DeliveryStatus.PENDING.name()),
                            ":zero", n(0))).build());
        } catch (ConditionalCheckFailedException newer) {
            // a later tick asked already
        }
    }

    private boolean update(OutboxItem item, String expression, String condition, Map<String, AttributeValue> values) {
        Map<String, String> names = expression.contains("#st") || condition.contains("#st")
                ? Map.of("#st", "status") : null;
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(key(item.callCenterId(), itemKey(item.agentId(), item.target())))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------- profiles

    @Override
    public Optional<AgentProfile> find(String callCenterId, String agentId) {
        var item = dynamo.getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(key(callCenterId, agentId + "#" + PROFILE)).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(profileFrom(item));
    }

    @Override
    public void save(AgentProfile p) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.callCenterId(), p.agentId() + "#" + PROFILE));
        item.put("agentId", s(p.agentId()));
        putIfPresent(item, "displayName", p.displayName());
        putIfPresent(item, "extension", p.extension());
        putIfPresent(item, "sipAddress", p.sipAddress());
        putIfPresent(item, "entraUserId", p.entraUserId());
        putIfPresent(item, "salesforceUserId", p.salesforceUserId());
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    private static AgentProfile profileFrom(Map<String, AttributeValue> item) {
        return new AgentProfile(str(item, "callCenterId"), str(item, "agentId"), str(item, "displayName"),
                str(item, "extension"), str(item, "sipAddress"), str(item, "entraUserId"),
                str(item, "salesforceUserId"));
    }

    private static OutboxItem itemFrom(Map<String, AttributeValue> item) {
        DeliveryTarget target = DeliveryTarget.valueOf(str(item, "target"));
        return new OutboxItem(target, str(item, "callCenterId"), str(item, "agentId"), num(item, "version"),
                instant(item, "at"), str(item, "stateId"), str(item, "label"), str(item, "reasonCode"),
                item.containsKey("presenceStatus") ? (int) num(item, "presenceStatus") : 0,
                instant(item, "enqueuedAt"), DeliveryStatus.valueOf(str(item, "status")),
                (int) num(item, "attempts"), instant(item, "nextAttemptAt"), str(item, "lastError"),
                item.containsKey("deliveredVersion") ? num(item, "deliveredVersion") : 0,
                instant(item, "leaseUntil"));
    }
}
