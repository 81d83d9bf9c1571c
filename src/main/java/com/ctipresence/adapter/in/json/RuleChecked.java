package com.ctipresence.adapter.in.json;

import com.ctipresence.domain.FieldError;

import java.util.List;

/**
 * A request body that can check the rules its fields must follow by itself, without the use case (which checks
 * them again). Used when some fields could not be bound: the rules of the others are reported alongside, so one
 * answer names every offending field.
 */
public interface RuleChecked {
    /** Every rule the body breaks; fields that are null were either not sent or already reported. */
    List<FieldError> ruleErrors();
}
