package com.ctipresence.application.security;

import java.util.Set;

/**
 * Who makes a request, as the verified token says: {@code subject} (the agent id, or the supervisor's / admin's
 * own id), the one call center they belong to, and their roles. Built by each inbound adapter (REST: from the
 * bearer token it verified; Lambda: from the API Gateway authorizer's claims).
 */
public record Caller(String subject, String callCenterId, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean supervises() {
        return has(Role.SUPERVISOR) || has(Role.ADMIN);
    }
}
