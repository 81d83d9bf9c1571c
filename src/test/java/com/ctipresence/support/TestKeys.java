package com.ctipresence.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * A token key pair made for this test run (not the committed development key, which a production build refuses):
 * for tests of the packaged server. The public key is written to a temporary PEM file.
 */
public final class TestKeys {
    public static final String ISSUER = "https://issuer.test.cti-presence.local";
    private static final KeyPair PAIR = generate();
    private static final Path PUBLIC_PEM = write(PAIR);

    private TestKeys() {
    }

    public static Path publicPem() {
        return PUBLIC_PEM;
    }

    /** A valid token for 8 hours signed with this run's key and issued by {@link #ISSUER}. */
    public static String token(String callCenterId, String subject, String... roles) {
        return Tokens.signedWith(PAIR.getPrivate(), ISSUER, callCenterId, subject, roles);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(KeyPair pair) {
        try {
            Path file = Files.createTempFile("cti-test-public", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
