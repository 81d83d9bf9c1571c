package com.ctipresence.support;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Bearer tokens for tests, signed with the development key in src/dev/keys (as the dev server verifies them). */
public final class Tokens {
    public static final String ISSUER = "https://cti-presence.local/dev";
    private static final PrivateKey DEV_KEY = readPrivateKey(Path.of("src/dev/keys/dev-private.pem"));
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A valid token for 8 hours (cached per subject, call center and roles). */
    public static String of(String callCenterId, String subject, String... roles) {
        return CACHE.computeIfAbsent(callCenterId + "|" + subject + "|" + String.join(",", roles),
                k -> sign(callCenterId, subject, Set.of(roles), Instant.now().plus(Duration.ofHours(8)), DEV_KEY,
                        ISSUER));
    }

    /** A valid token for 8 hours signed with another key and issuer (see {@link TestKeys}). */
    public static String signedWith(PrivateKey key, String issuer, String callCenterId, String subject,
                                    String... roles) {
        return sign(callCenterId, subject, Set.of(roles), Instant.now().plus(Duration.ofHours(8)), key, issuer);
    }

    /** A valid token that expires at {@code expiresAt} (e.g. a few seconds from now; real time, as verified). */
    public static String expiringAt(Instant expiresAt, String callCenterId, String subject, String role) {
        return sign(callCenterId, subject, Set.of(role), expiresAt, DEV_KEY, ISSUER);
    }

    public static String expired(String callCenterId, String subject, String role) {
        return sign(callCenterId, subject, Set.of(role), Instant.now().minus(Duration.ofHours(1)), DEV_KEY, ISSUER);
    }

    /** Signed with a key the server does not trust. */
    public static String forged(String callCenterId, String subject, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(callCenterId, subject, Set.of(role), Instant.now().plus(Duration.ofHours(1)),
                    generator.generateKeyPair().getPrivate(), ISSUER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String wrongIssuer(String callCenterId, String subject, String role) {
        return sign(callCenterId, subject, Set.of(role), Instant.now().plus(Duration.ofHours(1)), DEV_KEY,
                "https://evil.example");
    }

    /** The same claims with "alg":"none" and no signature. */
    public static String unsigned(String callCenterId, String subject, String role) {
        String signed = of(callCenterId, subject, role);
        String payload = signed.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        return header + "." + payload + ".";
    }

    private static String sign(String callCenterId, String subject, Set<String> roles, Instant expiresAt,
                               PrivateKey key, String issuer) {
        return Jwt.issuer(issuer).subject(subject).upn(subject).groups(roles).claim("callCenterId", callCenterId)
                .issuedAt(expiresAt.minus(Duration.ofHours(9))).expiresAt(expiresAt).sign(key);
    }

    static PrivateKey readPrivateKey(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
