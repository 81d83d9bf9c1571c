package com.ctipresence.adapter.in.api;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.adapter.in.problem.Problems;
import com.ctipresence.application.NotFoundException;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.ctipresence.adapter.in.api.ApiResponse.CSV;
import static com.ctipresence.adapter.in.api.ApiResponse.JSON;

/**
 * The one route table of the API outside JAX-RS (the Lambda {@code api} handler behind an API Gateway HTTP API):
 * each route key ({@code "PUT /v1/call-centers/{callCenterId}/agents/{agentId}/presence"}, as API Gateway names it)
 * maps to its {@link Operations} method. What JAX-RS does before a resource method runs is done here the same way:
 * the body size limit (413), the request content type (415) and the Accept header (406, and CSV or JSON for the
 * report). Every failure is answered as problem+json.
 */
@ApplicationScoped
public class ApiRoutes {
    /** The 415 detail for a body that does not say it is JSON. */
    private static final String CC = "/v1/call-centers/{callCenterId}";
    private static final String AGENT = CC + "/agents/{agentId}";

    /** One operation behind a route key: whether it reads a JSON body, what it produces. */
    public record Route(String method, String path, boolean jsonBody, List<String> produces,
                        Function<ApiRequest, ApiResponse<?>> operation) {
        public String key() {
            return method + " " + path;
        }
    }

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final long maxBodyBytes;

    public ApiRoutes(Operations ops, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.maxBodyBytes = max.asLongValue();
        add(new Route("GET", "/v1/presets", false, List.of(JSON), ops::presetNames));
        add(new Route("GET", "/v1/presets/{name}", false, List.of(JSON), ops::preset));
        add(new Route("PUT", CC, true, List.of(JSON), ops::configure));
        add(new Route("GET", CC, false, List.of(JSON), ops::configuration));
        add(new Route("GET", CC + "/agents", false, List.of(JSON), ops::agents));
        add(new Route("GET", AGENT + "/presence", false, List.of(JSON), ops::presence));
        add(new Route("PUT", AGENT + "/presence", true, List.of(JSON), ops::setPresence));
        add(new Route("POST", AGENT + "/call-events", true, List.of(JSON), ops::callEvent));
        add(new Route("GET", CC + "/time-tracking", false, List.of(JSON, CSV),
                r -> CSV.equals(preferred(r.header("Accept"), List.of(JSON, CSV))) ? ops.reportCsv(r) : ops.report(r)));
        add(new Route("GET", AGENT + "/history", false, List.of(JSON), ops::history));
        add(new Route("GET", AGENT + "/profile", false, List.of(JSON), ops::profile));
        add(new Route("PUT", AGENT + "/profile", true, List.of(JSON), ops::putProfile));
    }

    private void add(Route route) {
        routes.put(route.key(), route);
    }

    /** Every route, in a stable order (the SAM template has one API Gateway route per entry; a test checks it). */
    public List<Route> routes() {
        return List.copyOf(routes.values());
    }

    /** Runs the operation of {@code routeKey}; any failure becomes the problem+json answer for {@code rawPath}. */
    public ApiResponse<?> dispatch(String routeKey, ApiRequest request, String rawPath) {
        try {
            Route route = routes.get(routeKey);
            if (route == null) {
                throw new NotFoundException("no operation for " + routeKey);
            }
            if (route.jsonBody()) {
                ApiResponse<Problem> tooLarge = checkBody(request, rawPath);
                if (tooLarge != null) {
                    return tooLarge;
                }
            }
            if (preferred(request.header("Accept"), route.produces()) == null) {
                String accept = request.header("Accept").strip();
                return ApiResponse.of(Problems.status(406, "this resource answers " + String.join(" or ",
                        route.produces()) + "; Accept was " + (accept.length() > 100 ? accept.substring(0, 100)
                        + "..." : accept), rawPath));
            }
            return route.operation().apply(request);
        } catch (RuntimeException e) {
            return ApiResponse.problem(e, rawPath);
        }
    }

    /** As the HTTP layer: a body over the limit is 413; a content type other than JSON is 415 (none is read as JSON). */
    private ApiResponse<Problem> checkBody(ApiRequest request, String path) {
        if (request.body() != null && request.body().getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
            return ApiResponse.of(new Problem("about:blank", "Payload too large", 413,
                    "the request body may be at most " + maxBodyBytes + " bytes; nothing was changed", path, null));
        }
        String contentType = request.header("Content-Type");
        boolean hasBody = request.body() != null && !request.body().isEmpty();
        if ((contentType == null || contentType.isBlank()) && hasBody || contentType != null && !isJson(contentType)) {
            String sent = contentType == null || contentType.isBlank() ? "not sent"
                    : contentType.split(";", 2)[0].strip();
            return ApiResponse.of(Problems.status(415, "this operation takes application/json; Content-Type was "
                    + (sent.length() > 100 ? sent.substring(0, 100) + "..." : sent), path));
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        try {
            return MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * The produced media type the Accept header prefers (highest q, then the order in the header, then the order of
     * {@code produces}); the first of {@code produces} when there is no Accept header; null when none is acceptable.
     */
    static String preferred(String accept, List<String> produces) {
        if (accept == null || accept.isBlank()) {
            return produces.get(0);
        }
        String best = null;
        double bestQ = 0;
        for (String part : accept.split(",")) {
            MediaType range;
            try {
                range = MediaType.valueOf(part.trim());
            } catch (IllegalArgumentException e) {
                continue;
            }
            double q = quality(range);
            for (String produced : produces) {
                if (q > bestQ && range.isCompatible(MediaType.valueOf(produced))) {
                    best = produced;
                    bestQ = q;
                    break;
                }
            }
        }
        return best;
    }

    private static double quality(MediaType range) {
        try {
            return Double.parseDouble(range.getParameters().getOrDefault("q", "1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
