package io.claudebaseline.usage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads one CloudTrail log file (gzip, as CloudTrail delivers them, or plain JSON) as a stream and hands its
 * Claude events to the sink only when the whole file was read: a corrupt or truncated file is skipped entirely
 * (with a WARN naming it), never half-counted and never fatal.
 */
final class LogFile {
    private LogFile() {}

    /** Reads {@code in} (closing it); returns normally also when the file was skipped. */
    static void read(String name, long size, InputStream in, EventSink sink, ReadStats stats) {
        List<TrailEvent> found = new ArrayList<>();
        long records;
        try (InputStream body = decompressed(in)) {
            records = RecordSplitter.split(body, (bytes, length) -> {
                TrailEvent e = ClaudeRecordParser.parseIfClaude(bytes, length);
                if (e != null) {
                    found.add(e);
                }
            });
        } catch (IOException | RuntimeException e) {
            stats.skipped(name, reason(e));
            return;
        }
        sink.accept(found);
        stats.objectRead(size, records, found.size());
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        // gzip's magic number (RFC 1952): 1f 8b
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    /** Why a file could not be read, in words (the exception's own text can be long or empty). */
    static String reason(Exception e) {
        String kind = e instanceof java.util.zip.ZipException ? "not valid gzip"
                : e instanceof java.io.EOFException ? "truncated (ends before its end)"
                : e instanceof com.fasterxml.jackson.core.JsonProcessingException ? "not valid JSON"
                : e instanceof IOException ? "unreadable" : "unreadable (" + e.getClass().getSimpleName() + ")";
        // Jackson's messages quote the offending input, which is log content: never repeat it.
        String detail = e instanceof com.fasterxml.jackson.core.JsonProcessingException || e.getMessage() == null ? ""
                : e.getMessage().lines().findFirst().orElse("");
        if (detail.length() > 160) {
            detail = detail.substring(0, 160) + "…";
        }
        return detail.isEmpty() ? kind : kind + ": " + detail;
    }
}
