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
    public static final List<TableSpec> ALL = List.of(CALL_CENTERS, AGENTS, HISTORY, CALL_EVENTS, TIME_TOTALS);

    private final String prefix;

    @Inject
    public Tables(DynamoDbConfig config) {
        this.prefix = config.tablePrefix();
    }

    public String name(TableSpec spec) {
        return prefix + spec.name();
    }
}
