package com.ctipresence.domain;

/** The pre-defined presence status codes of the manual (1–7); they cannot be changed by configuration. */
public enum PresenceStatus {
    ONLINE(1), OFFLINE(2), AWAY(3), DND(4), BUSY(5), ON_A_CALL(6), LOGOUT(7);

    private final int code;

    PresenceStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static boolean isValidCode(int code) {
        return code >= 1 && code <= 7;
    }

    public static PresenceStatus ofCode(int code) {
        if (!isValidCode(code)) {
            throw new IllegalArgumentException("presence status must be 1-7, was " + code);
        }
        return values()[code - 1];
    }
}
