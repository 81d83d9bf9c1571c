package com.ctipresence.application.port.out.delivery;

/** A system an agent's presence is delivered to; {@code key} names it in the presence answer's {@code delivery}. */
public enum DeliveryTarget {
    PBX("pbx"),
    SKYPE("skype"),
    TEAMS("teams"),
    OMNI_CHANNEL("omniChannel"),
    SALESFORCE_TIME("salesforceTime");

    private final String key;

    DeliveryTarget(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
