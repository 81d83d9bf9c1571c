package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.application.service.CallEventOutcome;
import com.ctipresence.application.service.PresenceService;
import com.ctipresence.domain.TransitionCause;
import com.ctipresence.domain.ValidationException;
import com.ctipresence.application.security.Access;
import io.quarkus.security.Authenticated;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    private final PresenceService presence;
    private final Access access;
    private final RestCaller callers;

    public AgentPresenceResource(PresenceService presence, Access access, RestCaller callers) {
        this.presence = presence;
        this.access = access;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "All agents of the call center with their presence")
    public List<AgentPresenceDto> list(@PathParam("callCenterId") String callCenterId) {
        access.listAgents(callers.current(), callCenterId);
        return presence.list(callCenterId).stream().map(AgentPresenceDto::from).toList();
    }

    @GET
    @Path("{agentId}/presence")
    @Operation(summary = "An agent's presence")
    public AgentPresenceDto get(@PathParam("callCenterId") String callCenterId,
                                @PathParam("agentId") String agentId) {
        access.readAgent(callers.current(), callCenterId, agentId);
        return AgentPresenceDto.from(presence.get(callCenterId, agentId));
    }

    @PUT
    @Path("{agentId}/presence")
    @Operation(summary = "Set an agent's presence state (creates the agent); ends a running wrap-up. The agent "
            + "sets their own; a supervisor or admin may set anyone's (recorded with cause ADMIN)")
    @APIResponse(responseCode = "409", description = "Presence is disabled for the call center",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AgentPresenceDto put(@PathParam("callCenterId") String callCenterId,
                                @PathParam("agentId") String agentId, PresenceChangeRequest body) {
        TransitionCause cause = access.setPresence(callers.current(), callCenterId, agentId);
        if (body == null) {
            throw ValidationException.of("stateId", "is required");
        }
        return AgentPresenceDto.from(presence.setState(callCenterId, agentId, body.stateId(), cause,
                callers.current().subject()));
    }

    @POST
    @Path("{agentId}/call-events")
    @Operation(summary = "Report a call event (DIALING, CONNECTED, ENDED); idempotent by eventId")
    @APIResponse(responseCode = "200", description = "Applied (or a repeat: the first answer)",
            content = @Content(schema = @Schema(implementation = AgentPresenceDto.class)))
    @APIResponse(responseCode = "202", description = "Presence is disabled: accepted and ignored; body is the "
            + "agent's presence if known, else empty")
    @APIResponse(responseCode = "409", description = "The eventId was already used for a different event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response callEvent(@PathParam("callCenterId") String callCenterId,
                              @PathParam("agentId") String agentId, CallEventRequest body) {
        access.sendCallEvent(callers.current(), callCenterId, agentId);
        if (body == null) {
            throw ValidationException.of("body", "a CallEvent is required");
        }
        CallEventOutcome outcome = presence.onCallEvent(callCenterId, agentId, body.toDomain());
        AgentPresenceDto dto = outcome.presence() == null ? null : AgentPresenceDto.from(outcome.presence());
        return Response.status(outcome.applied() ? 200 : 202).entity(dto).build();
    }
}
