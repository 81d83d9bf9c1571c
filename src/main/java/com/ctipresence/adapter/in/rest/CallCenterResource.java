package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.api.ApiRequest;
import com.ctipresence.adapter.in.api.ConfigurationDto;
import com.ctipresence.adapter.in.api.Operations;
import com.ctipresence.adapter.in.problem.Problem;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/v1/call-centers/{callCenterId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call centers", description = "Admin: presence configuration of a call center")
@APIResponse(responseCode = "400", description = "Invalid input; errors name every field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CallCenterResource {
    private final Operations operations;
    private final RestCaller callers;

    public CallCenterResource(Operations operations, RestCaller callers) {
        this.operations = operations;
        this.callers = callers;
    }

    private ApiRequest request(String callCenterId) {
        return ApiRequest.of(callers.current()).withPath("callCenterId", callCenterId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a call center's configuration (admin)")
    @APIResponse(responseCode = "200", description = "The configuration as stored, defaults applied",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConfigurationDto.class),
                    examples = @ExampleObject(name = "configuration", value = ApiExamples.CONFIGURATION)))
    public ConfigurationDto put(@Parameter(description = ApiExamples.CALL_CENTER_ID, example = "acme")
                                @PathParam("callCenterId") String callCenterId,
                                @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = ConfigurationDto.class),
                                        examples = @ExampleObject(name = "configuration",
                                                value = ApiExamples.CONFIGURATION_REQUEST))) String body) {
        return operations.configure(request(callCenterId).withBody(body)).body();
    }

    @GET
    @Operation(summary = "Read a call center's configuration (anyone of the call center)")
    @APIResponse(responseCode = "200", description = "The configuration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConfigurationDto.class),
                    examples = @ExampleObject(name = "configuration", value = ApiExamples.CONFIGURATION)))
    @APIResponse(responseCode = "404", description = "No such call center",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConfigurationDto get(@Parameter(description = ApiExamples.CALL_CENTER_ID, example = "acme")
                                @PathParam("callCenterId") String callCenterId) {
        return operations.configuration(request(callCenterId)).body();
    }
}
