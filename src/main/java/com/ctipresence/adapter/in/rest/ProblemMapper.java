package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.adapter.in.api.ApiResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every failure of a REST call as application/problem+json. */
public class ProblemMapper {

    /**
     * Throwable, and by name the types the framework has mappers of its own for, so that those do not answer
     * instead.
     */
    @ServerExceptionMapper(priority = 1, value = {Throwable.class, MismatchedInputException.class,
            JsonProcessingException.class, WebApplicationException.class, UnauthorizedException.class,
            AuthenticationFailedException.class, ForbiddenException.class})
    public Response map(Throwable e, UriInfo uri) {
        ApiResponse<Problem> problem = ApiResponse.problem(e, uri.getPath());
        Response.ResponseBuilder response = Response.status(problem.status()).entity(problem.body());
        problem.headers().forEach(response::header);
        return response.build();
    }
}
