package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.application.service.CallCenterService;
import com.ctipresence.domain.ValidationException;
import com.ctipresence.application.security.Access;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/v1/call-centers/{callCenterId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call centers", description = "Admin: presence configuration of a call center")
@APIResponse(responseCode = "400", description = "Invalid input; errors name every field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CallCenterResource {
    private final CallCenterService callCenters;
    private final Access access;
    private final RestCaller callers;

    public CallCenterResource(CallCenterService callCenters, Access access, RestCaller callers) {
        this.callCenters = callCenters;
        this.access = access;
        this.callers = callers;
    }

    @PUT
    @Operation(summary = "Create or replace a call center's configuration")
    public ConfigurationDto put(@PathParam("callCenterId") String callCenterId, ConfigurationDto body) {
        access.configure(callers.current(), callCenterId);
        if (body == null) {
            throw ValidationException.of("body", "a Configuration is required");
        }
        if (body.callCenterId() != null && !body.callCenterId().equals(callCenterId)) {
            throw ValidationException.of("callCenterId", "must equal the callCenterId in the path");
        }
        return ConfigurationDto.from(callCenters.configure(callCenterId, body.toDraft()));
    }

    @GET
    @Operation(summary = "Read a call center's configuration")
    @APIResponse(responseCode = "404", description = "No such call center",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConfigurationDto get(@PathParam("callCenterId") String callCenterId) {
        access.readConfiguration(callers.current(), callCenterId);
        return ConfigurationDto.from(callCenters.get(callCenterId));
    }
}
