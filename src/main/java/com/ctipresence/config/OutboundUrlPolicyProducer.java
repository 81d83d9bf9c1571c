package com.ctipresence.config;

import com.ctipresence.application.delivery.OutboundUrlPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/**
 * The outbound URL policy of the delivery targets: {@code cti.delivery.allow-loopback-http} allows plain http to a
 * loopback host (dev and test: local fakes; never in production), {@code cti.delivery.allowed-hosts} lists hosts an
 * operator explicitly allows although their address would be refused (e.g. a PBX on a private network).
 */
@ApplicationScoped
public class OutboundUrlPolicyProducer {

    @Produces
    @ApplicationScoped
    OutboundUrlPolicy policy(
            @ConfigProperty(name = "cti.delivery.allow-loopback-http", defaultValue = "false") boolean loopbackHttp,
            @ConfigProperty(name = "cti.delivery.allowed-hosts") Optional<Set<String>> allowedHosts) {
        return new OutboundUrlPolicy(loopbackHttp, allowedHosts.orElse(Set.of()), InetAddress::getAllByName);
    }
}
