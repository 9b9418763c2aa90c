package io.claudebaseline.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts AWS calls per operation ({@code organizations:ListPolicies}), their retries, and how many attempts AWS
 * throttled. It is the SDK's metric publisher on every client of a run, so the numbers are the SDK's own
 * classification (an attempt whose error type is {@code Throttling}); the benchmark and the call-budget tests
 * read them, and verify can report them.
 *
 * <p>Thread-safe; the SDK publishes each call's metrics on the calling thread when the call ends.
 */
public final class CallStats implements MetricPublisher {

    /** Figures for one operation. */
    public record OperationStats(long calls, long retries, long throttled, long failed) {}

    private final Map<String, Counters> byOperation = new ConcurrentHashMap<>();

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder throttled = new LongAdder();
        final LongAdder failed = new LongAdder();
    }

    @Override
    public void publish(MetricCollection metrics) {
        String service = first(metrics, CoreMetric.SERVICE_ID, "unknown");
        String operation = first(metrics, CoreMetric.OPERATION_NAME, "unknown");
        String prefix = AwsOperation.Service.bySdkServiceId(service).map(AwsOperation.Service::prefix)
                .orElse(service.toLowerCase(java.util.Locale.ROOT));
        Counters c = byOperation.computeIfAbsent(prefix + ":" + operation, k -> new Counters());
        c.calls.increment();
        Integer retries = first(metrics, CoreMetric.RETRY_COUNT, 0);
        c.retries.add(retries);
        if (!first(metrics, CoreMetric.API_CALL_SUCCESSFUL, Boolean.TRUE)) {
            c.failed.increment();
        }
        // One child collection per attempt; the SDK names the error type of each failed one.
        for (MetricCollection attempt : metrics.children()) {
            if ("Throttling".equals(first(attempt, CoreMetric.ERROR_TYPE, null))) {
                c.throttled.increment();
            }
        }
    }

    /** Per-operation figures, sorted by operation. */
    public Map<String, OperationStats> snapshot() {
        Map<String, OperationStats> out = new TreeMap<>();
        byOperation.forEach((op, c) -> out.put(op, new OperationStats(c.calls.sum(), c.retries.sum(), c.throttled.sum(), c.failed.sum())));
        return out;
    }

    /** Calls (not attempts) of one operation, e.g. {@code calls("organizations:ListPolicies")}. */
    public long calls(String operation) {
        Counters c = byOperation.get(operation);
        return c == null ? 0 : c.calls.sum();
    }

    /** Calls of every operation of a service, e.g. {@code callsTo("organizations")}. */
    public long callsTo(String servicePrefix) {
        return byOperation.entrySet().stream().filter(e -> e.getKey().startsWith(servicePrefix + ":"))
                .mapToLong(e -> e.getValue().calls.sum()).sum();
    }

    public long totalCalls() {
        return byOperation.values().stream().mapToLong(c -> c.calls.sum()).sum();
    }

    /** Attempts AWS throttled, over all operations (each was retried, unless it was the last attempt). */
    public long totalThrottled() {
        return byOperation.values().stream().mapToLong(c -> c.throttled.sum()).sum();
    }

    public long totalRetries() {
        return byOperation.values().stream().mapToLong(c -> c.retries.sum()).sum();
    }

    /** Forgets everything counted so far (e.g. between a benchmark's set-up and its measured run). */
    public void reset() {
        byOperation.clear();
    }

    @Override
    public void close() {
        // nothing to flush: counters live in memory
    }

    private static <T> T first(MetricCollection metrics, software.amazon.awssdk.metrics.SdkMetric<T> metric, T fallback) {
        var values = metrics.metricValues(metric);
        return values.isEmpty() || values.get(0) == null ? fallback : values.get(0);
    }
}
