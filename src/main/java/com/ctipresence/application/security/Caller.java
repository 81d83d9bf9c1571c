package com.ctipresence.application.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who makes a request, as the verified token says: {@code subject} (the agent id, or the supervisor's / admin's
 * own id), the one call center they belong to, and their roles. Built by each inbound adapter (REST: from the
 * bearer token it verified; Lambda: from the API Gateway authorizer's claims).
 */
public record Caller(String subject, String callCenterId, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** From a token's claims as any adapter reads them; role names it does not know are ignored. */
    public static Caller of(String subject, String callCenterId, Collection<String> roleNames) {
        Set<Role> roles = roleNames == null ? Set.of() : roleNames.stream().map(Role::of)
                .flatMap(Optional::stream).collect(Collectors.toSet());
        return new Caller(subject == null ? "" : subject, callCenterId, roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean supervises() {
        return has(Role.SUPERVISOR) || has(Role.ADMIN);
    }
}
