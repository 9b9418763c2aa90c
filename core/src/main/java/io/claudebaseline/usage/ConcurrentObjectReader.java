package io.claudebaseline.usage;

import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads log files on a fixed number of threads while the caller is still listing them. A semaphore bounds the
 * files in flight (listed but not yet read) to twice the concurrency, so memory stays flat however many files
 * the window holds. The first failure that is not one file's problem (an AWS error) stops the read and is
 * rethrown to the caller.
 */
final class ConcurrentObjectReader implements AutoCloseable {
    /** Opens one object's content (the caller's stream, e.g. an S3 GetObject response). */
    interface Opener {
        InputStream open() throws Exception;
    }

    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final EventSink sink;
    private final ReadStats stats;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    ConcurrentObjectReader(int concurrency, EventSink sink, ReadStats stats) {
        int threads = Math.max(1, concurrency);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "usage-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(threads * 2);
        this.sink = sink;
        this.stats = stats;
    }

    /** Queues one object; blocks while too many are in flight. Throws the first AWS failure seen so far. */
    void submit(String name, long size, Opener opener) throws InterruptedException {
        rethrow();
        inFlight.acquire();
        pool.execute(() -> {
            try {
                if (failure.get() != null) {
                    return;
                }
                InputStream in;
                try {
                    in = opener.open();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    return;
                } catch (Exception e) {
                    stats.skipped(name, LogFile.reason(e));
                    return;
                }
                LogFile.read(name, size, in, sink, stats);
            } finally {
                inFlight.release();
            }
        });
    }

    /** Waits for every queued object, then throws the first AWS failure, if any. */
    void finish() throws InterruptedException {
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            // keep waiting: reads end by themselves (the SDK's timeouts bound each call)
        }
        rethrow();
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
