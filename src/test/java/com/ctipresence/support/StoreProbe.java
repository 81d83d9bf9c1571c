package com.ctipresence.support;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An SDK interceptor on the application's DynamoDB client in tests (quarkus.dynamodb.interceptors): it records the
 * requests that mention a marker (a test's own call center id) and can make such requests fail with the real SDK
 * exceptions before they are sent. Tests use markers no other test uses, so concurrent work does not count.
 */
public class StoreProbe implements ExecutionInterceptor {
    private static final Map<String, Queue<String>> RECORDED = new ConcurrentHashMap<>();
    private static final Map<String, Fault> FAULTS = new ConcurrentHashMap<>();
    private static volatile Set<String> accesses;
    private static volatile Map<String, AtomicInteger> counts;

    private record Fault(String operation, AtomicInteger remaining, Supplier<RuntimeException> failure) {
    }

    /** Starts recording the operations of requests that mention {@code marker}. */
    public static void record(String marker) {
        RECORDED.put(marker, new ConcurrentLinkedQueue<>());
    }

    /** The operation names recorded for {@code marker} since {@link #record}, and stops recording. */
    public static List<String> recorded(String marker) {
        Queue<String> ops = RECORDED.remove(marker);
        return ops == null ? List.of() : List.copyOf(ops);
    }

    /** The next {@code times} requests of {@code operation} mentioning {@code marker} fail with {@code failure}. */
    public static void fail(String marker, String operation, int times, Supplier<RuntimeException> failure) {
        FAULTS.put(marker, new Fault(operation, new AtomicInteger(times), failure));
    }

    public static void clearFaults(String marker) {
        FAULTS.remove(marker);
    }

    /**
     * Starts recording every request's IAM action and table, as {@code "dynamodb:PutItem cti-agents"} (the items of a
     * transaction one by one), whoever makes it: for tests that run one thing at a time.
     */
    public static void recordAccess() {
        accesses = ConcurrentHashMap.newKeySet();
    }

    /** The accesses recorded since {@link #recordAccess}, and stops recording. */
    public static Set<String> accesses() {
        Set<String> recorded = accesses;
        accesses = null;
        return recorded == null ? Set.of() : Set.copyOf(recorded);
    }

    /** Starts counting every request, whoever makes it, by operation and table (e.g. "Scan cti-callcenters"). */
    public static void countRequests() {
        counts = new ConcurrentHashMap<>();
    }

    /** How many requests of {@code operation} on {@code table} were sent since {@link #countRequests}. */
    public static int counted(String operation, String table) {
        Map<String, AtomicInteger> current = counts;
        AtomicInteger n = current == null ? null : current.get(operation + " " + table);
        return n == null ? 0 : n.get();
    }

    /** Stops counting. */
    public static void stopCounting() {
        counts = null;
    }

    private static void count(String operation, SdkRequest request) {
        Map<String, AtomicInteger> into = counts;
        if (into != null) {
            String table = request.getValueForField("TableName", String.class).orElse("");
            into.computeIfAbsent(operation + " " + table, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static void access(SdkRequest request) {
        Set<String> into = accesses;
        if (into == null) {
            return;
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    into.add("dynamodb:PutItem " + item.put().tableName());
                } else if (item.update() != null) {
                    into.add("dynamodb:UpdateItem " + item.update().tableName());
                } else if (item.conditionCheck() != null) {
                    into.add("dynamodb:ConditionCheckItem " + item.conditionCheck().tableName());
                } else if (item.delete() != null) {
                    into.add("dynamodb:DeleteItem " + item.delete().tableName());
                }
            }
            return;
        }
        if (request instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest batch) {
            batch.requestItems().keySet().forEach(table -> into.add("dynamodb:BatchGetItem " + table));
            return;
        }
        String name = request.getClass().getSimpleName().replace("Request", "");
        request.getValueForField("TableName", String.class)
                .ifPresent(table -> into.add("dynamodb:" + name + " " + table));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        access(context.request());
        count(operation, context.request());
        String request = context.request().toString();
        RECORDED.forEach((marker, ops) -> {
            if (request.contains(marker)) {
                ops.add(operation);
            }
        });
        FAULTS.forEach((marker, fault) -> {
            if (request.contains(marker) && fault.operation().equals(operation)
                    && fault.remaining().getAndDecrement() > 0) {
                throw fault.failure().get();
            }
        });
    }
}
