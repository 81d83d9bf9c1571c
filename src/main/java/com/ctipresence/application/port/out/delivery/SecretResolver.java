package com.ctipresence.application.port.out.delivery;

import java.util.Optional;

/**
 * Resolves a secret reference from the configuration to its value: locally the name of an environment variable
 * (or configuration property), on AWS a Secrets Manager ARN. Empty when the secret does not exist.
 */
public interface SecretResolver {

    Optional<String> resolve(String secretRef);
}
