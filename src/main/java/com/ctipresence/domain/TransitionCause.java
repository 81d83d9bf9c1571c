package com.ctipresence.domain;

/** Why a presence state changed. */
public enum TransitionCause {
    /** The agent chose the state in the softphone. */
    AGENT,
    /** A call event (dialing, connected, ended) changed it. */
    CALL_EVENT,
    /** The wrap-up after a call ran out. */
    WRAP_UP_EXPIRY,
    /** A supervisor or admin set it for the agent. */
    ADMIN
}
