package com.ctipresence.adapter.out.dynamodb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The tables, defined once, and their physical names under the configured prefix. */
@ApplicationScoped
public class Tables {
    public static final TableSpec CALL_CENTERS = new TableSpec("call-centers", "callCenterId", null, null);
    public static final TableSpec AGENTS = new TableSpec("agents", "callCenterId", "agentId", null);
    /** Partition: callCenterId#agentId; sort: at (fixed-width ISO instant)#version. */
    public static final TableSpec HISTORY = new TableSpec("agent-history", "agentKey", "entryKey", null);
    /** Partition: callCenterId#agentId#eventId; expires after the retention period. */
    public static final TableSpec CALL_EVENTS = new TableSpec("call-events", "eventKey", null, "expiresAt");
    /** Partition: callCenterId; sort: localDate#agentId#stateId; milliseconds of closed days (legacy rows: seconds). */
    public static final TableSpec TIME_TOTALS = new TableSpec("time-totals", "callCenterId", "totalKey", null);
    /**
     * Partition: callCenterId; sort: agentId#profile (the agent's profile), agentId#TARGET (the transactional outbox:
     * the agent's latest desired state at a target and its delivery status), #time (the call center's pending
     * time-tracking sync). One agent's items are one Query (begins_with agentId#).
     */
    public static final TableSpec AGENT_DELIVERY = new TableSpec("agent-delivery", "callCenterId", "itemKey", null);
    public static final List<TableSpec> ALL = List.of(CALL_CENTERS, AGENTS, HISTORY, CALL_EVENTS, TIME_TOTALS,
            AGENT_DELIVERY);

    private final String prefix;

    @Inject
    public Tables(DynamoDbConfig config) {
        this.prefix = config.tablePrefix();
    }

    public String name(TableSpec spec) {
        return prefix + spec.name();
    }
}
