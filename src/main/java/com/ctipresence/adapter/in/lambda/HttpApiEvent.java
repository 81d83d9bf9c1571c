package com.ctipresence.adapter.in.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parts of an API Gateway HTTP API event (payload format 2.0) the {@code api} function reads. The JWT
 * authorizer's claims arrive as strings (an array claim such as the roles as {@code "[agent supervisor]"}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpApiEvent(String version, String routeKey, String rawPath, String rawQueryString,
                           Map<String, String> headers, Map<String, String> queryStringParameters,
                           Map<String, String> pathParameters, RequestContext requestContext, String body,
                           @JsonProperty("isBase64Encoded") Boolean isBase64Encoded) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(String requestId, String routeKey, Authorizer authorizer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Authorizer(Jwt jwt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Jwt(Map<String, Object> claims, List<String> scopes) {
    }

    /** The verified token's claims, each as a string (null: the route had no authorizer). */
    public Map<String, String> claims() {
        if (requestContext == null || requestContext.authorizer() == null
                || requestContext.authorizer().jwt() == null || requestContext.authorizer().jwt().claims() == null) {
            return null;
        }
        return requestContext.authorizer().jwt().claims().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> claim(e.getValue())));
    }

    private static String claim(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"))
                : String.valueOf(value);
    }

    /** The body as text (API Gateway base64-encodes bodies it takes for binary). */
    public String text() {
        if (body == null || !Boolean.TRUE.equals(isBase64Encoded)) {
            return body;
        }
        return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
}
