package com.ctipresence.adapter.in.json;

import com.ctipresence.application.Body;
import com.ctipresence.domain.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Function;

/**
 * Turns a raw JSON request body into a {@link Body} that a use case reads after it authorized the caller: parsed
 * strictly (see {@code StrictJson}) into {@code type}, then mapped to what the use case takes.
 */
@ApplicationScoped
public class JsonBodies {
    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    public <D, T> Body<T> of(String raw, Class<D> type, Function<D, T> toCommand) {
        return () -> toCommand.apply(parse(raw, type));
    }

    public <D> D parse(String raw, Class<D> type) {
        if (raw == null || raw.isBlank()) {
            throw ValidationException.of("body", "a " + type.getSimpleName().replace("Dto", "")
                    .replace("Request", "") + " is required");
        }
        try {
            return json.readValue(raw, type);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException(e);
        }
    }

    /** The body is not the JSON the operation takes; mapped to a 400 naming the field. */
    public static final class MalformedBodyException extends RuntimeException {
        public MalformedBodyException(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause);
        }

        public JsonProcessingException json() {
            return (JsonProcessingException) getCause();
        }
    }
}
