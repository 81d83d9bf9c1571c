package com.ctipresence.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.ctipresence.adapter.in.api.ApiRequest;
import com.ctipresence.adapter.in.api.ApiRoutes;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * The {@code api} function behind the API Gateway HTTP API (payload 2.0): the caller from the JWT authorizer's
 * claims, the operation from the route key, answered as the REST resources answer.
 */
@Named("api")
public class ApiFunction implements RequestHandler<HttpApiEvent, HttpApiResponse> {
    /** One line per invocation, as the local server's access log (same category); the MDC adds the ids. */
    private static final Logger ACCESS = Logger.getLogger("cti.access");

    private final ApiRoutes routes;
    private final ObjectMapper json;
    private final AuthorizerClaims claims;

    public ApiFunction(ApiRoutes routes, ObjectMapper json, AuthorizerClaims claims) {
        this.routes = routes;
        this.json = json;
        this.claims = claims;
    }

    @Override
    public HttpApiResponse handleRequest(HttpApiEvent event, Context context) {
        long start = System.nanoTime();
        Map<String, String> path = event.pathParameters() == null ? Map.of() : event.pathParameters();
        LambdaLog.context(context, path.get("callCenterId"), path.get("agentId"));
        try {
            ApiRequest request = new ApiRequest(claims.caller(event.claims()),
                    event.pathParameters(), event.queryStringParameters(), event.headers(), event.text());
            HttpApiResponse response = HttpApiResponse.of(routes.dispatch(event.routeKey(), request,
                    event.rawPath()), json);
            ACCESS.infof("route=%s status=%d durationMs=%d", event.routeKey(), response.statusCode(),
                    (System.nanoTime() - start) / 1_000_000);
            return response;
        } finally {
            LambdaLog.clear();
        }
    }
}
