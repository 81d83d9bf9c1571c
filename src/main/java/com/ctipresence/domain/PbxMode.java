package com.ctipresence.domain;

/** How a presence change is passed on to the phone system. */
public enum PbxMode {
    /** Time tracking only: nothing is sent to the PBX. */
    NOT_SENT,
    /** The state's reason code is dialled as a command (e.g. *61 for DND). */
    DIAL_COMMAND,
    /** The state's reason code is a Skype for Business availability code (one-way). */
    SKYPE_FOR_BUSINESS
}
