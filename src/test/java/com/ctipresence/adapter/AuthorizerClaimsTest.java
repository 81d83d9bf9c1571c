package com.ctipresence.adapter;

import com.ctipresence.adapter.in.lambda.AuthorizerClaims;
import com.ctipresence.application.security.Caller;
import com.ctipresence.application.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizerClaimsTest {
    private static final AuthorizerClaims DEFAULT_CLAIM = new AuthorizerClaims(() -> "callCenterId");

    @Test
    void readsTheClaimsApiGatewayPassesAsStrings() {
        Caller caller = DEFAULT_CLAIM.caller(Map.of("sub", "a1", "callCenterId", "acme",
                "groups", "[agent supervisor]"));
        assertThat(caller).isEqualTo(new Caller("a1", "acme", java.util.Set.of(Role.AGENT, Role.SUPERVISOR)));
    }

    @Test
    void acceptsJsonArraysIgnoresUnknownRolesAndRefusesMissingSubjects() {
        AuthorizerClaims claims = new AuthorizerClaims(() -> "cc");
        assertThat(claims.caller(Map.of("sub", "s", "cc", "x", "groups", "[\"admin\",\"root\"]")).roles())
                .containsExactly(Role.ADMIN);
        assertThat(claims.caller(Map.of("sub", "s", "cc", "x")).callCenterId()).isEqualTo("x");
        assertThat(claims.caller(Map.of("sub", "s")).roles()).isEmpty();
        assertThat(claims.caller(Map.of("groups", "[admin]"))).isNull();
        assertThat(claims.caller(null)).isNull();
    }
}
