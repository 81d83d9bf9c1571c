package com.ctipresence.adapter.in.api;

import com.ctipresence.application.security.Caller;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One API request as an inbound adapter received it (a JAX-RS resource or the Lambda route table): the caller its
 * token names (null: no valid token), the path parameters, the query parameters, the headers (names in any case)
 * and the raw body.
 */
public record ApiRequest(Caller caller, Map<String, String> path, Map<String, String> query,
                         Map<String, String> headers, String body) {

    public ApiRequest {
        path = Map.copyOf(withoutNulls(path));
        query = Map.copyOf(withoutNulls(query));
        Map<String, String> lower = new HashMap<>();
        withoutNulls(headers).forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
    }

    /** A request of {@code caller} with no parameters yet (the REST resources add theirs). */
    public static ApiRequest of(Caller caller) {
        return new ApiRequest(caller, Map.of(), Map.of(), Map.of(), null);
    }

    public ApiRequest withPath(String name, String value) {
        return new ApiRequest(caller, plus(path, name, value), query, headers, body);
    }

    public ApiRequest withQuery(String name, String value) {
        return new ApiRequest(caller, path, plus(query, name, value), headers, body);
    }

    public ApiRequest withHeader(String name, String value) {
        return new ApiRequest(caller, path, query, plus(headers, name, value), body);
    }

    public ApiRequest withBody(String raw) {
        return new ApiRequest(caller, path, query, headers, raw);
    }

    public String path(String name) {
        return path.get(name);
    }

    public String query(String name) {
        return query.get(name);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> plus(Map<String, String> map, String name, String value) {
        Map<String, String> copy = new HashMap<>(map);
        if (value != null) {
            copy.put(name, value);
        }
        return copy;
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> copy = new HashMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v);
                }
            });
        }
        return copy;
    }
}
