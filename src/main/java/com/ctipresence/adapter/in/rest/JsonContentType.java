package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.api.ApiRoutes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request body must say that it is JSON: a PUT or POST carrying a body without a Content-Type is refused with
 * 415 (JAX-RS itself refuses a Content-Type other than JSON), as the Lambda route table does.
 */
public class JsonContentType {

    @ServerRequestFilter(preMatching = true)
    public void requireContentType(ContainerRequestContext request) {
        String method = request.getMethod();
        if (("PUT".equals(method) || "POST".equals(method)) && request.getHeaderString("Content-Type") == null
                && hasBody(request)) {
            throw new NotSupportedException(ApiRoutes.NO_CONTENT_TYPE);
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        return request.getHeaderString("Transfer-Encoding") != null
                || length != null && !length.isBlank() && !"0".equals(length.trim());
    }
}
