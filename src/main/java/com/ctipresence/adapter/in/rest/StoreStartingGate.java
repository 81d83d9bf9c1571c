package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problems;
import com.ctipresence.config.StoreReadiness;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * While the store is still starting in the background (the packaged server opens its HTTP port before its embedded
 * DynamoDB Local and tables are ready), API requests are answered at once with a problem+json 503 and Retry-After
 * instead of waiting or failing with a 500. Health, metrics, pages and API documents are served as usual.
 */
@ApplicationScoped
public class StoreStartingGate {
    static final String DETAIL = "the presence store is starting; retry in a moment";

    void register(@Observes Filters filters, StoreReadiness readiness, ProblemResponses responses) {
        filters.register(rc -> {
            if (!readiness.isReady() && gated(rc.request().path())) {
                responses.send(rc.request(), Problems.status(503, DETAIL, rc.request().path()), false);
            } else {
                rc.next();
            }
        }, 200);
    }

    static boolean gated(String path) {
        return path != null && (path.equals("/v1") || path.startsWith("/v1/"));
    }
}
