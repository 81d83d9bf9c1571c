package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused before it is read, with a
 * problem+json 413 (the HTTP layer's own limit still stops a chunked body that grows too large).
 */
@ApplicationScoped
public class BodySizeLimit {

    void register(@Observes Filters filters, ObjectMapper json,
                  @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max)
            throws JsonProcessingException {
        long limit = max.asLongValue();
        byte[] body = json.writeValueAsBytes(new Problem("about:blank", "Payload too large", 413,
                "the request body may be at most " + limit + " bytes; nothing was changed", null, null));
        filters.register(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && tooLarge(length, limit)) {
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(io.vertx.core.buffer.Buffer.buffer(body));
                return;
            }
            rc.next();
        }, 100);
    }

    private static boolean tooLarge(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false; // the HTTP layer answers 400 for a malformed Content-Length
        }
    }
}
