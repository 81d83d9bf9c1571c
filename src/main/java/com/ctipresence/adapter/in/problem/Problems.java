package com.ctipresence.adapter.in.problem;

import com.ctipresence.application.ConflictException;
import com.ctipresence.application.NotFoundException;
import com.ctipresence.application.security.ForbiddenException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import com.ctipresence.domain.FieldError;
import com.ctipresence.domain.ValidationException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns any failure into a {@link Problem}: the single error model of every inbound adapter. Unexpected failures
 * are logged and answered without internals.
 */
public final class Problems {
    private static final Logger LOG = Logger.getLogger(Problems.class);
    /** Seconds a client should wait before retrying after a 503. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '([^']*)'");

    private Problems() {
    }

    public static Problem of(Throwable e, String path) {
        if (e instanceof ValidationException v) {
            return new Problem("about:blank", "Invalid request", 400, v.getMessage(), path, v.errors());
        }
        if (e instanceof NotFoundException) {
            return new Problem("about:blank", "Not found", 404, e.getMessage(), path, null);
        }
        if (e instanceof UnauthorizedException || e instanceof AuthenticationFailedException
                || e instanceof AuthenticationCompletionException) {
            return new Problem("about:blank", "Unauthorized", 401,
                    "a valid bearer token (JWT) is required: send Authorization: Bearer <token>", path, null);
        }
        if (e instanceof ForbiddenException || e instanceof io.quarkus.security.ForbiddenException) {
            String detail = e instanceof ForbiddenException ? e.getMessage() : "not allowed";
            return new Problem("about:blank", "Forbidden", 403, detail, path, null);
        }
        if (e instanceof ConflictException || e instanceof com.ctipresence.domain.RuleConflictException
                || e instanceof com.ctipresence.application.port.out.LimitReachedException) {
            return new Problem("about:blank", "Conflict", 409, e.getMessage(), path, null);
        }
        if (e instanceof JsonProcessingException j) {
            return json(j, path);
        }
        if (e instanceof com.ctipresence.adapter.in.json.JsonBodies.MalformedBodyException m) {
            return json(m.json(), path);
        }
        if (e instanceof WebApplicationException w && w.getCause() instanceof JsonProcessingException j) {
            return json(j, path);
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            String title = w.getResponse().getStatusInfo().getReasonPhrase();
            return new Problem("about:blank", title, status, w.getMessage(), path, null);
        }
        if (unavailable(e)) {
            LOG.warnf("storage unavailable on %s: %s", path, e.getMessage());
            return new Problem("about:blank", "Service unavailable", 503,
                    "the presence store is unavailable; nothing was changed, retry after "
                            + RETRY_AFTER_SECONDS + " s", path, null);
        }
        LOG.errorf(e, "unexpected failure on %s", path);
        return new Problem("about:blank", "Internal error", 500, "unexpected error; nothing was changed", path,
                null);
    }

    /** The store cannot be reached, timed out, throttles or failed on its side: worth retrying later. */
    private static boolean unavailable(Throwable e) {
        return e instanceof com.ctipresence.application.UnavailableException || e instanceof SdkClientException
                || e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
                || e instanceof AwsServiceException a && (a.isThrottlingException() || a.statusCode() >= 500);
    }

    private static Problem json(JsonProcessingException e, String path) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE_FIELD.matcher(original);
        if (duplicate.find()) {
            return badJson(duplicate.group(1), "appears more than once", path);
        }
        if (e instanceof JsonParseException || original.startsWith("Unexpected end-of-input")) {
            return badJson("body", "is not well-formed JSON: " + e.getOriginalMessage(), path);
        }
        if (e instanceof JsonMappingException m) {
            String field = fieldPath(m.getPath());
            String message;
            if (m instanceof UnrecognizedPropertyException u) {
                field = field.isEmpty() ? u.getPropertyName() : field;
                message = "is not a known field";
            } else if (m instanceof InvalidFormatException f && f.getTargetType() != null
                    && f.getTargetType().isEnum()) {
                message = "must be one of " + List.of(f.getTargetType().getEnumConstants()).stream()
                        .map(Object::toString).collect(Collectors.joining(", "));
            } else {
                message = "has the wrong type or format";
            }
            return badJson(field.isEmpty() ? "body" : field, message, path);
        }
        return badJson("body", "cannot be read", path);
    }

    private static Problem badJson(String field, String message, String path) {
        return new Problem("about:blank", "Invalid request", 400, field + ": " + message, path,
                List.of(new FieldError(field, message)));
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
        return sb.toString();
    }
}
