package com.ctipresence.adapter.in.scheduler;

import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.service.TickScheduler;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/**
 * Tells the local tick scheduler and delivery worker when a call-center configuration is saved, so their cached
 * view of the call centers is reloaded at their next run instead of scanning the call-center table every second.
 */
@Decorator
@Priority(10)
public abstract class CallCenterSaves implements CallCenterRepository {
    @Inject
    @Delegate
    @Any
    CallCenterRepository delegate;

    @Inject
    TickScheduler scheduler;

    @Inject
    DeliveryWorker deliveryWorker;

    @Override
    public void save(com.ctipresence.domain.CallCenterConfig config) {
        delegate.save(config);
        scheduler.callCentersChanged();
        deliveryWorker.callCentersChanged();
    }
}
