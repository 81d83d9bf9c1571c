package com.ctipresence.adapter.in.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies over {@code quarkus.http.limits.max-body-size} are refused with a problem+json 413: one announced larger
 * (Content-Length) before it is read; one of unannounced length (chunked) is read here, up to the limit, and
 * refused as soon as it passes it (the failure handler of {@link HttpLayerProblems} answers). Without this, the
 * REST layer would find a chunked body too large itself and answer 413 with an empty body.
 */
@ApplicationScoped
public class BodySizeLimit {

    void register(@Observes Filters filters, ProblemResponses responses, HttpLayerProblems problems,
                  @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        long limit = max.asLongValue();
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit);
        filters.register(rc -> {
            HttpServerRequest request = rc.request();
            String length = request.getHeader("Content-Length");
            if (length != null && tooLarge(length, limit)) {
                responses.send(request, problems.tooLarge(request.path()), true);
            } else if (length == null && request.headers().contains("Transfer-Encoding")) {
                chunked.handle(rc);
            } else {
                rc.next();
            }
        }, 100);
    }

    private static boolean tooLarge(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false; // the HTTP codec refuses a malformed Content-Length before this runs
        }
    }
}
