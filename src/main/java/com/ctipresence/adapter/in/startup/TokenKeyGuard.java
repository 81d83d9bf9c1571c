package com.ctipresence.adapter.in.startup;

import com.ctipresence.config.StartupOrder;
import com.ctipresence.config.StartupRefusal;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token key at start-up. Outside dev mode and tests (the production build, also on Lambda):
 * <ul>
 * <li>the development public key committed in {@code src/dev/keys} (its private half is public in the repository)
 * refuses the start: one line, exit code 1;</li>
 * <li>no key configured, or no issuer, is said loudly (every /v1 request would answer 401; tokens of any issuer
 * signed by the key would be accepted).</li>
 * </ul>
 * The development key is recognised by the SHA-256 of its RSA modulus (PEM, JWK or JWKS; a file, a classpath
 * resource or the inline {@code mp.jwt.verify.publickey}); a key behind an http(s) URL is the identity provider's.
 */
@ApplicationScoped
public class TokenKeyGuard {
    /** SHA-256 of the RSA modulus (BigInteger.toByteArray) of src/dev/keys/dev-public.pem. */
    static final String DEV_KEY_MODULUS_SHA256 = "6dba9bb5c4d8ff810e152bba1eb91575d07a35acd18a46169304e4c77f25cbb8";
    static final String LOCATION = "mp.jwt.verify.publickey.location";
    static final String INLINE = "mp.jwt.verify.publickey";
    static final String ISSUER = "mp.jwt.verify.issuer";
    private static final Logger LOG = Logger.getLogger(TokenKeyGuard.class);
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");
    private static final Pattern JWK_MODULUS = Pattern.compile("\"n\"\\s*:\\s*\"([A-Za-z0-9_=-]+)\"");

    void onStart(@Observes @Priority(StartupOrder.GUARDS) StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("quarkus.http.host-enabled", Boolean.class).orElse(true)) {
            return; // no HTTP listener (AWS Lambda: the API Gateway JWT authorizer verifies the tokens)
        }
        check(config, LaunchMode.current().isDevOrTest());
    }

    static void check(Config config, boolean devOrTest) {
        Optional<String> location = config.getOptionalValue(LOCATION, String.class);
        Optional<String> inline = config.getOptionalValue(INLINE, String.class);
        if (location.isEmpty() && inline.isEmpty()) {
            LOG.warn("no token key configured (MP_JWT_VERIFY_PUBLICKEY_LOCATION): every /v1 request will answer 401");
            return;
        }
        if (devOrTest) {
            return;
        }
        boolean devKey = inline.map(TokenKeyGuard::isDevelopmentKey).orElse(false)
                || location.flatMap(TokenKeyGuard::read).map(TokenKeyGuard::isDevelopmentKey).orElse(false);
        if (devKey) {
            throw new StartupRefusal("refusing to start: the token key (" + (location.isPresent()
                    ? LOCATION + "=" + location.get() : INLINE) + ") is the development key committed in "
                    + "src/dev/keys, whose private key is public; set MP_JWT_VERIFY_PUBLICKEY_LOCATION to your "
                    + "identity provider's key");
        }
        if (config.getOptionalValue(ISSUER, String.class).isEmpty()) {
            LOG.warn("no token issuer configured (MP_JWT_VERIFY_ISSUER): tokens of any issuer signed by the key "
                    + "are accepted");
        }
    }

    /** Whether any RSA key in this PEM, JWK or JWKS text is the committed development key. */
    static boolean isDevelopmentKey(String keyText) {
        return moduli(keyText).stream().anyMatch(m -> DEV_KEY_MODULUS_SHA256.equals(fingerprint(m)));
    }

    static String fingerprint(BigInteger modulus) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(modulus.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<BigInteger> moduli(String text) {
        List<BigInteger> result = new ArrayList<>();
        Matcher pem = PEM.matcher(text);
        while (pem.find()) {
            try {
                byte[] der = Base64.getMimeDecoder().decode(pem.group(1));
                if (KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der))
                        instanceof RSAPublicKey rsa) {
                    result.add(rsa.getModulus());
                }
            } catch (Exception notRsa) {
                // not an RSA key: cannot be the development key
            }
        }
        Matcher jwk = JWK_MODULUS.matcher(text);
        while (jwk.find()) {
            try {
                result.add(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.group(1).replace("=", ""))));
            } catch (IllegalArgumentException notBase64) {
                // not a modulus
            }
        }
        if (result.isEmpty() && !text.contains("-----") && !text.contains("{")) {
            // a bare base64 key (smallrye-jwt accepts mp.jwt.verify.publickey without the PEM lines)
            result.addAll(moduli("-----BEGIN PUBLIC KEY-----" + text + "-----END PUBLIC KEY-----"));
        }
        return result;
    }

    /** The text behind a file or classpath location; empty for a URL (the identity provider's keys) or on error. */
    static Optional<String> read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    return in == null ? Optional.empty()
                            : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            Path path;
            if (location.startsWith("file:")) {
                String rest = location.substring("file:".length());
                path = rest.startsWith("//") ? Path.of(URI.create(location)) : Path.of(rest);
            } else if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !location.matches("^[a-zA-Z]:\\\\.*")) {
                path = null; // http(s) and other URLs: the identity provider's keys
            } else {
                path = Path.of(location);
            }
            if (path == null || !Files.isRegularFile(path)) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(path));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // smallrye-jwt reports a key it cannot read on the first request
        }
    }
}
