package com.ctipresence.adapter.in.json;

import com.ctipresence.application.Body;
import com.ctipresence.domain.FieldError;
import com.ctipresence.domain.ValidationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a raw JSON request body into a {@link Body} that a use case reads after it authorized the caller. Shared by
 * every inbound adapter that receives JSON.
 * <ol>
 * <li>The text is parsed into a tree (see {@link JsonTree}): a syntax error is one 400 naming {@code body} with line,
 * column and a short reason.</li>
 * <li>The tree is bound to the request record field by field (see {@link RecordBinder}) with the strict rules of
 * {@code StrictJson}: every unknown field, repeated key, wrong type and unknown enum value is collected.</li>
 * <li>If any was found, the rules of the well-typed rest are checked too ({@link RuleChecked}, or else by mapping
 * to the command, which validates), and ONE {@link ValidationException} names every offending field.</li>
 * <li>Otherwise the record is mapped to the command; the use case validates the rules as always.</li>
 * </ol>
 * {@code toCommand} must not have side effects: it may run on a partly bound record only to learn its rule errors.
 */
@ApplicationScoped
public class JsonBodies {
    static final int MAX_ERRORS = 100;

    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    public <D, T> Body<T> of(String raw, Class<D> type, Function<D, T> toCommand) {
        return () -> read(raw, type, toCommand);
    }

    /** The body as {@code type}, or a {@link ValidationException} naming every field that does not fit. */
    public <D> D parse(String raw, Class<D> type) {
        return read(raw, type, Function.identity());
    }

    private <D, T> T read(String raw, Class<D> type, Function<D, T> toCommand) {
        if (raw == null || raw.isBlank()) {
            throw ValidationException.of("body", "a " + type.getSimpleName().replace("Dto", "")
                    .replace("Request", "") + " (JSON object) is required");
        }
        List<FieldError> duplicates = new ArrayList<>();
        ObjectNode tree = JsonTree.read(json, raw, duplicates);
        RecordBinder binder = new RecordBinder(json);
        duplicates.forEach(d -> binder.reject(d.field(), d.message()));
        D value = binder.bindRecord(tree, type);
        if (binder.errors().isEmpty()) {
            return toCommand.apply(value);
        }
        List<FieldError> all = new ArrayList<>(binder.errors());
        for (FieldError rule : ruleErrors(value, toCommand)) {
            if (!binder.reported(rule.field()) && !all.contains(rule)) {
                all.add(rule);
            }
        }
        throw new ValidationException(capped(all));
    }

    /** At most {@link #MAX_ERRORS} errors are listed: a small body must not make a huge answer. */
    private static List<FieldError> capped(List<FieldError> errors) {
        if (errors.size() <= MAX_ERRORS) {
            return errors;
        }
        List<FieldError> first = new ArrayList<>(errors.subList(0, MAX_ERRORS));
        first.add(new FieldError("body", "has " + (errors.size() - MAX_ERRORS) + " more errors not listed here"));
        return first;
    }

    private static <D, T> List<FieldError> ruleErrors(D partlyBound, Function<D, T> toCommand) {
        if (partlyBound == null) {
            return List.of();
        }
        try {
            if (partlyBound instanceof RuleChecked checked) {
                return checked.ruleErrors();
            }
            toCommand.apply(partlyBound);
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        } catch (RuntimeException e) { // the rest cannot be checked without the missing fields
            return List.of();
        }
    }
}
