package com.ctipresence.adapter.in.api;

import com.ctipresence.domain.DayTotal;
import com.ctipresence.domain.TimeLedger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "DayTotal", description = "Time an agent spent in a state on one local day")
public record DayTotalDto(String agentId, @Schema(example = "2026-11-23") String date, String stateId,
                          @Schema(description = "The state's current label; for a removed state its last one")
                          String label,
                          int presenceStatus,
                          @Schema(description = "Whole seconds, rounded so that each agent-day's rows add up to its "
                                  + "wall time rounded to the second (largest remainder): each row is its exact time "
                                  + "rounded down or up") long seconds,
                          @Schema(description = "true when the state is no longer in the configuration")
                          boolean removed,
                          @Schema(description = "The exact time in milliseconds") long millis) {

    static final String CSV_HEADER = "agentId,date,stateId,label,presenceStatus,seconds,removed";

    static DayTotalDto from(TimeLedger.Rounded rounded) {
        DayTotal t = rounded.total();
        return new DayTotalDto(t.agentId(), t.date().toString(), t.stateId(), t.label(), t.presenceStatus(),
                rounded.seconds(), t.removed(), t.millis());
    }

    /** RFC 4180 CSV with a header line, CRLF line ends; {@code seconds} rounded as in the JSON rows. */
    static String csv(List<TimeLedger.Rounded> rows) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append("\r\n");
        for (TimeLedger.Rounded rounded : rows) {
            DayTotal t = rounded.total();
            sb.append(field(t.agentId())).append(',').append(t.date()).append(',').append(field(t.stateId()))
                    .append(',').append(field(t.label())).append(',').append(t.presenceStatus()).append(',')
                    .append(rounded.seconds()).append(',').append(t.removed()).append("\r\n");
        }
        return sb.toString();
    }

    private static String field(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
