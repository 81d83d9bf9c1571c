package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.SecurityConfig;
import com.ctipresence.application.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

/**
 * The REST caller of the current request: the bearer token verified by smallrye-jwt (issuer, signature, expiry),
 * read into a {@link Caller}.
 */
@ApplicationScoped
public class RestCaller {
    private final JsonWebToken token;
    private final String callCenterClaim;

    public RestCaller(JsonWebToken token, SecurityConfig security) {
        this.token = token;
        this.callCenterClaim = security.callCenterClaim();
    }

    /** When the current request's token expires (its {@code exp}), or null if it has none. */
    public Instant expiresAt() {
        long exp = token.getExpirationTime();
        return exp <= 0 ? null : Instant.ofEpochSecond(exp);
    }

    public Caller current() {
        Object callCenter = token.getClaim(callCenterClaim);
        return Caller.of(token.getSubject(), callCenter == null ? null : callCenter.toString(), token.getGroups());
    }
}
