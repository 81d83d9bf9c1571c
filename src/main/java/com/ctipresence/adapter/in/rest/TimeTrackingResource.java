package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.api.ApiRequest;
import com.ctipresence.adapter.in.api.DayTotalDto;
import com.ctipresence.adapter.in.api.HistoryEntryDto;
import com.ctipresence.adapter.in.api.Operations;
import com.ctipresence.adapter.in.problem.Problem;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Authenticated
@Path("/v1/call-centers/{callCenterId}")
@Tag(name = "Time tracking", description = "Time per agent per presence state, and the transition history")
@APIResponse(responseCode = "400", description = "Bad dates or range (from after to, more than 31 days)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such call center or agent",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TimeTrackingResource {
    private final Operations operations;
    private final RestCaller callers;

    public TimeTrackingResource(Operations operations, RestCaller callers) {
        this.operations = operations;
        this.callers = callers;
    }

    @GET
    @Path("time-tracking")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Seconds per agent, local day and state (exact to the second now, open intervals "
            + "included); Accept: text/csv for CSV")
    public List<DayTotalDto> report(@PathParam("callCenterId") String callCenterId,
                                    @Parameter(description = "first local date, YYYY-MM-DD", required = true)
                                    @QueryParam("from") String from,
                                    @Parameter(description = "last local date (included), at most 31 days after "
                                            + "from", required = true) @QueryParam("to") String to,
                                    @QueryParam("agentId") String agentId) {
        return operations.report(request(callCenterId, from, to).withQuery("agentId", agentId)).body();
    }

    @GET
    @Path("time-tracking")
    @Produces("text/csv")
    @Operation(hidden = true)
    public String reportCsv(@PathParam("callCenterId") String callCenterId, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("agentId") String agentId) {
        return operations.reportCsv(request(callCenterId, from, to).withQuery("agentId", agentId)).body();
    }

    @GET
    @Path("agents/{agentId}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An agent's state changes with from <= at < to (ISO instants; default the last 24 h)")
    public List<HistoryEntryDto> history(@PathParam("callCenterId") String callCenterId,
                                         @PathParam("agentId") String agentId,
                                         @QueryParam("from") String from, @QueryParam("to") String to) {
        return operations.history(request(callCenterId, from, to).withPath("agentId", agentId)).body();
    }

    private ApiRequest request(String callCenterId, String from, String to) {
        return ApiRequest.of(callers.current()).withPath("callCenterId", callCenterId).withQuery("from", from)
                .withQuery("to", to);
    }
}
