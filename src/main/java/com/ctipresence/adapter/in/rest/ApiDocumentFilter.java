package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.adapter.in.problem.Problems;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;
import java.util.TreeMap;

/**
 * Documents once what the /v1 operations share. It runs when the application is built (the served document is
 * made then; nothing of it is left for start-up):
 * <ul>
 * <li>the bearer token every one needs, and its 401 and 403;</li>
 * <li>for the operations of a call center: 404 (no such call center, or not the caller's) and 503 (store
 * unavailable, with Retry-After);</li>
 * <li>for the operations with a body: 413 (too large) and 415 (not application/json);</li>
 * <li>every 4xx and 5xx answer as application/problem+json with the Problem schema, also those the framework adds
 * without content.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        }
        APIResponses responses = operation.getResponses();
        problem(responses, "401", "No valid bearer token (missing, expired, forged or of another issuer); the "
                + "answer carries WWW-Authenticate: Bearer");
        problem(responses, "403", "The caller's role does not allow this");
        if (path.startsWith("/v1/call-centers/")) {
            problem(responses, "400", "Invalid input (an id in the path, a query parameter or the body); errors "
                    + "name every offending field");
            problem(responses, "404", "No such call center (also for another call center than the caller's)");
            problem(responses, "503", "The presence store is unavailable; nothing was changed. Retry after the "
                    + "seconds in Retry-After");
            responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before retrying")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema
                            .SchemaType.INTEGER).examples(java.util.List.of(Problems.RETRY_AFTER_SECONDS))));
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "413", "The body is larger than " + maxBody() + "; nothing was changed");
            problem(responses, "415", "The body is not sent as Content-Type: application/json");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problemContent(response);
            }
        });
        sort(responses);
    }

    /** Adds the problem answer, or completes one the framework added without content. */
    private static void problem(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            response.description(description);
        }
    }

    private static void problemContent(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
        }
    }

    private static void sort(APIResponses responses) {
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.keySet().forEach(responses::removeAPIResponse);
        sorted.forEach(responses::addAPIResponse);
    }

    private static String maxBody() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", String.class)
                .map(size -> size + "B").orElse("the configured limit");
    }
}
