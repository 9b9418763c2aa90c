package io.claudebaseline.usage;

import io.claudebaseline.engine.api.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What a read covered: objects (S3 log files, or CloudWatch Logs pages), bytes, records, Claude events, and the
 * objects skipped because they could not be read. Prints a progress line every {@link #INTERVAL_NANOS} (objects,
 * records and Claude events read, and the rate), so a 90-day read of an organisation trail shows it is moving.
 * Thread-safe.
 */
final class ReadStats {
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Skipped objects named in the report; the count covers all of them. */
    static final int MAX_NAMED_SKIPS = 100;

    /** An object that was skipped, and why (never its content). */
    record Skipped(String name, String reason) {}

    private final String source;
    private final Progress progress;
    private final LongSupplier clock;
    private final long started;
    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong claudeEvents = new AtomicLong();
    private final AtomicLong skippedCount = new AtomicLong();
    private final List<Skipped> skipped = new ArrayList<>();
    private long lastLine;

    ReadStats(String source, Progress progress) {
        this(source, progress, System::nanoTime);
    }

    ReadStats(String source, Progress progress, LongSupplier clock) {
        this.source = source;
        this.progress = progress;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastLine = started;
    }

    void objectRead(long objectBytes, long objectRecords, long objectClaudeEvents) {
        objects.incrementAndGet();
        bytes.addAndGet(objectBytes);
        records.addAndGet(objectRecords);
        claudeEvents.addAndGet(objectClaudeEvents);
        maybeReport();
    }

    /** An object that could not be read: a WARN line naming it now, and a count in the result. */
    void skipped(String name, String reason) {
        skippedCount.incrementAndGet();
        synchronized (skipped) {
            if (skipped.size() < MAX_NAMED_SKIPS) {
                skipped.add(new Skipped(name, reason));
            }
        }
        progress.line("WARN skipped " + name + ": " + reason + "; the rest of the read goes on");
    }

    private void maybeReport() {
        long now = clock.getAsLong();
        synchronized (this) {
            if (now - lastLine < INTERVAL_NANOS) {
                return;
            }
            lastLine = now;
        }
        progress.line(line("reading"));
    }

    /** The closing line. */
    void finish() {
        progress.line(line("read"));
    }

    private String line(String verb) {
        double seconds = Math.max(1e-3, (clock.getAsLong() - started) / 1e9);
        return String.format(java.util.Locale.ROOT, "usage: %s %,d object(s) (%,.1f MB) from %s: %,d records, %,d Claude events%s; %,.0f records/s",
                verb, objects.get(), bytes.get() / 1e6, source, records.get(), claudeEvents.get(),
                skippedCount.get() == 0 ? "" : ", " + skippedCount.get() + " skipped", records.get() / seconds);
    }

    String source() {
        return source;
    }

    long objects() {
        return objects.get();
    }

    long bytes() {
        return bytes.get();
    }

    long records() {
        return records.get();
    }

    long claudeEvents() {
        return claudeEvents.get();
    }

    long skippedCount() {
        return skippedCount.get();
    }

    List<Skipped> skipped() {
        synchronized (skipped) {
            return List.copyOf(skipped);
        }
    }

    double seconds() {
        return (clock.getAsLong() - started) / 1e9;
    }
}
