package com.ctipresence.adapter.in.timer;

import com.ctipresence.application.port.out.WrapUpDue;
import com.ctipresence.application.service.ExpiryFirst;
import com.ctipresence.application.service.PresenceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Inbound adapter of the local wrap-up timers: a timer came due, so the expiry use case runs (which arms the timer
 * again if it fired early). A failure propagates to the timer, which retries with back-off.
 */
@ApplicationScoped
public class WrapUpExpiryHandler {
    private final PresenceService presence;

    public WrapUpExpiryHandler(PresenceService presence) {
        this.presence = presence;
    }

    void onDue(@Observes WrapUpDue due) {
        // ahead of bulk work: a running tick's agent writers hold back while this runs
        ExpiryFirst.expiry(() -> {
            presence.expireWrapUp(due.callCenterId(), due.agentId(), due.wrapUpId());
            return null;
        });
    }
}
