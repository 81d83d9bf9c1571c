package com.ctipresence.application.port.out.delivery;

/** Where an outbox item stands for its (latest) version. */
public enum DeliveryStatus {
    /** Waiting to be sent, or to be sent again after a retryable failure ({@code nextAttemptAt}). */
    PENDING,
    /** The target accepted this version. */
    DELIVERED,
    /** The target refused it for good (4xx, missing profile field or secret); retried only for a newer version. */
    FAILED
}
