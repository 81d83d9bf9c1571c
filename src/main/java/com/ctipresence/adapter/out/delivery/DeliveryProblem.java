package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryOutcome;

/** Ends a delivery early with its outcome (a refused URL, a missing secret, a failed token request, ...). */
final class DeliveryProblem extends Exception {
    private final transient DeliveryOutcome outcome;

    DeliveryProblem(DeliveryOutcome outcome) {
        super(null, null, false, false);
        this.outcome = outcome;
    }

    static DeliveryProblem failed(String reason) {
        return new DeliveryProblem(new DeliveryOutcome.Failed(reason));
    }

    DeliveryOutcome outcome() {
        return outcome;
    }
}
