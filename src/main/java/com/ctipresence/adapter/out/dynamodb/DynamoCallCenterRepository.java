package com.ctipresence.adapter.out.dynamodb;

import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.PbxMode;
import com.ctipresence.domain.PresenceState;
import com.ctipresence.domain.PresenceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.ctipresence.adapter.out.dynamodb.Items.bool;
import static com.ctipresence.adapter.out.dynamodb.Items.n;
import static com.ctipresence.adapter.out.dynamodb.Items.num;
import static com.ctipresence.adapter.out.dynamodb.Items.s;
import static com.ctipresence.adapter.out.dynamodb.Items.str;

@ApplicationScoped
public class DynamoCallCenterRepository implements CallCenterRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCallCenterRepository(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.table = tables.name(Tables.CALL_CENTERS);
    }

    @Override
    public Optional<CallCenterConfig> find(String callCenterId) {
        var item = dynamo.getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(Map.of("callCenterId", s(callCenterId))).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<CallCenterConfig> findAll() {
        return dynamo.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build())
                .items().stream().filter(item -> !str(item, "callCenterId").contains("#"))
                .map(DynamoCallCenterRepository::fromItem).toList();
    }

    /**
     * The key of a call center's counters item (agents so far) in the same table; ids never contain '#', so it
     * cannot collide with a configuration.
     */
    static String countersKey(String callCenterId) {
        return callCenterId + "#counters";
    }

    @Override
    public void save(CallCenterConfig c) {
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(toItem(c)).build());
    }

    static Map<String, AttributeValue> toItem(CallCenterConfig c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("callCenterId", s(c.callCenterId()));
        item.put("name", s(c.name()));
        item.put("timeZone", s(c.timeZone().getId()));
        item.put("presenceEnabled", bool(c.presenceEnabled()));
        item.put("pbxMode", s(c.pbxMode().name()));
        item.put("callWrapUpSeconds", n(c.callWrapUpSeconds()));
        item.put("timeTrackingEnabled", bool(c.timeTrackingEnabled()));
        item.put("timeTrackingUpdateSeconds", n(c.timeTrackingUpdateSeconds()));
        item.put("omniChannelEnabled", bool(c.omniChannelEnabled()));
        item.put("activeCallChangesPresence", bool(c.activeCallChangesPresence()));
        item.put("states", AttributeValue.fromL(c.states().stream().map(st -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("id", s(st.id()));
            m.put("label", s(st.label()));
            Items.putIfPresent(m, "reasonCode", st.reasonCode());
            m.put("presenceStatus", n(st.status().code()));
            return AttributeValue.fromM(m);
        }).toList()));
        return item;
    }

    static CallCenterConfig fromItem(Map<String, AttributeValue> item) {
        List<PresenceState> states = item.get("states").l().stream().map(AttributeValue::m)
                .map(m -> new PresenceState(str(m, "id"), str(m, "label"), str(m, "reasonCode"),
                        PresenceStatus.ofCode((int) num(m, "presenceStatus"))))
                .toList();
        return new CallCenterConfig(str(item, "callCenterId"), str(item, "name"), ZoneId.of(str(item, "timeZone")),
                bool(item, "presenceEnabled"), PbxMode.valueOf(str(item, "pbxMode")),
                (int) num(item, "callWrapUpSeconds"), bool(item, "timeTrackingEnabled"),
                (int) num(item, "timeTrackingUpdateSeconds"), bool(item, "omniChannelEnabled"),
                bool(item, "activeCallChangesPresence"), states);
    }
}
