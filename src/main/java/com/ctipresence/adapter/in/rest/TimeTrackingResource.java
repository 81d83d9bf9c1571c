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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
            + "included); Accept: text/csv for CSV. A supervisor or admin; an agent only with agentId = their own")
    @APIResponse(responseCode = "200", description = "One row per agent, local day and state, sorted by agent, "
            + "date and the configuration's state order",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = DayTotalDto.class),
                            examples = @ExampleObject(name = "totals", value = ApiExamples.DAY_TOTALS)),
                    @Content(mediaType = "text/csv",
                            schema = @Schema(type = SchemaType.STRING, description = "RFC 4180 CSV with a header "
                                    + "line and CRLF line ends; columns as the JSON fields"),
                            examples = @ExampleObject(name = "totals", value = ApiExamples.DAY_TOTALS_CSV))})
    public List<DayTotalDto> report(@Parameter(description = ApiExamples.CALL_CENTER_ID, example = "acme")
                                    @PathParam("callCenterId") String callCenterId,
                                    @Parameter(description = "First local date (the call center's time zone), "
                                            + "YYYY-MM-DD", required = true, example = "2026-11-01")
                                    @QueryParam("from") String from,
                                    @Parameter(description = "Last local date (included), YYYY-MM-DD, at most 31 "
                                            + "days after from", required = true, example = "2026-11-30")
                                    @QueryParam("to") String to,
                                    @Parameter(description = "Only this agent's rows (required for an agent: "
                                            + "their own id)", example = "a1")
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
    @Operation(summary = "An agent's state changes with from <= at < to (ISO instants; default the last 24 h). "
            + "The agent, a supervisor or an admin")
    @APIResponse(responseCode = "200", description = "The state changes, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntryDto.class),
                    examples = @ExampleObject(name = "history", value = ApiExamples.HISTORY)))
    public List<HistoryEntryDto> history(@Parameter(description = ApiExamples.CALL_CENTER_ID, example = "acme")
                                         @PathParam("callCenterId") String callCenterId,
                                         @Parameter(description = ApiExamples.AGENT_ID, example = "a1")
                                         @PathParam("agentId") String agentId,
                                         @Parameter(description = "Start (included), an ISO-8601 instant; default "
                                                 + "24 hours before to", example = "2026-11-23T00:00:00Z")
                                         @QueryParam("from") String from,
                                         @Parameter(description = "End (excluded), an ISO-8601 instant; default now. "
                                                 + "At most 31 days after from", example = "2026-11-24T00:00:00Z")
                                         @QueryParam("to") String to) {
        return operations.history(request(callCenterId, from, to).withPath("agentId", agentId)).body();
    }

    private ApiRequest request(String callCenterId, String from, String to) {
        return ApiRequest.of(callers.current()).withPath("callCenterId", callCenterId).withQuery("from", from)
                .withQuery("to", to);
    }
}
