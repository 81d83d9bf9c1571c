package com.ctipresence.application.service;

import com.ctipresence.application.NotFoundException;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.security.Access;
import com.ctipresence.application.security.Caller;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.TimeLedger;
import com.ctipresence.domain.FieldError;
import com.ctipresence.domain.Ids;
import com.ctipresence.domain.Transition;
import com.ctipresence.domain.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Time-tracking reads: day-total reports and an agent's history of state changes. */
@ApplicationScoped
public class ReportService {
    public static final int MAX_RANGE_DAYS = 31;

    private final CallCenterService callCenters;
    private final AgentRepository agents;
    private final PresenceViews views;
    private final Access access;
    private final Clock clock;

    public ReportService(CallCenterService callCenters, AgentRepository agents, PresenceViews views, Access access,
                         Clock clock) {
        this.callCenters = callCenters;
        this.agents = agents;
        this.views = views;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Day totals of the local dates {@code from}..{@code to} (both included, YYYY-MM-DD), exact to the millisecond
     * now, with whole seconds rounded per agent-day so that each agent-day's rows add up to its rounded wall time:
     * open intervals are included; labels are the states' current ones (a removed state keeps its last label and is
     * marked removed).
     */
    public List<TimeLedger.Rounded> report(Caller caller, String callCenterId, String from, String to, String agentId) {
        access.readReport(caller, callCenterId, agentId);
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (agentId != null) {
            Ids.check("agentId", agentId, errors);
        }
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                errors.add(new FieldError("from", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_RANGE_DAYS) {
                errors.add(new FieldError("to", "the range may cover at most " + MAX_RANGE_DAYS + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        CallCenterConfig config = callCenters.get(callCenterId);
        return views.report(config, start, end, agentId);
    }

    /**
     * History entries of an agent with {@code from <= at < to} (ISO instants); defaults: the last 24 hours.
     */
    public List<Transition> history(Caller caller, String callCenterId, String agentId, String from, String to) {
        access.readAgent(caller, callCenterId, agentId);
        List<FieldError> errors = new ArrayList<>();
        Ids.check("agentId", agentId, errors);
        Instant fromInstant = instant("from", from, errors);
        Instant toInstant = instant("to", to, errors);
        Instant end = toInstant == null ? Millis.now(clock).plusMillis(1) : toInstant;
        Instant start = fromInstant == null ? end.minus(Duration.ofDays(1)) : fromInstant;
        if (errors.isEmpty()) {
            if (start.isAfter(end)) {
                errors.add(new FieldError("from", "must not be after to"));
            } else if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_RANGE_DAYS)) > 0) {
                errors.add(new FieldError("to", "the range may cover at most " + MAX_RANGE_DAYS + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        callCenters.get(callCenterId);
        if (agents.find(callCenterId, agentId).isEmpty()) {
            throw NotFoundException.agent(callCenterId, agentId);
        }
        return agents.history(callCenterId, agentId, start, end);
    }

    private static LocalDate date(String name, String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(name, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    private static Instant instant(String name, String value, List<FieldError> errors) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-11-23T10:00:00Z"));
            return null;
        }
    }
}
