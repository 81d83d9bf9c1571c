package com.ctipresence.config;

/**
 * Order of the start-up observers (lower runs first). The store must be up and its tables created before the
 * scheduler starts (its observer has priority 0) and before pending wrap-ups are re-armed.
 */
public final class StartupOrder {
    /** Refusals that must come before anything starts: a taken HTTP port, the development token key in production. */
    public static final int GUARDS = -2000;
    /** The embedded DynamoDB Local (local server only), before the tables are created. */
    public static final int EMBEDDED_STORE = -1001;
    public static final int STORE = -1000;
    public static final int WRAP_UP_REARM = STORE + 1;

    private StartupOrder() {
    }
}
