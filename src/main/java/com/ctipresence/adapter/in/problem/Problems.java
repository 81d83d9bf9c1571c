package com.ctipresence.adapter.in.problem;

import com.ctipresence.application.ConflictException;
import com.ctipresence.application.NotFoundException;
import com.ctipresence.application.security.ForbiddenException;
import com.ctipresence.domain.FieldError;
import com.ctipresence.domain.ValidationException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

import java.util.List;
import java.util.Map;

/**
 * Turns any failure into a {@link Problem}: the single error model of every inbound adapter (REST resources, the
 * HTTP layer below them, Lambda handlers). Every {@code detail} is written for the caller; no parser, framework or
 * store message is passed on. Unexpected failures are logged and answered without internals.
 */
public final class Problems {
    private static final Logger LOG = Logger.getLogger(Problems.class);
    /** Seconds a client should wait before retrying after a 503. */
    public static final int RETRY_AFTER_SECONDS = 2;
    public static final String ABOUT_BLANK = "about:blank";
    /** How many field names a validation problem's detail names; errors has them all. */
    private static final int DETAIL_FIELDS = 10;

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not found"), Map.entry(405, "Method not allowed"), Map.entry(406, "Not acceptable"),
            Map.entry(408, "Request timeout"), Map.entry(409, "Conflict"), Map.entry(411, "Length required"),
            Map.entry(413, "Payload too large"), Map.entry(414, "URI too long"),
            Map.entry(415, "Unsupported media type"), Map.entry(417, "Expectation failed"),
            Map.entry(422, "Unprocessable content"), Map.entry(429, "Too many requests"),
            Map.entry(431, "Request header fields too large"), Map.entry(500, "Internal error"),
            Map.entry(501, "Not implemented"), Map.entry(503, "Service unavailable"));

    private Problems() {
    }

    public static Problem of(Throwable e, String path) {
        if (e instanceof ValidationException v) {
            return invalid(v.errors(), path);
        }
        if (e instanceof NotFoundException) {
            return new Problem(ABOUT_BLANK, "Not found", 404, e.getMessage(), path, null);
        }
        if (e instanceof UnauthorizedException || e instanceof AuthenticationFailedException
                || e instanceof AuthenticationCompletionException) {
            return status(401, "a valid bearer token (JWT) is required: send Authorization: Bearer <token>", path);
        }
        if (e instanceof ForbiddenException || e instanceof io.quarkus.security.ForbiddenException) {
            String detail = e instanceof ForbiddenException ? e.getMessage() : "not allowed";
            return status(403, detail, path);
        }
        if (e instanceof ConflictException || e instanceof com.ctipresence.domain.RuleConflictException
                || e instanceof com.ctipresence.application.port.out.LimitReachedException) {
            return status(409, e.getMessage(), path);
        }
        if (e instanceof JsonProcessingException j) {
            return json(j, path);
        }
        if (e instanceof WebApplicationException w && w.getCause() instanceof JsonProcessingException j) {
            return json(j, path);
        }
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            return status(w.getResponse().getStatus(), path); // the framework's own wording stays out
        }
        if (unavailable(e)) {
            LOG.warnf("storage unavailable on %s: %s", path, e.getMessage());
            return status(503, "the presence store is unavailable; nothing was changed, retry after "
                    + RETRY_AFTER_SECONDS + " s", path);
        }
        LOG.errorf(e, "unexpected failure on %s", path);
        return status(500, path);
    }

    /** Invalid input: every offending field, and a detail that sums them up. */
    public static Problem invalid(List<FieldError> errors, String path) {
        String detail;
        if (errors.isEmpty()) {
            detail = "invalid input";
        } else if (errors.size() == 1) {
            detail = errors.get(0).field() + ": " + errors.get(0).message();
        } else {
            List<String> fields = errors.stream().map(FieldError::field).distinct().toList();
            String named = String.join(", ", fields.subList(0, Math.min(fields.size(), DETAIL_FIELDS)))
                    + (fields.size() > DETAIL_FIELDS ? ", ..." : "");
            detail = fields.size() == 1 ? fields.get(0) + ": " + errors.size() + " problems (see errors)"
                    : fields.size() + " fields are invalid: " + named + " (see errors)";
        }
        return new Problem(ABOUT_BLANK, "Invalid request", 400, detail, path, errors.isEmpty() ? null : errors);
    }

    /** A problem with this status and detail; the title is the status's. */
    public static Problem status(int status, String detail, String path) {
        return new Problem(ABOUT_BLANK, title(status), status, detail, path, null);
    }

    /** A problem with this status and the generic detail of the status. */
    public static Problem status(int status, String path) {
        return status(status, detail(status, path), path);
    }

    public static String title(int status) {
        return TITLES.getOrDefault(status, status >= 500 ? "Server error" : "Client error");
    }

    /** What a status means to a caller, when nothing more precise is known. */
    static String detail(int status, String path) {
        return switch (status) {
            case 400 -> "the request is not valid HTTP and cannot be understood; nothing was changed";
            case 404 -> "there is nothing at " + (path == null ? "this path" : path)
                    + "; the API is under /v1 (see /q/openapi)";
            case 405 -> "this method is not allowed on " + (path == null ? "this path" : path);
            case 406 -> "this resource cannot answer in any media type the Accept header names";
            case 408 -> "the request was not received in time";
            case 413 -> "the request body is too large; nothing was changed";
            case 414 -> "the request line (method, path and query) is too long";
            case 415 -> "this operation does not take a body of this Content-Type";
            case 431 -> "the request headers are too large";
            case 500 -> "unexpected error; nothing was changed";
            default -> title(status).toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The store cannot be reached, timed out, throttles or failed on its side: worth retrying later. */
    private static boolean unavailable(Throwable e) {
        return e instanceof com.ctipresence.application.UnavailableException || e instanceof SdkClientException
                || e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
                || e instanceof AwsServiceException a && (a.isThrottlingException() || a.statusCode() >= 500);
    }

    /**
     * A JSON error of a body read by the framework (request bodies of this API are read by {@code JsonBodies},
     * which reports every field itself): the field and the position, never the parser's message.
     */
    private static Problem json(JsonProcessingException e, String path) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = fieldPath(m.getPath());
            String message = m instanceof UnrecognizedPropertyException ? "is not a known field"
                    : "has the wrong type or format";
            return invalid(List.of(new FieldError(field, message)), path);
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return invalid(List.of(new FieldError("body", "is not well-formed JSON" + where)), path);
    }

    /** Jackson's reference path as the caller wrote it: states[2].presenceStatus. */
    static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
