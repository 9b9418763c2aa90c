package io.claudebaseline.aws;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} permits per second on average, at most {@code burst} at once. A caller that
 * finds the bucket empty reserves the next permit and sleeps until it is due, so waiting callers are served in
 * order and the long-run rate never exceeds {@code perSecond}.
 */
final class TokenBucket {

    /** Sleeps for a number of nanoseconds; a seam so the limiter is tested without real time. */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double perSecond;
    private final double burst;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int burst, LongSupplier nanoClock, Sleeper sleeper) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1, got " + perSecond + "/" + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = nanoClock;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** Takes one permit, sleeping as long as needed; returns the nanoseconds waited. */
    long acquire() {
        long wait;
        synchronized (this) {
            long now = clock.getAsLong();
            tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
            last = now;
            tokens -= 1;
            wait = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perSecond * 1e9);
        }
        if (wait > 0) {
            try {
                sleeper.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the AWS rate limit", e);
            }
        }
        return wait;
    }
}
