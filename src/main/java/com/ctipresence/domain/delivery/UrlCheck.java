package com.ctipresence.domain.delivery;

import java.util.Optional;

/** Why a configured outbound URL must not be used, or empty when it may (the application supplies the policy). */
@FunctionalInterface
public interface UrlCheck {
    Optional<String> problem(String url);

    /** Only the shape: an absolute http(s) URL of at most 2000 characters (the policy is checked by the use case). */
    UrlCheck SHAPE = url -> url.length() <= 2000 && url.matches("(?i)https?://[^\\s/?#]+.*")
            ? Optional.empty() : Optional.of("must be an absolute https URL of at most 2000 characters");
}
