package com.ctipresence.adapter;

import com.ctipresence.adapter.in.lambda.AuthorizerClaims;
import com.ctipresence.application.security.Caller;
import com.ctipresence.application.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizerClaimsTest {

    @Test
    void readsTheClaimsApiGatewayPassesAsStrings() {
        Caller caller = AuthorizerClaims.caller(Map.of("sub", "a1", "callCenterId", "acme",
                "groups", "[agent supervisor]"), "callCenterId");
        assertThat(caller).isEqualTo(new Caller("a1", "acme", java.util.Set.of(Role.AGENT, Role.SUPERVISOR)));
    }

    @Test
    void acceptsJsonArraysIgnoresUnknownRolesAndRefusesMissingSubjects() {
        assertThat(AuthorizerClaims.caller(Map.of("sub", "s", "cc", "x", "groups", "[\"admin\",\"root\"]"), "cc")
                .roles()).containsExactly(Role.ADMIN);
        assertThat(AuthorizerClaims.caller(Map.of("sub", "s"), "cc").roles()).isEmpty();
        assertThat(AuthorizerClaims.caller(Map.of("groups", "[admin]"), "cc")).isNull();
        assertThat(AuthorizerClaims.caller(null, "cc")).isNull();
    }
}
