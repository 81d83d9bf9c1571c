package com.ctipresence.adapter.out.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The webhook signature: {@code sha256=} followed by the lowercase hex HMAC-SHA256, keyed with the secret's UTF-8
 * bytes, of the UTF-8 bytes of {@code <X-CTI-Timestamp value> + "." + <the exact request body>}.
 */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    public static String signature(String secret, long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
