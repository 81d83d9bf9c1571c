package com.ctipresence.adapter.out.dynamodb;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the DynamoDB requests the application sends, by operation, as {@code cti.store.requests{operation}} at
 * {@code /q/metrics} (an SDK interceptor, {@code quarkus.dynamodb.interceptors}): what a change or a read costs in
 * requests can be read off a running server (the benchmark suite does).
 */
public class StoreRequestCounter implements ExecutionInterceptor {
    public static final String STORE_REQUESTS = "cti.store.requests";
    private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        COUNTERS.computeIfAbsent(operation == null ? "unknown" : operation,
                op -> Counter.builder(STORE_REQUESTS).description("DynamoDB requests sent, by operation")
                        .tag("operation", op).register(registry())).increment();
    }

    /** The application's registry (the one /q/metrics serves); the global one outside a running application. */
    private static MeterRegistry registry() {
        ArcContainer container = Arc.container();
        if (container != null) {
            var registry = container.select(MeterRegistry.class);
            if (registry.isResolvable()) {
                return registry.get();
            }
        }
        return Metrics.globalRegistry;
    }
}
