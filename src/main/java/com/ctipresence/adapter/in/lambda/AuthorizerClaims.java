package com.ctipresence.adapter.in.lambda;

import com.ctipresence.adapter.in.SecurityConfig;
import com.ctipresence.application.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * On AWS the API Gateway HTTP API's JWT authorizer has verified the token; the Lambda handler reads the caller from
 * {@code requestContext.authorizer.jwt.claims}, where API Gateway passes every claim as a string and an array
 * claim (the roles) as {@code "[agent supervisor]"}. A missing or empty claims map is an unauthenticated caller.
 * The call center claim is {@code cti.security.call-center-claim}, as for REST callers.
 */
@ApplicationScoped
public class AuthorizerClaims {
    private final String callCenterClaim;

    public AuthorizerClaims(SecurityConfig security) {
        this.callCenterClaim = security.callCenterClaim();
    }

    public Caller caller(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null) {
            return null;
        }
        return Caller.of(claims.get("sub"), claims.get(callCenterClaim), roles(claims.get("groups")));
    }

    static List<String> roles(String groups) {
        if (groups == null || groups.isBlank()) {
            return List.of();
        }
        String inner = groups.strip().replaceAll("^\\[|]$", "");
        return Arrays.stream(inner.split("[\\s,]+")).map(s -> s.replace("\"", "")).filter(s -> !s.isEmpty())
                .toList();
    }
}
