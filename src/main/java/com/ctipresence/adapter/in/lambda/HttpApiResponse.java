package com.ctipresence.adapter.in.lambda;

import com.ctipresence.adapter.in.api.ApiResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.Map;

/** The {@code api} function's answer in API Gateway's payload format 2.0: status, headers and the body as text. */
public record HttpApiResponse(int statusCode, Map<String, String> headers, String body,
                              @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

    /** An operation's answer with its body written as the REST resources write it (same ObjectMapper). */
    public static HttpApiResponse of(ApiResponse<?> answer, ObjectMapper json) {
        Object body = answer.body();
        try {
            String text = body == null ? "" : body instanceof String s ? s : json.writeValueAsString(body);
            return new HttpApiResponse(answer.status(), answer.headers(), text, false);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
