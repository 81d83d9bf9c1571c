package com.ctipresence.adapter.in.timer;

import com.ctipresence.application.port.out.WrapUpDue;
import com.ctipresence.application.port.out.WrapUpTimer;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.domain.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;

/**
 * Inbound adapter of the local wrap-up timers: a timer came due, so the expiry use case runs. A timer that fired
 * early (the expiry says how long remains) is armed again for the rest. A failure propagates to the timer, which
 * retries with back-off.
 */
@ApplicationScoped
public class WrapUpExpiryHandler {
    private final PresenceService presence;
    private final WrapUpTimer timer;
    private final Clock clock;

    public WrapUpExpiryHandler(PresenceService presence, WrapUpTimer timer, Clock clock) {
        this.presence = presence;
        this.timer = timer;
        this.clock = clock;
    }

    void onDue(@Observes WrapUpDue due) {
        Expiry expiry = presence.expireWrapUp(due.callCenterId(), due.agentId(), due.wrapUpId());
        if (!expiry.due()) {
            timer.schedule(due.callCenterId(), due.agentId(), due.wrapUpId(), clock.instant()
                    .plus(expiry.notYetFor()));
        }
    }
}
