package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.adapter.in.problem.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * A body sent without a Content-Type is refused with 415 where the operation takes a media type (JSON bodies need
 * {@code application/json}): the framework would otherwise accept it as anything. A wrong Content-Type is refused
 * by the framework itself (see {@link ProblemMapper}).
 */
public class RequireContentType {
    private final RestOperations operations;

    public RequireContentType(RestOperations operations) {
        this.operations = operations;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(HttpServerRequest request) {
        if (request.getHeader("Content-Type") != null || !hasBody(request)) {
            return null;
        }
        String method = request.method().name();
        Set<String> consumes = operations.consumes(method, request.path());
        if (consumes.isEmpty() || consumes.contains("*/*")) {
            return null;
        }
        Problem problem = Problems.status(415, "this operation takes " + ProblemMapper.or(consumes)
                + "; Content-Type was not sent", request.path());
        return Response.status(415).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return length != null ? !length.strip().equals("0") : request.headers().contains("Transfer-Encoding");
    }
}
