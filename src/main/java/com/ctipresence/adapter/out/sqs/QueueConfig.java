package com.ctipresence.adapter.out.sqs;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.util.Optional;

/** The AWS queues (set by the SAM template as CTI_SQS_WRAP_UP_QUEUE_URL and CTI_SQS_TICK_QUEUE_URL). */
@ConfigMapping(prefix = "cti.sqs")
public interface QueueConfig {
    /** Queue of the wrap-up timer's delayed messages (the wrap-up-expiry function reads it). */
    Optional<String> wrapUpQueueUrl();

    /** Queue of the time-tracking ticks (the tick function reads it). */
    Optional<String> tickQueueUrl();

    /** Another SQS endpoint (tests against a local SQS-compatible server); none on AWS. */
    Optional<URI> endpoint();

    static String required(Optional<String> url, String name) {
        return url.orElseThrow(() -> new IllegalStateException("cti.sqs." + name + " is not set (env CTI_SQS_"
                + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + ")"));
    }
}
