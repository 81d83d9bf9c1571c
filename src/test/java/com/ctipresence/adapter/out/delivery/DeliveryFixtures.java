package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.PresenceDelivery;
import com.ctipresence.application.port.out.delivery.SecretResolver;
import com.ctipresence.support.TestClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** What the delivery adapter tests share: a frozen clock, secrets in a map, a fixed DNS table, sample deliveries. */
final class DeliveryFixtures {

    static final Instant AT = Instant.parse("2026-11-18T10:59:30Z");

    /** The test "DNS": pbx.example.com is public, rebound.example.com points into the private network. */
    static final Map<String, String> DNS = Map.of(
            "pbx.example.com", "203.0.113.10",
            "rebound.example.com", "10.1.2.3");

    private DeliveryFixtures() {
    }

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    }

    static WireMockServer startServer() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    static String base(WireMockServer server) {
        return "http://localhost:" + server.port();
    }

    /** Dev/test settings (plain http to loopback allowed), the Microsoft bases on the given fake. */
    static DeliverySettings settings(WireMockServer server) {
        return DeliverySettings.defaults().withLoopbackHttp(true)
                .withMicrosoftBases(base(server) + "/login", base(server) + "/graph/v1.0")
                .withRequestTimeout(Duration.ofSeconds(5));
    }

    static OutboundHttp http(DeliverySettings settings, TestClock clock) {
        return new OutboundHttp(settings, clock, DeliveryFixtures::resolve);
    }

    static final class MapSecrets implements SecretResolver {
        final Map<String, String> values = new HashMap<>();

        MapSecrets with(String ref, String value) {
            values.put(ref, value);
            return this;
        }

        @Override
        public Optional<String> resolve(String secretRef) {
            return Optional.ofNullable(values.get(secretRef));
        }
    }

    /** Agent a-7 of call center cc-1 in "Do Not Disturb" (*61, status 4), version 12, with a full profile. */
    static PresenceDelivery dnd() {
        return new PresenceDelivery("cc-1", "a-7", 12, AT, "dnd", "Do Not Disturb", "*61", 4,
                "4711", "sip:anna@example.com", "8f1c2d3e-0000-4000-8000-00000000a007", "005000000000001AAA",
                "DoNotDisturb", "Presenting", false, "0N5000000000001AAA");
    }

    static PresenceDelivery with(PresenceDelivery d, String extension, String sipAddress, String entraUserId,
                                 String salesforceUserId, String omniChannelStatusId) {
        return new PresenceDelivery(d.callCenterId(), d.agentId(), d.version(), d.at(), d.stateId(), d.label(),
                d.reasonCode(), d.presenceStatus(), extension, sipAddress, entraUserId, salesforceUserId,
                d.teamsAvailability(), d.teamsActivity(), d.teamsClear(), omniChannelStatusId);
    }

    static PresenceDelivery logout(long version) {
        return new PresenceDelivery("cc-1", "a-7", version, AT.plusSeconds(60), "logout", "Logout", null, 7,
                "4711", "sip:anna@example.com", "8f1c2d3e-0000-4000-8000-00000000a007", "005000000000001AAA",
                null, null, true, null);
    }

    static List<LoggedRequest> all(WireMockServer server) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }
}
