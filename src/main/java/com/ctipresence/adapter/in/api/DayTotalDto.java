package com.ctipresence.adapter.in.api;

import com.ctipresence.domain.DayTotal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "DayTotal", description = "Whole seconds an agent spent in a state on one local day")
public record DayTotalDto(String agentId, @Schema(example = "2026-11-23") String date, String stateId,
                          @Schema(description = "The state's current label; for a removed state its last one")
                          String label,
                          int presenceStatus, long seconds,
                          @Schema(description = "true when the state is no longer in the configuration")
                          boolean removed) {

    static final String CSV_HEADER = "agentId,date,stateId,label,presenceStatus,seconds,removed";

    static DayTotalDto from(DayTotal t) {
        return new DayTotalDto(t.agentId(), t.date().toString(), t.stateId(), t.label(), t.presenceStatus(),
                t.seconds(), t.removed());
    }

    /** RFC 4180 CSV with a header line, CRLF line ends. */
    static String csv(List<DayTotal> rows) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append("\r\n");
        for (DayTotal t : rows) {
            sb.append(field(t.agentId())).append(',').append(t.date()).append(',').append(field(t.stateId()))
                    .append(',').append(field(t.label())).append(',').append(t.presenceStatus()).append(',')
                    .append(t.seconds()).append(',').append(t.removed()).append("\r\n");
        }
        return sb.toString();
    }

    private static String field(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
