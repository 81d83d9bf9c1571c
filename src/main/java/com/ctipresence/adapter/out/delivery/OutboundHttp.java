package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.delivery.OutboundUrlPolicy;
import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way the delivery adapters call out: every URL is checked by the {@link OutboundUrlPolicy} with names
 * resolved right before the request (so a name re-pointed at a private address is refused when it matters),
 * redirects are never followed (a redirect could lead past the policy), each request has a timeout, and every
 * network failure becomes a {@link DeliveryOutcome} instead of an exception. Nothing here logs a header or a body:
 * they carry secrets and tokens.
 */
@ApplicationScoped
public class OutboundHttp {

    private static final int EXCERPT = 200;

    private final HttpClient client;
    private final OutboundUrlPolicy policy;
    private final Duration requestTimeout;
    private final Clock clock;
    private final DeliverySettings settings;

    @Inject
    public OutboundHttp(DeliveryHttpConfig config, Clock clock) {
        this(DeliverySettings.of(config), clock, InetAddress::getAllByName);
    }

    public OutboundHttp(DeliverySettings settings, Clock clock, OutboundUrlPolicy.Resolver resolver) {
        this.settings = settings;
        this.policy = new OutboundUrlPolicy(settings.allowLoopbackHttp(), settings.allowedHosts(), resolver);
        this.requestTimeout = settings.requestTimeout();
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    DeliverySettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    /** An HTTP answer: status, body (text) and headers. */
    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** The URL as a URI when the policy allows it (names resolved now), else a Failed delivery. */
    URI checked(String url) throws DeliveryProblem {
        Optional<String> problem = policy.problem(url, true);
        if (problem.isPresent()) {
            throw DeliveryProblem.failed("URL " + printable(url) + " refused: " + problem.get());
        }
        return URI.create(url);
    }

    /** A request builder for a checked URL, with the request timeout and the product's user agent. */
    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("User-Agent", "cti-presence");
    }

    /** Sends; a timeout or a network failure is a Retry, an interrupt too (the worker stops, the item stays). */
    Answer exchange(HttpRequest request, String what) throws DeliveryProblem {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body() == null ? "" : response.body(),
                    response.headers());
        } catch (HttpConnectTimeoutException e) {
            throw retry(what + ": connect timed out");
        } catch (HttpTimeoutException e) {
            throw retry(what + ": timed out after " + requestTimeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw retry(what + ": connection refused or unreachable");
        } catch (IOException e) {
            throw retry(what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + excerpt(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw retry(what + ": interrupted");
        }
    }

    /**
     * 2xx Delivered; 429 and 503 Retry after their {@code Retry-After} (null without one); 408 and other 5xx Retry;
     * any other status (4xx, and 3xx, as redirects are not followed) Failed with the status and an excerpt of the
     * body.
     */
    DeliveryOutcome outcome(Answer answer, String what) {
        int status = answer.status();
        if (answer.ok()) {
            return new DeliveryOutcome.Delivered();
        }
        String reason = what + ": HTTP " + status + excerptSuffix(answer.body());
        if (status == 429 || status == 503) {
            return new DeliveryOutcome.Retry(reason,
                    answer.header("Retry-After").map(v -> retryAfter(v, clock)).orElse(null));
        }
        if (status == 408 || status >= 500) {
            return new DeliveryOutcome.Retry(reason, null);
        }
        return new DeliveryOutcome.Failed(reason);
    }

    /** The outcome of an answer that is not 2xx, as a problem that ends the delivery. */
    DeliveryProblem problem(Answer answer, String what) {
        return new DeliveryProblem(outcome(answer, what));
    }

    /** The secret's value; Failed when the reference is missing or names nothing, Retry when it cannot be read. */
    static String secret(SecretResolver secrets, String secretRef) throws DeliveryProblem {
        if (secretRef == null || secretRef.isBlank()) {
            throw DeliveryProblem.failed("no secret reference configured");
        }
        Optional<String> value;
        try {
            value = secrets.resolve(secretRef);
        } catch (RuntimeException e) {
            throw retry("secret " + secretRef + " could not be read: " + e.getClass().getSimpleName());
        }
        if (value.isEmpty() || value.get().isEmpty()) {
            throw DeliveryProblem.failed("secret " + secretRef + " not found");
        }
        return value.get();
    }

    /**
     * The key of a cached token: endpoint, client and a digest of the secret (a changed secret gets a new token at
     * once, so a wrong one shows at the next delivery, not when the old token expires). Never the secret itself.
     */
    static String tokenKey(URI tokenUri, String clientId, String secret) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8));
            return tokenUri + "\n" + clientId + "\n" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** An instant as ISO-8601 (UTC), or null. */
    /** An instant as the API writes them (ISO-8601 UTC, always milliseconds: {@code 2026-11-18T10:59:30.000Z}). */
    static String iso(java.time.Instant at) {
        return at == null ? null : com.ctipresence.domain.Timestamps.format(at);
    }

    /** {@code Retry-After}: delay-seconds or an HTTP date (RFC 9110); null when unreadable. */
    static Duration retryAfter(String value, Clock clock) {
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static DeliveryProblem retry(String reason) {
        return new DeliveryProblem(new DeliveryOutcome.Retry(reason, null));
    }

    static String excerptSuffix(String body) {
        String e = excerpt(body);
        return e.isEmpty() ? "" : " " + e;
    }

    /** At most 200 characters of a body, on one line. */
    static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "…";
    }

    /** A path segment, percent-encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String form(String... namesAndValues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static String trimSlash(String base) {
        String b = base.trim();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }

    /** A URL as it may appear in a reason or a log line: no user info, no query (either could carry a secret). */
    static String printable(String url) {
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || u.getHost() == null) {
                return "'" + excerpt(url.replaceAll("[?#].*", "")) + "'";
            }
            return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":"
                    + u.getPort()) + (u.getRawPath() == null ? "" : u.getRawPath());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "'" + excerpt(url == null ? "" : url.replaceAll("[?#].*", "")) + "'";
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
