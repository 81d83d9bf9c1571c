package com.ctipresence.adapter.out.dynamodb;

import com.ctipresence.application.port.out.TimeTotalsRepository;
import com.ctipresence.domain.DayTotal;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;

import static com.ctipresence.adapter.out.dynamodb.Items.n;
import static com.ctipresence.adapter.out.dynamodb.Items.num;
import static com.ctipresence.adapter.out.dynamodb.Items.s;
import static com.ctipresence.adapter.out.dynamodb.Items.str;

/**
 * Day totals: one item per (call center, local date, agent, state), milliseconds, incremented atomically with ADD
 * when an agent's running day is closed (the agent item holds its latest day's totals, see {@code RunningTotals}).
 */
@ApplicationScoped
public class DynamoTimeTotalsRepository implements TimeTotalsRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTimeTotalsRepository(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.table = tables.name(Tables.TIME_TOTALS);
    }

    /**
     * The whole call center: one range query over its dates. One agent: one {@code begins_with(date#agent#)} query
     * per date, so only that agent's rows are read, whatever the size of the call center.
     */
    @Override
    public List<DayTotal> find(String callCenterId, LocalDate from, LocalDate to, String agentId) {
        if (agentId == null) {
            return query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("callCenterId = :cc AND totalKey BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":cc", s(callCenterId), ":from", s(from + "#"),
                            ":to", s(to + "#\uffff"))).build());
        }
        List<DayTotal> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            rows.addAll(query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("callCenterId = :cc AND begins_with(totalKey, :prefix)")
                    .expressionAttributeValues(Map.of(":cc", s(callCenterId),
                            ":prefix", s(day + "#" + agentId + "#"))).build()));
        }
        return rows;
    }

    private List<DayTotal> query(QueryRequest request) {
        return dynamo.queryPaginator(request).items().stream()
                .map(item -> new DayTotal(str(item, "agentId"), LocalDate.parse(str(item, "date")),
                        str(item, "stateId"), str(item, "label"), (int) num(item, "presenceStatus"),
                        millis(item)))
                .toList();
    }

    /**
     * A row's milliseconds: {@code millis}, plus {@code seconds} × 1000 that rows written before totals were kept
     * in milliseconds hold (both only ever grow with {@code ADD}, so an old row simply goes on in {@code millis}).
     */
    private static long millis(Map<String, AttributeValue> item) {
        long millis = item.containsKey("millis") ? num(item, "millis") : 0;
        return millis + (item.containsKey("seconds") ? num(item, "seconds") * 1000 : 0);
    }

    /** The update adding a booking to its row (creating the row on first use); part of an agent transaction. */
    Update increment(String callCenterId, DayTotal booking) {
        return Update.builder().tableName(table)
                .key(Map.of("callCenterId", s(callCenterId), "totalKey", s(booking.key())))
                .updateExpression("ADD millis :ms SET agentId = :a, #d = :d, stateId = :st, label = :l, "
                        + "presenceStatus = :p")
                .expressionAttributeNames(Map.of("#d", "date"))
                .expressionAttributeValues(Map.of(":ms", n(booking.millis()), ":a", s(booking.agentId()),
                        ":d", s(booking.date().toString()), ":st", s(booking.stateId()), ":l", s(booking.label()),
                        ":p", n(booking.presenceStatus())))
                .build();
    }
}
