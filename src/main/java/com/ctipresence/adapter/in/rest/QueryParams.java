package com.ctipresence.adapter.in.rest;

import com.ctipresence.domain.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parses query parameters, naming the parameter when it is malformed. */
final class QueryParams {
    private QueryParams() {
    }

    static LocalDate date(String name, String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(name, "must be a date YYYY-MM-DD");
        }
    }

    static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(name, "must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        }
    }
}
