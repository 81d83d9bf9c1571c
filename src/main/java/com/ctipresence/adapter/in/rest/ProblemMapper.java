package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.api.ApiResponse;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.adapter.in.problem.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Answers every failure of a REST call as application/problem+json. What the framework itself refuses (no such
 * path, method, media type) is said with what the path does take.
 */
public class ProblemMapper {
    private final RestOperations operations;

    public ProblemMapper(RestOperations operations) {
        this.operations = operations;
    }

    /**
     * Throwable, and by name the types the framework has mappers of its own for, so that those do not answer
     * instead.
     */
    @ServerExceptionMapper(priority = 1, value = {Throwable.class, MismatchedInputException.class,
            JsonProcessingException.class, WebApplicationException.class, UnauthorizedException.class,
            AuthenticationFailedException.class, ForbiddenException.class})
    public Response map(Throwable e, HttpServerRequest request) {
        String path = request.path();
        Problem problem = e instanceof WebApplicationException w && w.getCause() == null
                ? refused(w.getResponse().getStatus(), request, path).orElseGet(() -> Problems.of(e, path))
                : Problems.of(e, path);
        ApiResponse<Problem> answer = ApiResponse.of(problem);
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body());
        answer.headers().forEach(response::header);
        if (problem.status() == 405) {
            response.header("Allow", String.join(", ", allowed(path)));
        }
        return response.build();
    }

    /** The framework refused the request before any resource method ran. */
    private Optional<Problem> refused(int status, HttpServerRequest request, String path) {
        String method = request.method().name();
        Set<String> methods = operations.methods(path);
        return Optional.ofNullable(switch (status) {
            // the framework answers 404, not 405, for some paths that exist with other methods
            case 404, 405 -> methods.isEmpty() ? null : Problems.status(405, method + " is not allowed on " + path
                    + "; allowed: " + String.join(", ", methods), path);
            case 406 -> notAcceptable(operations.produces(method, path), request.getHeader("Accept"), path);
            case 415 -> Problems.status(415, "this operation takes " + or(operations.consumes(method, path))
                    + "; Content-Type was " + quoted(mediaType(request.getHeader("Content-Type"))), path);
            default -> null;
        });
    }

    private Set<String> allowed(String path) {
        Set<String> allowed = new LinkedHashSet<>(operations.methods(path));
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return allowed;
    }

    static Problem notAcceptable(Set<String> produces, String accept, String path) {
        return Problems.status(406, "this resource answers " + or(produces) + "; Accept was " + quoted(accept), path);
    }

    /** "a, b or c". */
    static String or(Set<String> mediaTypes) {
        if (mediaTypes.isEmpty()) {
            return "no body";
        }
        String joined = String.join(", ", mediaTypes);
        int last = joined.lastIndexOf(", ");
        return last < 0 ? joined : joined.substring(0, last) + " or " + joined.substring(last + 2);
    }

    /** The media type of a Content-Type header without its parameters (as every adapter reports it). */
    static String mediaType(String header) {
        return header == null ? null : header.split(";", 2)[0];
    }

    private static String quoted(String header) {
        if (header == null || header.isBlank()) {
            return "not sent";
        }
        String value = header.strip();
        return value.length() > 100 ? value.substring(0, 100) + "..." : value;
    }
}
