package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.adapter.in.problem.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Media types are checked before anything else runs, with answers that say what the operation takes:
 * <ul>
 * <li>a body sent without a Content-Type is 415 where the operation takes a media type (JSON bodies need
 * {@code application/json}); the framework would otherwise accept it as anything. A wrong Content-Type is refused
 * by the framework itself (see {@link ProblemMapper});</li>
 * <li>an Accept header that admits none of the operation's media types is 406, before the operation runs (the
 * framework finds out only when it writes the answer where a path has one method per media type).</li>
 * </ul>
 */
public class MediaTypeChecks {
    private final RestOperations operations;

    public MediaTypeChecks(RestOperations operations) {
        this.operations = operations;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(HttpServerRequest request) {
        String method = request.method().name();
        String path = request.path();
        if (request.getHeader("Content-Type") == null && hasBody(request)) {
            Set<String> consumes = operations.consumes(method, path);
            if (!consumes.isEmpty() && !consumes.contains("*/*")) {
                return problem(Problems.status(415, "this operation takes " + ProblemMapper.or(consumes)
                        + "; Content-Type was not sent", path));
            }
        }
        String accept = request.getHeader("Accept");
        if (accept != null) {
            Set<String> produces = operations.produces(method, path);
            if (!produces.isEmpty() && !acceptable(accept, produces)) {
                return problem(ProblemMapper.notAcceptable(produces, accept, path));
            }
        }
        return null;
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return length != null ? !length.strip().equals("0") : request.headers().contains("Transfer-Encoding");
    }

    /** Some media range of {@code accept} with q > 0 admits one of {@code produces}; unreadable: left to others. */
    static boolean acceptable(String accept, Set<String> produces) {
        try {
            for (String range : accept.split(",")) {
                if (range.isBlank()) {
                    continue;
                }
                MediaType wanted = MediaType.valueOf(range.strip());
                String q = wanted.getParameters().get("q");
                if (q != null && Double.parseDouble(q) <= 0) {
                    continue;
                }
                for (String offered : produces) {
                    if (wanted.isCompatible(MediaType.valueOf(offered))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IllegalArgumentException unreadable) { // NumberFormatException included
            return true;
        }
    }
}
