package com.ctipresence.adapter.out.dynamodb;

import com.ctipresence.application.UnavailableException;
import com.ctipresence.application.port.out.AgentCommit;
import com.ctipresence.application.port.out.AgentPage;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.port.out.ConcurrentUpdateException;
import com.ctipresence.application.port.out.LimitReachedException;
import com.ctipresence.application.port.out.PresenceMetrics;
import com.ctipresence.application.port.out.ProcessedEvent;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.Change;
import com.ctipresence.domain.RunningTotals;
import com.ctipresence.domain.DayTotal;
import com.ctipresence.domain.TransitionCause;
import com.ctipresence.domain.PresenceState;
import com.ctipresence.domain.PresenceStatus;
import com.ctipresence.domain.Timestamps;
import com.ctipresence.domain.Transition;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.ctipresence.adapter.out.dynamodb.Items.instant;
import static com.ctipresence.adapter.out.dynamodb.Items.key;
import static com.ctipresence.adapter.out.dynamodb.Items.n;
import static com.ctipresence.adapter.out.dynamodb.Items.num;
import static com.ctipresence.adapter.out.dynamodb.Items.putIfPresent;
import static com.ctipresence.adapter.out.dynamodb.Items.s;
import static com.ctipresence.adapter.out.dynamodb.Items.str;

@ApplicationScoped
public class DynamoAgentRepository implements AgentRepository {
    /** How long a processed call event is remembered for de-duplication. */
    static final Duration EVENT_RETENTION = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String agentsTable;
    private final String historyTable;
    private final String eventsTable;
    private final DynamoTimeTotalsRepository totals;

    /** Caps that keep one call center from filling the store. */
    @io.smallrye.config.ConfigMapping(prefix = "cti.limits")
    public interface Limits {
        /** Agents one call center may have; a new agent beyond it is refused with 409. */
        @io.smallrye.config.WithDefault("10000")
        int agentsPerCallCenter();
    }

    private final String callCentersTable;
    private final int maxAgents;
    private final PresenceMetrics metrics;

    private final DynamoDeliveryStore outbox;

    /** With the outbox in the same store (wired by hand). */
    public DynamoAgentRepository(DynamoDbClient dynamo, Tables tables, DynamoTimeTotalsRepository totals,
                                 Limits limits, PresenceMetrics metrics) {
        this(dynamo, tables, totals, limits, metrics, new DynamoDeliveryStore(dynamo, tables));
    }

    @jakarta.inject.Inject
    public DynamoAgentRepository(DynamoDbClient dynamo, Tables tables, DynamoTimeTotalsRepository totals,
                                 Limits limits, PresenceMetrics metrics, DynamoDeliveryStore outbox) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.dynamo = dynamo;
        this.totals = totals;
        this.callCentersTable = tables.name(Tables.CALL_CENTERS);
        this.maxAgents = limits.agentsPerCallCenter();
        this.agentsTable = tables.name(Tables.AGENTS);
        this.historyTable = tables.name(Tables.HISTORY);
        this.eventsTable = tables.name(Tables.CALL_EVENTS);
    }

    @Override
    public Optional<AgentPresence> find(String callCenterId, String agentId) {
        var item = dynamo.getItem(GetItemRequest.builder().tableName(agentsTable).consistentRead(true)
                .key(agentKey(callCenterId, agentId)).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(agentFromItem(item));
    }

    @Override
    public List<AgentPresence> findByCallCenter(String callCenterId) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(agentsTable).consistentRead(true)
                        .keyConditionExpression("callCenterId = :cc")
                        .expressionAttributeValues(Map.of(":cc", s(callCenterId))).build())
                .items().stream().map(DynamoAgentRepository::agentFromItem).toList();
    }

    /** One Query page (consistent read); DynamoDB's LastEvaluatedKey names the agent to continue after. */
    @Override
    public AgentPage page(String callCenterId, String startAfterAgentId, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(agentsTable).consistentRead(true)
                .keyConditionExpression("callCenterId = :cc")
                .expressionAttributeValues(Map.of(":cc", s(callCenterId))).limit(limit);
        if (startAfterAgentId != null) {
            query.exclusiveStartKey(agentKey(callCenterId, startAfterAgentId));
        }
        var response = dynamo.query(query.build());
        var last = response.lastEvaluatedKey();
        return new AgentPage(response.items().stream().map(DynamoAgentRepository::agentFromItem).toList(),
                last == null || last.isEmpty() ? null : str(last, "agentId"));
    }

    @Override
    public List<AgentPresence> findInWrapUp() {
        return dynamo.scanPaginator(ScanRequest.builder().tableName(agentsTable).consistentRead(true)
                        .filterExpression("attribute_exists(wrapUpId)").build())
                .items().stream().map(DynamoAgentRepository::agentFromItem).toList();
    }

    @Override
    public Optional<ProcessedEvent> findProcessedEvent(String callCenterId, String agentId, String eventId) {
        var item = dynamo.getItem(GetItemRequest.builder().tableName(eventsTable).consistentRead(true)
                .key(Map.of("eventKey", s(key(callCenterId, agentId, eventId)))).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(eventFromItem(callCenterId, agentId, eventId, item));
    }

    private static ProcessedEvent eventFromItem(String callCenterId, String agentId, String eventId,
                                                Map<String, AttributeValue> item) {
        return new ProcessedEvent(callCenterId, agentId, eventId, str(item, "fingerprint"),
                agentFromItem(item.get("result").m()), instant(item, "processedAt"));
    }

    @Override
    public List<Transition> history(String callCenterId, String agentId, Instant from, Instant to) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(historyTable).consistentRead(true)
                        .keyConditionExpression("agentKey = :k AND entryKey BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":k", s(key(callCenterId, agentId)),
                                ":from", s(Timestamps.format(from)), ":to", s(Timestamps.format(to)))).build())
                .items().stream()
                .map(DynamoAgentRepository::transitionFromItem)
                .toList(); // entry keys at `to` are "to#version" > "to": excluded
    }

    /**
     * The agent and the processed event in one consistent {@code BatchGetItem}; keys a throttled batch left
     * unprocessed are asked for again (a few times, then the store is unavailable).
     */
    @Override
    public AgentAndEvent findWithEvent(String callCenterId, String agentId, String eventId) {
        Map<String, KeysAndAttributes> wanted = Map.of(
                agentsTable, KeysAndAttributes.builder().consistentRead(true)
                        .keys(agentKey(callCenterId, agentId)).build(),
                eventsTable, KeysAndAttributes.builder().consistentRead(true)
                        .keys(Map.of("eventKey", s(key(callCenterId, agentId, eventId)))).build());
        Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>();
        for (int attempt = 1; !wanted.isEmpty(); attempt++) {
            if (attempt > 5) {
                metrics.storeError("throttled");
                throw new UnavailableException("the presence store is throttling; nothing was changed");
            }
            var response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(wanted).build());
            response.responses().forEach((table, items) -> found.computeIfAbsent(table, t -> new ArrayList<>())
                    .addAll(items));
            wanted = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
        }
        Optional<AgentPresence> agent = found.getOrDefault(agentsTable, List.of()).stream().findFirst()
                .map(DynamoAgentRepository::agentFromItem);
        Optional<ProcessedEvent> event = found.getOrDefault(eventsTable, List.of()).stream().findFirst()
                .map(item -> eventFromItem(callCenterId, agentId, eventId, item));
        return new AgentAndEvent(agent, event);
    }

    /**
     * One request: a checkpoint (only the agent's accounting moved) is a single-item conditional {@code UpdateItem};
     * anything else one {@code TransactWriteItems} of the agent, its history entries, the closed day totals, the
     * outbox items (the agent's desired state per delivery target), the processed event and, for a new agent, the
     * call center's agent counter.
     */
    @Override
    public void commit(AgentCommit commit) {
        var change = commit.change();
        if (onlyTheAgentsAccountingMoves(commit)) {
            update(checkpointUpdate(change));
            return;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(agentWrite(change));
        writes.addAll(historyWrites(change));
        writes.addAll(closedDayWrites(change));
        addOutboxItems(commit, writes);
        if (commit.event() != null) {
            writes.add(eventWrite(commit.event()));
        }
        if (change.before() == null) { // a new agent counts against the call center's cap, in the same transaction
            writes.add(agentCounterWrite(change.after().callCenterId()));
            write(writes, CommitTokens.of(commit), "call center '" + change.after().callCenterId()
                    + "' already has " + maxAgents + " agents, the most allowed (cti.limits.agents-per-call-center)");
            return;
        }
        write(writes, CommitTokens.of(commit), null);
    }

    /**
     * True when the commit writes nothing but the agent's time accounting: then one single-item update does. Any
     * other item in the commit (history, closed days, the processed event — and any item a later kind of commit
     * adds) needs the transaction.
     */
    private static boolean onlyTheAgentsAccountingMoves(AgentCommit commit) {
        return commit.change().checkpointOnly() && commit.event() == null && commit.deliveries().isEmpty();
    }

    /** The agent's new item, conditional on the one it was computed from (or a condition check if unchanged). */
    private TransactWriteItem agentWrite(Change change) {
        AgentPresence before = change.before();
        if (change.changed()) {
            Put.Builder put = Put.builder().tableName(agentsTable).item(agentToItem(change.after()));
            if (before == null) {
                put.conditionExpression("attribute_not_exists(agentId)");
            } else {
                put.conditionExpression("version = :v AND accountedUntil = :a")
                        .expressionAttributeValues(unchanged(before));
            }
            return TransactWriteItem.builder().put(put.build()).build();
        }
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(agentsTable)
                .key(agentKey(before.callCenterId(), before.agentId()))
                .conditionExpression("version = :v AND accountedUntil = :a")
                .expressionAttributeValues(unchanged(before)).build()).build();
    }

    private List<TransactWriteItem> historyWrites(Change change) {
        return change.transitions().stream().map(t -> TransactWriteItem.builder().put(Put.builder()
                .tableName(historyTable).item(historyItem(change.after(), t)).build()).build()).toList();
    }

    /** The day totals this change closed (the roll-over of the previous running day): ADDs to their rows. */
    private List<TransactWriteItem> closedDayWrites(Change change) {
        return change.closed().stream().map(row -> TransactWriteItem.builder()
                .update(totals.increment(change.after().callCenterId(), row)).build()).toList();
    }

    private TransactWriteItem eventWrite(ProcessedEvent event) {
        return TransactWriteItem.builder().put(Put.builder().tableName(eventsTable).item(eventItem(event))
                .conditionExpression("attribute_not_exists(eventKey)").build()).build();
    }

    private TransactWriteItem agentCounterWrite(String callCenterId) {
        return TransactWriteItem.builder().update(Update.builder().tableName(callCentersTable)
                .key(Map.of("callCenterId", s(DynamoCallCenterRepository.countersKey(callCenterId))))
                .updateExpression("ADD agents :one")
                .conditionExpression("attribute_not_exists(agents) OR agents < :max")
                .expressionAttributeValues(Map.of(":one", n(1), ":max", n(maxAgents))).build()).build();
    }

    /**
     * A checkpoint as one conditional {@code UpdateItem} of the agent: its accounting mark and running totals
     * (a running wrap-up's expiry or a roll-over are transactions instead: they write other items too).
     */
    private UpdateItemRequest checkpointUpdate(Change change) {
        AgentPresence before = change.before();
        AgentPresence after = change.after();
        Map<String, AttributeValue> values = new HashMap<>(unchanged(before));
        values.put(":to", instant(after.accountedUntil()));
        StringBuilder expression = new StringBuilder("SET accountedUntil = :to");
        if (!after.running().legacy()) {
            values.put(":rows", runningRows(after.running()));
            expression.append(", dayTotals = :rows");
            if (after.running().date() != null) {
                values.put(":day", s(after.running().date().toString()));
                expression.append(", dayDate = :day");
            }
        }
        return UpdateItemRequest.builder().tableName(agentsTable)
                .key(agentKey(before.callCenterId(), before.agentId()))
                .updateExpression(expression.toString())
                .conditionExpression("version = :v AND accountedUntil = :a")
                .expressionAttributeValues(values).build();
    }

    private void update(UpdateItemRequest request) {
        try {
            dynamo.updateItem(request);
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("agent changed concurrently: " + e.getMessage());
        } catch (RuntimeException e) {
            throw storeFailure(e);
        }
    }

    /**
     * The transactional outbox (issue #9): the agent's desired state per enabled target, in the same transaction as
     * the agent, so a change is never stored without its deliveries nor the other way round.
     */
    private void addOutboxItems(AgentCommit commit, List<TransactWriteItem> writes) {
        if (!commit.deliveries().isEmpty()) {
            writes.addAll(outbox.commitItems(commit.deliveries()));
        }
    }

    /**
     * One transaction, idempotent by its client request token: an SDK retry of a commit that succeeded but whose
     * answer was lost succeeds again instead of failing its own condition. Throttling inside the transaction is
     * the store being unavailable (503), a lost condition or conflict a race to retry from a fresh read.
     */
    private void write(List<TransactWriteItem> writes, String token, String capReachedMessage) {
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes)
                    .clientRequestToken(token).build());
        } catch (TransactionCanceledException e) {
            List<String> codes = e.cancellationReasons().stream().map(CancellationReason::code).toList();
            if (codes.stream().anyMatch(THROTTLED::contains)) {
                metrics.storeError("throttled");
                throw new UnavailableException("the presence store is throttling; nothing was changed", e);
            }
            boolean capReached = capReachedMessage != null && codes.size() == writes.size()
                    && "ConditionalCheckFailed".equals(codes.get(codes.size() - 1))
                    && codes.subList(0, codes.size() - 1).stream().allMatch(c -> c == null || "None".equals(c));
            if (capReached) {
                throw new LimitReachedException(capReachedMessage);
            }
            if (codes.stream().anyMatch(c -> "ConditionalCheckFailed".equals(c) || "TransactionConflict".equals(c))) {
                throw new ConcurrentUpdateException("agent changed concurrently: " + codes);
            }
            throw e;
        } catch (IdempotentParameterMismatchException e) {
            throw new ConcurrentUpdateException("a different commit used the same token: " + e.getMessage());
        } catch (TransactionInProgressException e) {
            metrics.storeError("in-progress");
            throw new UnavailableException("the same commit is still in progress; please retry", e);
        } catch (RuntimeException e) {
            throw storeFailure(e);
        }
    }

    /** Counts a store failure in the metrics and hands it on (the error model maps it to 503). */
    private RuntimeException storeFailure(RuntimeException e) {
        if (e instanceof software.amazon.awssdk.core.exception.ApiCallTimeoutException
                || e instanceof software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException) {
            metrics.storeError("timeout");
        } else if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service) {
            metrics.storeError(service.isThrottlingException() ? "throttled" : "service-" + service.statusCode());
        } else if (e instanceof software.amazon.awssdk.core.exception.SdkClientException) {
            metrics.storeError("unreachable");
        }
        return e;
    }

    private static final java.util.Set<String> THROTTLED = java.util.Set.of("ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded", "ThrottlingException");

    private static Map<String, AttributeValue> unchanged(AgentPresence before) {
        return Map.of(":v", n(before.version()), ":a", instant(before.accountedUntil()));
    }

    private static Map<String, AttributeValue> agentKey(String callCenterId, String agentId) {
        return Map.of("callCenterId", s(callCenterId), "agentId", s(agentId));
    }

    static Map<String, AttributeValue> agentToItem(AgentPresence a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("callCenterId", s(a.callCenterId()));
        item.put("agentId", s(a.agentId()));
        item.put("stateId", s(a.state().id()));
        item.put("label", s(a.state().label()));
        putIfPresent(item, "reasonCode", a.state().reasonCode());
        item.put("presenceStatus", n(a.state().status().code()));
        item.put("since", instant(a.since()));
        putIfPresent(item, "wrapUpId", a.wrapUpId());
        putIfPresent(item, "wrapUpUntil", a.wrapUpUntil());
        if (!a.activeCallIds().isEmpty()) {
            item.put("activeCallIds", list(a.activeCallIds()));
        }
        if (!a.endedCallIds().isEmpty()) {
            item.put("endedCallIds", list(a.endedCallIds()));
        }
        item.put("automatic", AttributeValue.fromBool(a.automatic()));
        item.put("version", n(a.version()));
        item.put("accountedUntil", instant(a.accountedUntil()));
        putRunning(item, a.running());
        return item;
    }

    /**
     * The running day totals: {@code dayDate} (the local day) and {@code dayTotals}, a list of
     * {@code {stateId, label, presenceStatus, millis}}. An item without {@code dayTotals} was written before running
     * totals existed ({@link RunningTotals#LEGACY}): all its totals are in the day-totals table.
     */
    private static void putRunning(Map<String, AttributeValue> item, RunningTotals running) {
        if (running.legacy()) {
            return;
        }
        item.put("dayTotals", runningRows(running));
        if (running.date() != null) {
            item.put("dayDate", s(running.date().toString()));
        }
    }

    private static AttributeValue runningRows(RunningTotals running) {
        return AttributeValue.fromL(running.rows().stream().map(row -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("stateId", s(row.stateId()));
            m.put("label", s(row.label()));
            m.put("presenceStatus", n(row.presenceStatus()));
            m.put("millis", n(row.millis()));
            return AttributeValue.fromM(m);
        }).toList());
    }

    private static RunningTotals running(Map<String, AttributeValue> item, String agentId) {
        AttributeValue rows = item.get("dayTotals");
        if (rows == null || !rows.hasL()) {
            return RunningTotals.LEGACY;
        }
        String day = str(item, "dayDate");
        if (day == null) {
            return RunningTotals.NONE;
        }
        LocalDate date = LocalDate.parse(day);
        return RunningTotals.of(date, rows.l().stream().map(AttributeValue::m)
                .map(m -> new DayTotal(agentId, date, str(m, "stateId"), str(m, "label"),
                        (int) num(m, "presenceStatus"), num(m, "millis"))).toList());
    }

    static AgentPresence agentFromItem(Map<String, AttributeValue> item) {
        PresenceState state = new PresenceState(str(item, "stateId"), str(item, "label"), str(item, "reasonCode"),
                PresenceStatus.ofCode((int) num(item, "presenceStatus")));
        List<String> active = strings(item, "activeCallIds");
        String legacyActive = str(item, "activeCallId"); // items written before overlapping calls were kept
        if (active.isEmpty() && legacyActive != null) {
            active = List.of(legacyActive);
        }
        AttributeValue automatic = item.get("automatic");
        boolean auto = automatic != null ? Boolean.TRUE.equals(automatic.bool())
                : state.status() == PresenceStatus.ON_A_CALL || item.get("wrapUpId") != null;
        return new AgentPresence(str(item, "callCenterId"), str(item, "agentId"), state, instant(item, "since"),
                str(item, "wrapUpId"), instant(item, "wrapUpUntil"), active, strings(item, "endedCallIds"), auto,
                num(item, "version"), instant(item, "accountedUntil"), running(item, str(item, "agentId")));
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Items::s).toList());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    private static Map<String, AttributeValue> historyItem(AgentPresence after, Transition t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("agentKey", s(key(after.callCenterId(), after.agentId())));
        item.put("entryKey", s(key(Timestamps.format(t.at()), String.format("%012d", t.version()))));
        item.put("at", instant(t.at()));
        putIfPresent(item, "fromStateId", t.fromStateId());
        item.put("toStateId", s(t.toStateId()));
        item.put("cause", s(t.cause().name()));
        putIfPresent(item, "eventId", t.eventId());
        putIfPresent(item, "actorId", t.actorId());
        item.put("version", n(t.version()));
        return item;
    }

    private static Transition transitionFromItem(Map<String, AttributeValue> item) {
        return new Transition(instant(item, "at"), str(item, "fromStateId"), str(item, "toStateId"),
                TransitionCause.valueOf(str(item, "cause")), str(item, "eventId"), str(item, "actorId"),
                num(item, "version"));
    }

    private static Map<String, AttributeValue> eventItem(ProcessedEvent e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("eventKey", s(key(e.callCenterId(), e.agentId(), e.eventId())));
        item.put("fingerprint", s(e.fingerprint()));
        item.put("result", AttributeValue.fromM(agentToItem(e.result())));
        item.put("processedAt", instant(e.processedAt()));
        item.put("expiresAt", n(e.processedAt().plus(EVENT_RETENTION).getEpochSecond()));
        return item;
    }
}
