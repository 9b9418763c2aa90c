package io.claudebaseline.aws;

import io.claudebaseline.facts.AwsFacts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Keeps Organizations calls within AWS's documented per-operation rates ({@link AwsFacts#ORGANIZATIONS_RATES}),
 * one token bucket per operation, shared by every client of a run (the quota is per account). It waits before
 * each attempt, retries included, because AWS counts every request.
 */
public final class OrganizationsRateLimiter implements ExecutionInterceptor {

    private final double scale;
    private final LongSupplier clock;
    private final TokenBucket.Sleeper sleeper;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.LongAdder> permits = new ConcurrentHashMap<>();

    /**
     * @param scale multiplies every documented rate: 1 keeps AWS's numbers, 0.5 leaves half the quota to other
     *              tools, a large value effectively disables limiting (e.g. against an emulator)
     */
    public OrganizationsRateLimiter(double scale) {
        this(scale, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    OrganizationsRateLimiter(double scale, LongSupplier clock, TokenBucket.Sleeper sleeper) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("rate scale must be > 0, got " + scale);
        }
        this.scale = scale;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        if (!AwsOperation.Service.ORGANIZATIONS.sdkServiceId().equalsIgnoreCase(service)) {
            return;
        }
        acquire(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** Takes a permit for one call of {@code operation}; returns nanoseconds waited. */
    long acquire(String operation) {
        permits.computeIfAbsent(operation, k -> new java.util.concurrent.atomic.LongAdder()).increment();
        return buckets.computeIfAbsent(operation, op -> {
            AwsFacts.ApiRate rate = AwsFacts.organizationsRate(op);
            return new TokenBucket(rate.perSecond() * scale, Math.max(1, rate.burst()), clock, sleeper);
        }).acquire();
    }

    /** Permits taken per operation so far (each attempt of each Organizations call takes one). */
    public Map<String, Long> permitsTaken() {
        Map<String, Long> out = new java.util.TreeMap<>();
        permits.forEach((op, n) -> out.put(op, n.sum()));
        return out;
    }
}
