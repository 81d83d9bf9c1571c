package com.ctipresence.adapter.out.dynamodb;

import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.PbxMode;
import com.ctipresence.domain.PresenceState;
import com.ctipresence.domain.PresenceStatus;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.ctipresence.domain.delivery.StateTargets;
import com.ctipresence.domain.delivery.TeamsPresence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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
    private final boolean embedded;

    @Inject
    public DynamoCallCenterRepository(DynamoDbClient dynamo, Tables tables, Instance<EmbeddedDynamoDb> embedded) {
        this(dynamo, tables, embedded.isResolvable() && embedded.get().wanted());
    }

    /** Over a store that other processes may write too (tests and benchmarks that build it by hand). */
    public DynamoCallCenterRepository(DynamoDbClient dynamo, Tables tables) {
        this(dynamo, tables, false);
    }

    private DynamoCallCenterRepository(DynamoDbClient dynamo, Tables tables, boolean embedded) {
        this.dynamo = dynamo;
        this.table = tables.name(Tables.CALL_CENTERS);
        this.embedded = embedded;
    }

    /** The embedded DynamoDB Local listens on 127.0.0.1 for this process only: nobody else writes it. */
    @Override
    public boolean writtenOnlyHere() {
        return embedded;
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
            StateTargets targets = c.targetsOf(st.id());
            Items.putIfPresent(m, "omniChannelStatusId", targets.omniChannelStatusId());
            if (targets.teams() != null) {
                m.put("teamsAvailability", s(targets.teams().availability()));
                m.put("teamsActivity", s(targets.teams().activity()));
            }
            return AttributeValue.fromM(m);
        }).toList()));
        if (!c.delivery().equals(DeliveryConfig.NONE)) {
            item.put("delivery", AttributeValue.fromM(deliveryToItem(c.delivery())));
        }
        return item;
    }

    /** Only names and references: a secret value is never part of the configuration. */
    private static Map<String, AttributeValue> deliveryToItem(DeliveryConfig d) {
        Map<String, AttributeValue> m = new HashMap<>();
        if (d.pbxWebhook() != null) {
            m.put("pbxWebhook", AttributeValue.fromM(Map.of("url", s(d.pbxWebhook().url()),
                    "secretRef", s(d.pbxWebhook().secretRef()))));
        }
        if (d.skype() != null) {
            m.put("skype", AttributeValue.fromM(Map.of("url", s(d.skype().url()),
                    "secretRef", s(d.skype().secretRef()))));
        }
        if (d.teams() != null) {
            m.put("teams", AttributeValue.fromM(Map.of("tenantId", s(d.teams().tenantId()),
                    "clientId", s(d.teams().clientId()), "clientSecretRef", s(d.teams().clientSecretRef()),
                    "expirationMinutes", n(d.teams().expirationMinutes()))));
        }
        if (d.salesforce() != null) {
            var sf = d.salesforce();
            m.put("salesforce", AttributeValue.fromM(Map.of("myDomainUrl", s(sf.myDomainUrl()),
                    "clientId", s(sf.clientId()), "clientSecretRef", s(sf.clientSecretRef()),
                    "platformEvent", s(sf.platformEvent()), "timeObject", s(sf.timeObject()),
                    "externalIdField", s(sf.externalIdField()))));
        }
        return m;
    }

    private static DeliveryConfig deliveryFromItem(AttributeValue value) {
        if (value == null || !value.hasM()) {
            return DeliveryConfig.NONE;
        }
        Map<String, AttributeValue> m = value.m();
        DeliveryConfig.Webhook pbx = m.containsKey("pbxWebhook") ? new DeliveryConfig.Webhook(
                str(m.get("pbxWebhook").m(), "url"), str(m.get("pbxWebhook").m(), "secretRef")) : null;
        DeliveryConfig.Webhook skype = m.containsKey("skype") ? new DeliveryConfig.Webhook(
                str(m.get("skype").m(), "url"), str(m.get("skype").m(), "secretRef")) : null;
        DeliveryConfig.Teams teams = null;
        if (m.containsKey("teams")) {
            var t = m.get("teams").m();
            teams = new DeliveryConfig.Teams(str(t, "tenantId"), str(t, "clientId"), str(t, "clientSecretRef"),
                    (int) num(t, "expirationMinutes"));
        }
        DeliveryConfig.Salesforce sf = null;
        if (m.containsKey("salesforce")) {
            var t = m.get("salesforce").m();
            sf = new DeliveryConfig.Salesforce(str(t, "myDomainUrl"), str(t, "clientId"), str(t, "clientSecretRef"),
                    str(t, "platformEvent"), str(t, "timeObject"), str(t, "externalIdField"));
        }
        return new DeliveryConfig(pbx, skype, teams, sf);
    }

    static CallCenterConfig fromItem(Map<String, AttributeValue> item) {
        List<PresenceState> states = item.get("states").l().stream().map(AttributeValue::m)
                .map(m -> new PresenceState(str(m, "id"), str(m, "label"), str(m, "reasonCode"),
                        PresenceStatus.ofCode((int) num(m, "presenceStatus"))))
                .toList();
        Map<String, StateTargets> targets = new HashMap<>();
        item.get("states").l().stream().map(AttributeValue::m).forEach(m -> {
            String omni = str(m, "omniChannelStatusId");
            TeamsPresence teams = m.containsKey("teamsAvailability")
                    ? new TeamsPresence(str(m, "teamsAvailability"), str(m, "teamsActivity")) : null;
            if (omni != null || teams != null) {
                targets.put(str(m, "id"), new StateTargets(omni, teams));
            }
        });
        return new CallCenterConfig(str(item, "callCenterId"), str(item, "name"), ZoneId.of(str(item, "timeZone")),
                bool(item, "presenceEnabled"), PbxMode.valueOf(str(item, "pbxMode")),
                (int) num(item, "callWrapUpSeconds"), bool(item, "timeTrackingEnabled"),
                (int) num(item, "timeTrackingUpdateSeconds"), bool(item, "omniChannelEnabled"),
                bool(item, "activeCallChangesPresence"), states, deliveryFromItem(item.get("delivery")), targets);
    }
}
