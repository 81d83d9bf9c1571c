package com.ctipresence.adapter.out.delivery;

import java.time.Duration;
import java.util.Set;

/**
 * The delivery adapters' server-wide settings as plain values ({@link DeliveryHttpConfig} in the application; tests
 * build them directly).
 */
public record DeliverySettings(boolean allowLoopbackHttp, Set<String> allowedHosts, Duration connectTimeout,
                               Duration requestTimeout, String loginBase, String graphBase,
                               String salesforceApiVersion, Duration salesforceTokenTtl) {

    public static DeliverySettings of(DeliveryHttpConfig config) {
        return new DeliverySettings(config.allowLoopbackHttp(), config.allowedHosts().orElse(Set.of()),
                config.connectTimeout(), config.requestTimeout(), config.teams().loginBase().toString(),
                config.teams().graphBase().toString(), config.salesforce().apiVersion(),
                config.salesforce().tokenTtl());
    }

    /** The defaults of {@link DeliveryHttpConfig}. */
    public static DeliverySettings defaults() {
        return new DeliverySettings(false, Set.of(), Duration.ofSeconds(5), Duration.ofSeconds(5),
                "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0", "v62.0",
                Duration.ofMinutes(30));
    }

    public DeliverySettings withLoopbackHttp(boolean allow) {
        return new DeliverySettings(allow, allowedHosts, connectTimeout, requestTimeout, loginBase, graphBase,
                salesforceApiVersion, salesforceTokenTtl);
    }

    public DeliverySettings withRequestTimeout(Duration timeout) {
        return new DeliverySettings(allowLoopbackHttp, allowedHosts, connectTimeout, timeout, loginBase, graphBase,
                salesforceApiVersion, salesforceTokenTtl);
    }

    public DeliverySettings withMicrosoftBases(String login, String graph) {
        return new DeliverySettings(allowLoopbackHttp, allowedHosts, connectTimeout, requestTimeout, login, graph,
                salesforceApiVersion, salesforceTokenTtl);
    }

    public DeliverySettings withSalesforceTokenTtl(Duration ttl) {
        return new DeliverySettings(allowLoopbackHttp, allowedHosts, connectTimeout, requestTimeout, loginBase,
                graphBase, salesforceApiVersion, ttl);
    }
}
