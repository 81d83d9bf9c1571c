package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.api.AgentPresenceDto;
import com.ctipresence.adapter.in.api.AgentProfileDto;
import com.ctipresence.adapter.in.api.ApiRequest;
import com.ctipresence.adapter.in.api.ApiResponse;
import com.ctipresence.adapter.in.api.CallEventRequest;
import com.ctipresence.adapter.in.api.Operations;
import com.ctipresence.adapter.in.api.PresenceChangeRequest;
import com.ctipresence.adapter.in.problem.Problem;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Authenticated
@Path("/v1/call-centers/{callCenterId}/agents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agent presence", description = "Softphone: presence state and call events of agents")
@APIResponse(responseCode = "400", description = "Invalid input; errors name every field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such call center (or agent, on GET)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AgentPresenceResource {
    /** Set on the answer to a call event whose eventId was processed before: nothing changed. */
    public static final String REPLAYED = ApiResponse.REPLAYED;

    private final Operations operations;
    private final RestCaller callers;

    public AgentPresenceResource(Operations operations, RestCaller callers) {
        this.operations = operations;
        this.callers = callers;
    }

    private ApiRequest request(String callCenterId, String agentId) {
        return ApiRequest.of(callers.current()).withPath("callCenterId", callCenterId).withPath("agentId", agentId);
    }

    @GET
    @Operation(summary = "All agents of the call center with their presence (supervisor, admin)")
    @APIResponse(responseCode = "200", description = "Every agent of the call center",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AgentPresenceDto.class),
                    examples = @ExampleObject(name = "agents", value = ApiExamples.PRESENCES)))
    public List<AgentPresenceDto> list(@Parameter(description = ApiExamples.CALL_CENTER_ID, example = "acme")
                                       @PathParam("callCenterId") String callCenterId) {
        return operations.agents(request(callCenterId, null)).body();
    }

    @GET
    @Path("{agentId}/presence")
    @Operation(summary = "An agent's presence (the agent, a supervisor or an admin)")
    @APIResponse(responseCode = "200", description = "The agent's presence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgentPresenceDto.class),
                    examples = @ExampleObject(name = "presence", value = ApiExamples.PRESENCE)))
    public AgentPresenceDto get(@Parameter(description = ApiExamples.CALL_CENTER_ID, example = "acme")
                                @PathParam("callCenterId") String callCenterId,
                                @Parameter(description = ApiExamples.AGENT_ID, example = "a1")
                                @PathParam("agentId") String agentId) {
        return operations.presence(request(callCenterId, agentId)).body();
    }

    @PUT
    @Path("{agentId}/presence")
    @Operation(summary = "Set an agent's presence state (creates the agent); ends a running wrap-up. The agent "
            + "sets their own; a supervisor or admin may set anyone's (recorded with cause ADMIN)")
    @APIResponse(responseCode = "200", description = "The agent's presence after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgentPresenceDto.class),
                    examples = @ExampleObject(name = "presence", value = ApiExamples.PRESENCE)))
    @APIResponse(responseCode = "409", description = "Presence is disabled for the call center",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Consumes(MediaType.APPLICATION_JSON)
    public AgentPresenceDto put(@Parameter(description = ApiExamples.CALL_CENTER_ID, example = "acme")
                                @PathParam("callCenterId") String callCenterId,
                                @Parameter(description = ApiExamples.AGENT_ID, example = "a1")
                                @PathParam("agentId") String agentId,
                                @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = PresenceChangeRequest.class),
                                        examples = @ExampleObject(name = "change",
                                                value = ApiExamples.PRESENCE_CHANGE))) String body) {
        return operations.setPresence(request(callCenterId, agentId).withBody(body)).body();
    }

    @POST
    @Path("{agentId}/call-events")
    @Operation(summary = "Report a call event (DIALING, CONNECTED, ENDED); idempotent by eventId")
    @APIResponse(responseCode = "200", description = "Applied; or a repeat of a processed eventId (header "
            + "Idempotent-Replayed: true): nothing changed, the body is the agent's current presence",
            headers = @Header(name = REPLAYED, description = "true when the eventId was processed before",
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgentPresenceDto.class),
                    examples = @ExampleObject(name = "presence", value = ApiExamples.PRESENCE)))
    @APIResponse(responseCode = "202", description = "Presence is disabled: accepted and ignored; body is the "
            + "agent's presence if known, else empty",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgentPresenceDto.class),
                    examples = @ExampleObject(name = "presence", value = ApiExamples.PRESENCE)))
    @APIResponse(responseCode = "409", description = "The eventId was already used for a different event, or "
            + "the agent already has 8 active calls",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Consumes(MediaType.APPLICATION_JSON)
    public Response callEvent(@Parameter(description = ApiExamples.CALL_CENTER_ID, example = "acme")
                              @PathParam("callCenterId") String callCenterId,
                              @Parameter(description = ApiExamples.AGENT_ID, example = "a1")
                              @PathParam("agentId") String agentId,
                              @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                      schema = @Schema(implementation = CallEventRequest.class),
                                      examples = @ExampleObject(name = "ended",
                                              value = ApiExamples.CALL_EVENT))) String body) {
        ApiResponse<AgentPresenceDto> answer = operations.callEvent(request(callCenterId, agentId).withBody(body));
        String replayed = answer.header(REPLAYED);
        return Response.status(answer.status()).entity(answer.body()).header(REPLAYED, replayed).build();
    }

    @GET
    @Path("{agentId}/profile")
    @Operation(summary = "An agent's profile (the agent, a supervisor or an admin); every field empty when none "
            + "was set")
    @APIResponse(responseCode = "200", description = "The agent's profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgentProfileDto.class),
                    examples = @ExampleObject(name = "profile", value = ApiExamples.PROFILE)))
    public AgentProfileDto profile(@Parameter(description = ApiExamples.CALL_CENTER_ID, example = "acme")
                                   @PathParam("callCenterId") String callCenterId,
                                   @Parameter(description = ApiExamples.AGENT_ID, example = "a1")
                                   @PathParam("agentId") String agentId) {
        return operations.profile(request(callCenterId, agentId)).body();
    }

    @PUT
    @Path("{agentId}/profile")
    @Operation(summary = "Set an agent's profile (admin): display name, extension, SIP address, Entra ID and "
            + "Salesforce user ids, all optional; replaces the whole profile")
    @APIResponse(responseCode = "200", description = "The agent's profile as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgentProfileDto.class),
                    examples = @ExampleObject(name = "profile", value = ApiExamples.PROFILE)))
    @Consumes(MediaType.APPLICATION_JSON)
    public AgentProfileDto putProfile(@Parameter(description = ApiExamples.CALL_CENTER_ID, example = "acme")
                                      @PathParam("callCenterId") String callCenterId,
                                      @Parameter(description = ApiExamples.AGENT_ID, example = "a1")
                                      @PathParam("agentId") String agentId,
                                      @RequestBody(required = true, content = @Content(
                                              mediaType = MediaType.APPLICATION_JSON,
                                              schema = @Schema(implementation = AgentProfileDto.class),
                                              examples = @ExampleObject(name = "profile",
                                                      value = ApiExamples.PROFILE))) String body) {
        return operations.putProfile(request(callCenterId, agentId).withBody(body)).body();
    }
}
