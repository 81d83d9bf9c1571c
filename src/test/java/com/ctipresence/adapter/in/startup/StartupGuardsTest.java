package com.ctipresence.adapter.in.startup;

import com.ctipresence.config.StartupRefusal;
import com.ctipresence.support.TestKeys;
import io.quarkus.runtime.PreventFurtherStepsException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production start-up guards, on their own (the packaged server is tried in StartupFailureIT). */
class StartupGuardsTest {
    static final Path DEV_PUBLIC = Path.of("src/dev/keys/dev-public.pem");

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void theCommittedDevelopmentKeyIsRecognisedInEveryForm() throws Exception {
        String pem = Files.readString(DEV_PUBLIC);
        assertThat(TokenKeyGuard.isDevelopmentKey(pem)).as("PEM").isTrue();
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(TokenKeyGuard.isDevelopmentKey(base64)).as("bare base64").isTrue();
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"" + base64Url(key.getModulus()) + "\"}]}";
        assertThat(TokenKeyGuard.isDevelopmentKey(jwks)).as("JWKS").isTrue();
        assertThat(TokenKeyGuard.isDevelopmentKey(Files.readString(TestKeys.publicPem()))).as("another key")
                .isFalse();
    }

    @Test
    void productionRefusesTheDevelopmentKeyWithOneLine() {
        for (String location : new String[]{"file:" + DEV_PUBLIC, DEV_PUBLIC.toAbsolutePath().toString(),
                DEV_PUBLIC.toAbsolutePath().toUri().toString()}) {
            assertThatThrownBy(() -> TokenKeyGuard.check(config(Map.of(
                    "mp.jwt.verify.publickey.location", location, "mp.jwt.verify.issuer", "https://idp")), false))
                    .as(location).isInstanceOf(StartupRefusal.class)
                    .hasMessageContaining("development key").hasMessageNotContaining("\n")
                    .rootCause().isInstanceOf(PreventFurtherStepsException.class)
                    .satisfies(e -> assertThat(((PreventFurtherStepsException) e).getExitCode()).isEqualTo(1));
        }
        assertThatCode(() -> TokenKeyGuard.check(config(Map.of(
                "mp.jwt.verify.publickey.location", "file:" + DEV_PUBLIC)), true))
                .as("dev mode and tests use it").doesNotThrowAnyException();
        assertThatCode(() -> TokenKeyGuard.check(config(Map.of(
                "mp.jwt.verify.publickey.location", "file:" + TestKeys.publicPem())), false))
                .as("another key").doesNotThrowAnyException();
    }

    @Test
    void aTakenHttpPortIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> HttpPortGuard.check(config(Map.of("quarkus.http.port", "" + port))))
                    .isInstanceOf(StartupRefusal.class)
                    .hasMessage("port " + port + " (HTTP) is already in use; set quarkus.http.port / "
                            + "QUARKUS_HTTP_PORT");
        }
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        assertThatCode(() -> HttpPortGuard.check(config(Map.of("quarkus.http.port", "" + free))))
                .doesNotThrowAnyException();
    }

    private static String base64Url(BigInteger modulus) {
        byte[] bytes = modulus.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
