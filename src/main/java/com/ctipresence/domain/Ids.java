package com.ctipresence.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The one rule for every identifier the API takes: 1–128 characters of {@code [A-Za-z0-9._:@-]}. */
public final class Ids {
    public static final String PATTERN = "^[A-Za-z0-9._:@-]{1,128}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }

    /** Adds an error for {@code field} unless {@code id} is a valid identifier. */
    public static void check(String field, String id, List<FieldError> errors) {
        if (id == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (!isValid(id)) {
            errors.add(new FieldError(field, "must be 1-128 characters of A-Z a-z 0-9 . _ : @ -"));
        }
    }

    /** Throws a {@link ValidationException} naming {@code field} unless {@code id} is valid. */
    public static String require(String field, String id) {
        List<FieldError> errors = new ArrayList<>(1);
        check(field, id, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return id;
    }
}
