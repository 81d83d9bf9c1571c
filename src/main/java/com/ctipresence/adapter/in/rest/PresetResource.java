package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.api.ApiRequest;
import com.ctipresence.adapter.in.api.ConfigurationDto;
import com.ctipresence.adapter.in.api.Operations;
import com.ctipresence.adapter.in.problem.Problem;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Authenticated
@Path("/v1/presets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Presets", description = "Pre-delivered configurations to start from")
public class PresetResource {
    private final Operations operations;
    private final RestCaller callers;

    public PresetResource(Operations operations, RestCaller callers) {
        this.operations = operations;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "Names of the pre-delivered configurations")
    @APIResponse(responseCode = "200", description = "The preset names",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class),
                    examples = @ExampleObject(name = "names", value = ApiExamples.PRESET_NAMES)))
    public List<String> names() {
        return operations.presetNames(ApiRequest.of(callers.current())).body();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "A pre-delivered configuration (no name or time zone); PUT it to a call center to use it")
    @APIResponse(responseCode = "200", description = "The preset, ready to PUT to a call center",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConfigurationDto.class),
                    examples = @ExampleObject(name = "standard", value = ApiExamples.PRESET)))
    @APIResponse(responseCode = "404", description = "No such preset",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConfigurationDto preset(@Parameter(description = "Name of a preset, as GET /v1/presets lists them",
            example = "standard") @PathParam("name") String name) {
        return operations.preset(ApiRequest.of(callers.current()).withPath("name", name)).body();
    }
}
