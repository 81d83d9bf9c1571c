package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.application.service.LiveFeedService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The live agent list of a call center as Server-Sent Events (supervisors and admins): {@code snapshot} first (or,
 * with a {@code Last-Event-ID} the feed still buffers, {@code resumed} and the missed {@code change}s), then one
 * {@code change} per committed change, and a comment line as heartbeat. Browsers read it with fetch() and the
 * bearer header (EventSource cannot send one); a token never goes into the URL. When the caller's token expires,
 * the server sends an {@code expired} event and ends the stream: the watcher needs a fresh token to go on.
 */
@Authenticated
@Path("/v1/call-centers/{callCenterId}/agents/stream")
@Tag(name = "Agent presence")
public class AgentStreamResource {
    private final LiveFeedService live;
    private final RestCaller callers;
    private final StreamConnections connections;

    public AgentStreamResource(LiveFeedService live, RestCaller callers, StreamConnections connections) {
        this.live = live;
        this.callers = callers;
        this.connections = connections;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live agent list (SSE): event snapshot {serverTime, agents}, then change {serverTime, "
            + "agent} per committed change (id = feed position; resend it as Last-Event-ID to resume), "
            + "a comment heartbeat every 15 s; when the token expires, event expired {serverTime, expiredAt} and the "
            + "end of the stream (reconnect with a fresh token)")
    @APIResponse(responseCode = "200", description = "The stream: a snapshot event, then one change event per "
            + "committed change, and heartbeat comments",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            description = "text/event-stream"),
                    examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "stream",
                            value = "id: 41\nevent: snapshot\ndata: {\"serverTime\":\"2026-11-24T10:00:00.000Z\","
                                    + "\"agents\":[]}\n\nid: 42\nevent: change\ndata: {\"serverTime\":"
                                    + "\"2026-11-24T10:00:01.000Z\",\"agent\":{\"agentId\":\"a1\",\"stateId\":"
                                    + "\"dnd\",\"version\":7}}\n\n: heartbeat 2026-11-24T10:00:16.000Z\n\n")))
    @APIResponse(responseCode = "503", description = "The live feed accepts no watchers now: poll the agent list",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stream(@org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                               description = ApiExamples.CALL_CENTER_ID, example = "acme")
                       @PathParam("callCenterId") String callCenterId,
                       @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                               description = "The id of the last event received, to resume after a reconnect (the "
                                       + "events missed since, or a fresh snapshot)", example = "42")
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        StreamConnection connection = connections.open(sink, sse);
        try {
            connection.start(live.watch(callers.current(), callCenterId, lastEventId, connection));
            connections.endWhenExpired(connection, callers.expiresAt());
        } catch (RuntimeException e) {
            connections.forget(connection);
            throw e;
        }
    }
}
