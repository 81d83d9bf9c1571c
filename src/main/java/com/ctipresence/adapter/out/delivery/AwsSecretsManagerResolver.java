package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.SecretResolver;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Secrets on AWS (build profile lambda): a reference is a Secrets Manager secret ARN, read with GetSecretValue
 * (its SecretString) through the URL-connection HTTP client with the SDK's default credentials and region (the
 * function role), and kept for {@code cti.delivery.secret-cache-ttl} (default 5 minutes, so a rotated secret is used
 * within minutes). Which secrets can be read is the function role's IAM policy (grant
 * {@code secretsmanager:GetSecretValue} on the call centers' secrets only). A secret that does not exist is empty;
 * any other failure (throttling, network) throws, and the sender retries.
 */
@ApplicationScoped
@IfBuildProfile("lambda")
public class AwsSecretsManagerResolver implements SecretResolver {

    private record Cached(String value, Instant readAt) {
        @Override
        public String toString() {
            return "Cached[readAt=" + readAt + "]";
        }
    }

    private final Supplier<SecretsManagerClient> clients;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile SecretsManagerClient client;

    @Inject
    public AwsSecretsManagerResolver(DeliveryHttpConfig config, Clock clock) {
        this(() -> SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.builder().build()).build(),
                config.secretCacheTtl(), clock);
    }

    public AwsSecretsManagerResolver(Supplier<SecretsManagerClient> clients, Duration ttl, Clock clock) {
        this.clients = clients;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<String> resolve(String secretRef) {
        if (secretRef == null || !secretRef.startsWith("arn:") || !secretRef.contains(":secretsmanager:")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Cached cached = cache.get(secretRef);
        if (cached != null && now.isBefore(cached.readAt().plus(ttl))) {
            return Optional.of(cached.value());
        }
        GetSecretValueResponse answer;
        try {
            answer = client().getSecretValue(b -> b.secretId(secretRef));
        } catch (ResourceNotFoundException e) {
            cache.remove(secretRef);
            return Optional.empty();
        }
        String value = answer.secretString();
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        cache.put(secretRef, new Cached(value, now));
        return Optional.of(value);
    }

    private SecretsManagerClient client() {
        SecretsManagerClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = clients.get();
                    client = c;
                }
            }
        }
        return c;
    }

    @PreDestroy
    void close() {
        SecretsManagerClient c = client;
        if (c != null) {
            c.close();
        }
    }
}
