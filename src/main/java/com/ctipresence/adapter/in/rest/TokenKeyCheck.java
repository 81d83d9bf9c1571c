package com.ctipresence.adapter.in.rest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** Says loudly at start-up when no token key is configured: every /v1 request would then answer 401. */
@ApplicationScoped
public class TokenKeyCheck {
    private static final Logger LOG = Logger.getLogger(TokenKeyCheck.class);

    void onStart(@Observes StartupEvent event) {
        var config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("quarkus.http.host-enabled", Boolean.class).orElse(true)) {
            return; // no HTTP listener (AWS Lambda: API Gateway verifies the tokens)
        }
        boolean keyConfigured = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent();
        if (!keyConfigured) {
            LOG.warn("no token key configured (MP_JWT_VERIFY_PUBLICKEY_LOCATION): every /v1 request will answer 401");
        }
    }
}
