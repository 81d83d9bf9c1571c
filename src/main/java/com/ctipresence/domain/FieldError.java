package com.ctipresence.domain;

/** A rejected input value: the field's path as the caller sent it (e.g. {@code states[2].presenceStatus}) and why. */
public record FieldError(String field, String message) {
}
