package com.ctipresence.domain;

import java.time.Duration;

/**
 * What a wrap-up timer's expiry did: {@code change} (none if the wrap-up is no longer current or not due yet) and,
 * when it fired before {@code wrapUpUntil}, how long remains ({@code notYetFor}), so the timer can re-arm for the
 * rest. {@code notYetFor} is null otherwise.
 */
public record Expiry(Change change, Duration notYetFor) {

    public boolean due() {
        return notYetFor == null;
    }
}
