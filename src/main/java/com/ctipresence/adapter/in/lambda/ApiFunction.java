package com.ctipresence.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.ctipresence.adapter.in.api.ApiRequest;
import com.ctipresence.adapter.in.api.ApiRoutes;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Named;

/**
 * The {@code api} function behind the API Gateway HTTP API (payload 2.0): the caller from the JWT authorizer's
 * claims, the operation from the route key, answered as the REST resources answer.
 */
@Named("api")
public class ApiFunction implements RequestHandler<HttpApiEvent, HttpApiResponse> {
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
        ApiRequest request = new ApiRequest(claims.caller(event.claims()),
                event.pathParameters(), event.queryStringParameters(), event.headers(), event.text());
        LambdaLog.context(context, request.path("callCenterId"), request.path("agentId"));
        return HttpApiResponse.of(routes.dispatch(event.routeKey(), request, event.rawPath()), json);
    }
}
