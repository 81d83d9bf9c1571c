package com.ctipresence.config;

import io.quarkus.runtime.PreventFurtherStepsException;

/**
 * Ends the start-up with one line (the message, on stderr) and exit code 1, no stack trace, no process left behind.
 * <p>
 * Quarkus prints only the message of a failed start whose root cause is a {@link PreventFurtherStepsException}, and
 * exits with its code. Thrown as it is from a start-up observer, though, that exception is taken by the generated
 * start-up code as "stop here" and the process stays alive serving nothing; wrapped, it reaches the lifecycle manager.
 */
public final class StartupRefusal extends RuntimeException {
    public StartupRefusal(String reason) {
        super(reason, new PreventFurtherStepsException(reason, 1));
    }
}
