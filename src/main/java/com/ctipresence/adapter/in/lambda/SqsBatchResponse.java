package com.ctipresence.adapter.in.lambda;

import java.util.List;

/**
 * A partial batch response (the event source mapping has {@code ReportBatchItemFailures}): the messages listed
 * failed and are delivered again (then moved to the dead-letter queue); all others are done.
 */
public record SqsBatchResponse(List<ItemFailure> batchItemFailures) {

    public record ItemFailure(String itemIdentifier) {
    }
}
