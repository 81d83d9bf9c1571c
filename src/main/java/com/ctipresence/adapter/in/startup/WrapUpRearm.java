package com.ctipresence.adapter.in.startup;

import com.ctipresence.application.service.PresenceService;
import com.ctipresence.config.StartupOrder;
import com.ctipresence.config.StoreReadiness;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start-up of the local server, re-arm the timers of every wrap-up still running in the store (a no-op when
 * local timers are switched off).
 */
@ApplicationScoped
public class WrapUpRearm {
    private static final Logger LOG = Logger.getLogger(WrapUpRearm.class);

    void onStart(@Observes @Priority(StartupOrder.WRAP_UP_REARM) StartupEvent event, PresenceService presence,
                 StoreReadiness readiness,
                 @ConfigProperty(name = "cti.wrap-up.rearm-at-start", defaultValue = "true") boolean rearm) {
        if (!rearm) {
            return; // AWS: timers are queue messages that outlive any instance; nothing to re-arm
        }
        // once the store is up (it may still be starting in the background, see StoreReadiness)
        readiness.whenReady(() -> LOG.infof("re-armed %d pending wrap-up timer(s)", presence.rearmWrapUps()));
    }
}
