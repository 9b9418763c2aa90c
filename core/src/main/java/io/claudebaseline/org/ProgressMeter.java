package io.claudebaseline.org;

import io.claudebaseline.engine.api.Progress;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reports "audited k/N accounts" as work completes without flooding the log: a line each time another tenth of
 * the work is done, or when {@link #INTERVAL_NANOS} passed since the last line, and always at the end. A
 * 5,000-account audit prints about ten lines, not 5,000. Thread-safe.
 */
final class ProgressMeter {
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Progress progress;
    private final String noun;
    private final int total;
    private final LongSupplier clock;
    private int done;
    private int lastTenth;
    private long lastLine;

    ProgressMeter(Progress progress, String noun, int total, LongSupplier clock) {
        this.progress = progress;
        this.noun = noun;
        this.total = total;
        this.clock = clock;
        this.lastLine = clock.getAsLong();
    }

    /** One more unit done. */
    synchronized void completed() {
        done++;
        long now = clock.getAsLong();
        int tenth = (int) ((long) done * 10 / total);
        if (tenth > lastTenth || done == total || now - lastLine >= INTERVAL_NANOS) {
            progress.line("audited " + done + "/" + total + " " + noun);
            lastTenth = tenth;
            lastLine = now;
        }
    }
}
