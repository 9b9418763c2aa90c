package io.claudebaseline.usage;

import io.claudebaseline.engine.api.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads CloudTrail log files from a directory tree on disk (a copy of the bucket, e.g. {@code aws s3 sync}), every
 * {@code *.json.gz} and {@code *.json} under it, with the same concurrency and parsing as the S3 reader. The
 * benchmark uses it to measure parsing without the network.
 */
final class LocalFilesEventReader implements EventReader {
    private final Path dir;
    private final int concurrency;

    LocalFilesEventReader(Path dir, int concurrency) {
        this.dir = dir;
        this.concurrency = concurrency;
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    @Override
    public ReadStats read(Instant from, Instant to, EventSink sink, Progress progress) throws InterruptedException {
        ReadStats stats = new ReadStats(describe(), progress);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".json.gz") || f.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        try (ConcurrentObjectReader reader = new ConcurrentObjectReader(concurrency, sink, stats)) {
            for (Path f : files) {
                reader.submit(f.toString(), sizeOf(f), () -> Files.newInputStream(f));
            }
            reader.finish();
        }
        stats.finish();
        return stats;
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }
}
