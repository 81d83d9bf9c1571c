package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.adapter.in.problem.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a {@link Problem} straight to a Vert.x response, for the refusals below the REST resources (the HTTP
 * codec, the router, the body size limit), with the same headers the REST layer sets.
 */
@ApplicationScoped
public class ProblemResponses {
    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Answers {@code request} with {@code problem}. {@code close} asks the client to close the connection
     * afterwards ({@code Connection: close}); the server does not cut it itself, so that a client still sending its
     * body reads the answer instead of a reset connection.
     */
    public Future<Void> send(HttpServerRequest request, Problem problem, boolean close) {
        HttpServerResponse response = request.response();
        if (response.ended()) {
            return Future.succeededFuture();
        }
        if (response.headWritten()) { // too late for an answer of our own
            return request.connection().close();
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (problem.status() == 503) {
            response.putHeader("Retry-After", String.valueOf(Problems.RETRY_AFTER_SECONDS));
        }
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (close) {
            response.putHeader("Connection", "close");
        }
        return response.end(Buffer.buffer(bytes(problem)));
    }

    byte[] bytes(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem is always serialisable", e);
        }
    }
}
