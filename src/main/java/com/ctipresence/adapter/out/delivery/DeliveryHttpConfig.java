package com.ctipresence.adapter.out.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the outbound delivery adapters ({@code cti.delivery.*}). The targets themselves (URLs, ids, secret
 * references) are per call center in its configuration; these are the server-wide settings.
 */
@ConfigMapping(prefix = "cti.delivery")
public interface DeliveryHttpConfig {

    /** Plain http to a loopback host (local fakes): true only in %dev and %test. */
    @WithDefault("false")
    boolean allowLoopbackHttp();

    /** Hosts an operator explicitly allows although they resolve to a private address (https still required). */
    Optional<Set<String>> allowedHosts();

    /** Time to establish a connection. */
    @WithDefault("5S")
    Duration connectTimeout();

    /** Time for a whole answer, per request. */
    @WithDefault("5S")
    Duration requestTimeout();

    /**
     * Local secret references must start with this prefix (an admin must not be able to point a secret reference
     * at any environment variable of the server, e.g. the AWS credentials, and send it to a URL of their choice).
     */
    @WithDefault("CTI_SECRET_")
    String secretRefPrefix();

    /** How long a secret read from Secrets Manager is kept (AWS build). */
    @WithDefault("5M")
    Duration secretCacheTtl();

    Teams teams();

    Salesforce salesforce();

    interface Teams {
        /** The Entra ID token endpoint's base; {tenantId}/oauth2/v2.0/token is appended. */
        @WithDefault("https://login.microsoftonline.com")
        URI loginBase();

        /** Microsoft Graph's base; /users/{id}/presence/setPresence is appended. */
        @WithDefault("https://graph.microsoft.com/v1.0")
        URI graphBase();
    }

    interface Salesforce {
        /** The REST API version of the data calls. */
        @WithDefault("v62.0")
        String apiVersion();

        /**
         * How long an access token is used before a new one is requested (Salesforce's token answer carries no
         * lifetime; the org's session timeout decides, a 401 drops the token earlier).
         */
        @WithDefault("30M")
        Duration tokenTtl();
    }
}
