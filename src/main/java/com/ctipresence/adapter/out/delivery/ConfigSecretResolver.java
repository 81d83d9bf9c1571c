package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.SecretResolver;
import io.quarkus.arc.profile.UnlessBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Secrets of the local server: a reference is the name of an environment variable, read from the environment, else
 * from a configuration property of exactly that name (application.properties, a system property; how tests give
 * secrets). Only names starting with {@code cti.delivery.secret-ref-prefix} (default {@code CTI_SECRET_}) are
 * read: an admin must not be able to name any variable of the server (say AWS_SECRET_ACCESS_KEY) as a "secret"
 * and have it sent to a URL of their choice. Any other name resolves to nothing ("secret ... not found").
 */
@ApplicationScoped
@UnlessBuildProfile("lambda")
public class ConfigSecretResolver implements SecretResolver {

    private static final Logger LOG = Logger.getLogger(ConfigSecretResolver.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final String prefix;
    private final Function<String, String> environment;
    private final Function<String, Optional<String>> config;

    @Inject
    public ConfigSecretResolver(DeliveryHttpConfig settings) {
        this(settings.secretRefPrefix(), System::getenv,
                name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
    }

    public ConfigSecretResolver(String prefix, Function<String, String> environment,
                                Function<String, Optional<String>> config) {
        this.prefix = prefix;
        this.environment = environment;
        this.config = config;
    }

    @Override
    public Optional<String> resolve(String secretRef) {
        if (secretRef == null || !NAME.matcher(secretRef).matches()) {
            return Optional.empty();
        }
        if (!secretRef.startsWith(prefix)) {
            LOG.warnf("secret reference %s refused: local secret references must start with %s", secretRef, prefix);
            return Optional.empty();
        }
        String value = environment.apply(secretRef);
        if (value != null && !value.isEmpty()) {
            return Optional.of(value);
        }
        return config.apply(secretRef).filter(v -> !v.isEmpty());
    }
}
