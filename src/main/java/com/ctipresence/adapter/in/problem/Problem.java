package com.ctipresence.adapter.in.problem;

import com.ctipresence.domain.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details, the one error body of the API (REST and Lambda alike). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(description = "URI reference identifying the problem type", example = "about:blank") String type,
        @Schema(description = "Short summary of the problem type", example = "Invalid request") String title,
        @Schema(description = "HTTP status code", example = "400") int status,
        @Schema(description = "What went wrong in this occurrence") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "Every rejected field, for validation problems") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
