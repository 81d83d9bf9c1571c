package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.adapter.in.problem.Problems;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.VertxException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem+json for router failures: a request without Host, a body over the size limit found by
 * {@link BodySizeLimit}, anything else that failed before or outside the REST resources. A failure handler ahead of
 * Quarkus' own error page answers them. (What the HTTP codec refuses before any routing: {@link HttpCodecProblems}.)
 */
@ApplicationScoped
public class HttpLayerProblems {
    private final ProblemResponses responses;
    private final long maxBody;

    public HttpLayerProblems(ProblemResponses responses,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.responses = responses;
        this.maxBody = maxBody.asLongValue();
    }

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    /** The answer to a body over the limit, wherever it is found out. */
    Problem tooLarge(String path) {
        return Problems.status(413, "the request body may be at most " + maxBody + " bytes; nothing was changed",
                path);
    }

    private void failed(RoutingContext rc) {
        String path = rc.request().path();
        int status = rc.statusCode();
        Throwable failure = rc.failure();
        Problem problem;
        if (status == 413) {
            problem = tooLarge(path);
        } else if (status == 400 && failure instanceof VertxException v && v.getMessage() != null
                && v.getMessage().contains("'Host' header")) {
            problem = Problems.status(400, "an HTTP/1.1 request must carry a Host header", path);
        } else if (status > 0 && status != 500) {
            problem = Problems.status(status, path);
        } else {
            problem = Problems.of(failure == null ? new IllegalStateException("failed with " + status) : failure,
                    path);
        }
        responses.send(rc.request(), problem, status == 413 || status == 400);
    }
}
