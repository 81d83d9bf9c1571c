package com.ctipresence.adapter.in.api;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.adapter.in.problem.Problems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operation answers, for any inbound adapter: the status, the headers that carry meaning (content type,
 * {@code Idempotent-Replayed}, {@code Retry-After}, {@code WWW-Authenticate}) and the body object (a DTO, a list, a
 * CSV text, a {@link Problem}, or null for none).
 */
public record ApiResponse<T>(int status, Map<String, String> headers, T body) {
    public static final String JSON = "application/json";
    public static final String CSV = "text/csv";
    /** The Content-Type of a JSON answer, as the REST layer writes it. */
    public static final String JSON_UTF8 = "application/json;charset=UTF-8";
    /** Set on the answer to a call event whose eventId was processed before: nothing changed. */
    public static final String REPLAYED = "Idempotent-Replayed";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static <T> ApiResponse<T> json(int status, T body) {
        return new ApiResponse<>(status, body == null ? Map.of() : Map.of("Content-Type", JSON_UTF8), body);
    }

    public static <T> ApiResponse<T> ok(T body) {
        return json(200, body);
    }

    public ApiResponse<T> withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse<>(status, more, body);
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** Any failure as the one error model: problem+json, with Retry-After on 503 and WWW-Authenticate on 401. */
    public static ApiResponse<Problem> problem(Throwable failure, String path) {
        return of(Problems.of(failure, path));
    }

    public static ApiResponse<Problem> of(Problem problem) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Problem.MEDIA_TYPE);
        if (problem.status() == 503) {
            headers.put("Retry-After", Integer.toString(Problems.RETRY_AFTER_SECONDS));
        }
        if (problem.status() == 401) {
            headers.put("WWW-Authenticate", "Bearer");
        }
        return new ApiResponse<>(problem.status(), headers, problem);
    }
}
