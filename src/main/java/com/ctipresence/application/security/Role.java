package com.ctipresence.application.security;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do, from the token's roles (groups) claim. */
public enum Role {
    AGENT, SUPERVISOR, ADMIN;

    public static Optional<Role> of(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
