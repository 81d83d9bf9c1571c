package com.ctipresence.application.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundUrlPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "pbx.example.com", "203.0.113.10",
            "rebound.example.com", "169.254.169.254",
            "intranet.example.com", "10.1.2.3",
            "partner.internal", "10.9.9.9");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    }

    private final OutboundUrlPolicy production = new OutboundUrlPolicy(false, Set.of(), OutboundUrlPolicyTest::resolve);
    private final OutboundUrlPolicy devAndTest = new OutboundUrlPolicy(true, Set.of(), OutboundUrlPolicyTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {
        "http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/hook", "https://10.0.0.1/hook", "https://172.16.5.4/", "https://192.168.1.1/",
        "https://100.64.0.1/", "https://[fd00:ec2::254]/", "https://[fe80::1]/", "https://[::ffff:10.0.0.1]/",
        "https://[::ffff:169.254.169.254]/", "https://0.0.0.0/", "https://[::]/", "https://224.0.0.1/",
        "https://metadata.google.internal/computeMetadata/v1/", "http://pbx.example.com/hook",
        "ftp://pbx.example.com/", "pbx.example.com/hook", "/relative", "", "https://user:pw@pbx.example.com/",
        "http://127.0.0.1:8080/hook", "https://localhost/hook", "https://[::1]/"})
    void productionRefuses(String url) {
        assertThat(production.problem(url, false)).as(url).isPresent();
        assertThat(production.problem(url, true)).as(url).isPresent();
    }

    @Test
    void productionAcceptsPublicHttps() {
        assertThat(production.problem("https://pbx.example.com/hook?x=1", false)).isEmpty();
        assertThat(production.problem("https://pbx.example.com/hook?x=1", true)).isEmpty();
        assertThat(production.problem("https://203.0.113.10:8443/hook", true)).isEmpty();
    }

    @Test
    void aNameResolvingToAForbiddenAddressIsRefusedWhenResolved() {
        assertThat(production.problem("https://rebound.example.com/", false)).isEmpty();
        assertThat(production.problem("https://rebound.example.com/", true)).get().asString()
                .contains("link-local").contains("169.254.169.254");
        assertThat(production.problem("https://intranet.example.com/", true)).get().asString().contains("private");
        assertThat(production.problem("https://nowhere.example.com/", true)).get().asString()
                .contains("does not resolve");
    }

    @Test
    void loopbackHttpOnlyWhereAllowed() {
        assertThat(devAndTest.problem("http://127.0.0.1:8089/hook", true)).isEmpty();
        assertThat(devAndTest.problem("http://localhost:8089/hook", false)).isEmpty();
        assertThat(devAndTest.problem("http://10.0.0.1/hook", true)).isPresent();
        assertThat(devAndTest.problem("http://169.254.169.254/", true)).isPresent();
        assertThat(devAndTest.problem("http://pbx.example.com/hook", true)).isPresent();
    }

    @Test
    void anExplicitlyAllowedHostMayBePrivateButStillHttps() {
        OutboundUrlPolicy allowing = new OutboundUrlPolicy(false, Set.of("Partner.Internal"),
                OutboundUrlPolicyTest::resolve);
        assertThat(allowing.problem("https://partner.internal/hook", true)).isEmpty();
        assertThat(allowing.problem("http://partner.internal/hook", true)).isPresent();
        assertThat(allowing.problem("https://intranet.example.com/", true)).isPresent();
    }
}
