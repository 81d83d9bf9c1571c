package com.ctipresence.application;

/**
 * A request body not yet read. A use case reads it only after it has authorized the caller, so that a caller who
 * may not do something learns that (403) and not what was wrong with their body. {@link #read} throws a
 * {@code ValidationException} naming every offending field.
 */
@FunctionalInterface
public interface Body<T> {
    T read();

    /** A body already at hand (tests, internal callers). */
    static <T> Body<T> of(T value) {
        return () -> value;
    }
}
