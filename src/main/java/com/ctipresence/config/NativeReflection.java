package com.ctipresence.config;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.domain.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson serialises that no resource method names as its return type (error bodies built in exception
 * mappers and filters), registered for the native image. Lambda event classes join this list with the AWS issue.
 */
@RegisterForReflection(targets = {Problem.class, FieldError.class})
public final class NativeReflection {
    private NativeReflection() {
    }
}
