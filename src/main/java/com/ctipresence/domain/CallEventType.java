package com.ctipresence.domain;

/** What the softphone reports about a call. */
public enum CallEventType {
    /** The agent dials out. */
    DIALING,
    /** The call is answered / connected: it is active. */
    CONNECTED,
    /** The call is over; carries its talk duration. */
    ENDED
}
