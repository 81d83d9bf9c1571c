package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.PresenceDelivery;
import com.ctipresence.application.port.out.delivery.PresenceSender;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Salesforce Omni-Channel ({@code omniChannelEnabled}): publishes the configured Platform Event
 * ({@code POST /services/data/v62.0/sobjects/<Event>__e/}) for the agent's Salesforce user and the state's
 * ServicePresenceStatus id (none for Offline/Logout without one: the component then logs the agent out of
 * Omni-Channel). The Omni-Channel status itself is set in the agent's browser by the Lightning component
 * under docs/salesforce (the Omni-Channel toolkit is client-side only); the event's fields are its contract
 * (docs/DELIVERY.md "Targets").
 */
@ApplicationScoped
public class OmniChannelSender implements PresenceSender {

    private final SalesforceClient salesforce;

    public OmniChannelSender(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    /**
     * Offline (2) and Logout (7) without a configured Omni-Channel status: the event goes out with no status id,
     * which the component applies as a logout from Omni-Channel.
     */
    static boolean signsOut(PresenceDelivery d) {
        return d.presenceStatus() == 2 || d.presenceStatus() == 7;
    }

    @Override
    public DeliveryTarget target() {
        return DeliveryTarget.OMNI_CHANNEL;
    }

    @Override
    public DeliveryOutcome send(DeliveryConfig config, PresenceDelivery d) {
        DeliveryConfig.Salesforce sf = config == null ? null : config.salesforce();
        if (sf != null && OutboundHttp.blank(sf.platformEvent())) {
            return new DeliveryOutcome.Failed("no Salesforce platformEvent configured");
        }
        if (OutboundHttp.blank(d.salesforceUserId())) {
            return new DeliveryOutcome.Failed("agent profile has no salesforceUserId");
        }
        if (OutboundHttp.blank(d.omniChannelStatusId()) && !signsOut(d)) {
            return new DeliveryOutcome.Failed("state " + d.stateId() + " has no omniChannelStatusId");
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("Call_Center_Id__c", d.callCenterId());
        event.put("Agent_Id__c", d.agentId());
        event.put("User_Id__c", d.salesforceUserId());
        event.put("Service_Presence_Status_Id__c", OutboundHttp.blank(d.omniChannelStatusId()) ? null
                : d.omniChannelStatusId());
        event.put("State_Id__c", d.stateId());
        event.put("Label__c", d.label());
        event.put("Reason_Code__c", d.reasonCode());
        event.put("Presence_Status__c", d.presenceStatus());
        event.put("Version__c", d.version());
        event.put("Changed_At__c", OutboundHttp.iso(d.at()));
        String what = "Salesforce Platform Event";
        try {
            String path = sf == null ? "" : "/sobjects/" + OutboundHttp.segment(sf.platformEvent()) + "/";
            OutboundHttp.Answer answer = salesforce.call(sf, "POST", path, Json.write(event), what);
            DeliveryOutcome outcome = salesforce.http().outcome(answer, what);
            if (outcome instanceof DeliveryOutcome.Delivered) {
                JsonNode json = Json.read(answer.body());
                if (json != null && json.has("success") && !json.get("success").asBoolean()) {
                    return new DeliveryOutcome.Failed(what + ": not published: "
                            + SalesforceTimeSink.errors(json.get("errors")));
                }
            }
            return outcome;
        } catch (DeliveryProblem p) {
            return p.outcome();
        }
    }
}
