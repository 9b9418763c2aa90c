package io.claudebaseline.usage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a CloudTrail log file, {@code {"Records": [{...}, {...}]}}, into its records as raw bytes, reading the
 * stream once and holding one record at a time (a log file is never in memory as a whole). It only tracks
 * nesting and strings, which is far cheaper than tokenising JSON, so records can be filtered on their bytes
 * before anything parses them ({@link ClaudeRecordParser}).
 *
 * <p>A stream that ends inside the document (a truncated object) or that is not such a document throws
 * {@link IOException}; the records handed out before that point are the caller's to keep or drop.
 */
final class RecordSplitter {
    /** Receives one record: {@code bytes[0..length)}, valid only during the call. */
    interface RecordSink {
        void record(byte[] bytes, int length) throws IOException;
    }

    private static final byte[] RECORDS_KEY = "Records".getBytes(StandardCharsets.US_ASCII);

    private RecordSplitter() {}

    /** Returns the number of records found. */
    static long split(InputStream in, RecordSink sink) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        byte[] record = new byte[16 * 1024];
        int recordLength = 0;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean capturing = false;
        boolean inRecordsArray = false;
        boolean started = false;
        boolean ended = false;
        // The last string seen directly in the top-level object: the key of the array that follows.
        byte[] key = new byte[RECORDS_KEY.length + 1];
        int keyLength = 0;
        boolean keyOverflow = false;
        long records = 0;

        int n;
        while ((n = in.read(chunk)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (capturing) {
                    if (recordLength == record.length) {
                        record = java.util.Arrays.copyOf(record, record.length * 2);
                    }
                    record[recordLength++] = b;
                }
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (b == '\\') {
                        escaped = true;
                    } else if (b == '"') {
                        inString = false;
                    } else if (depth == 1 && !capturing) {
                        if (keyLength < key.length) {
                            key[keyLength++] = b;
                        } else {
                            keyOverflow = true;
                        }
                    }
                    continue;
                }
                switch (b) {
                    case '"' -> {
                        inString = true;
                        if (depth == 1) {
                            keyLength = 0;
                            keyOverflow = false;
                        }
                    }
                    case '{', '[' -> {
                        if (ended) {
                            throw new IOException("content after the end of the log file's JSON document");
                        }
                        if (depth == 0) {
                            if (b != '{') {
                                throw new IOException("not a CloudTrail log file: the document is not a JSON object");
                            }
                            started = true;
                        } else if (depth == 1 && b == '[') {
                            inRecordsArray = !keyOverflow && keyLength == RECORDS_KEY.length
                                    && java.util.Arrays.equals(key, 0, keyLength, RECORDS_KEY, 0, RECORDS_KEY.length);
                        } else if (depth == 2 && inRecordsArray && b == '{') {
                            capturing = true;
                            record[0] = b;
                            recordLength = 1;
                        }
                        depth++;
                    }
                    case '}', ']' -> {
                        depth--;
                        if (depth < 0) {
                            throw new IOException("unbalanced JSON in the log file");
                        }
                        if (capturing && depth == 2) {
                            capturing = false;
                            records++;
                            sink.record(record, recordLength);
                        } else if (depth == 1) {
                            inRecordsArray = false;
                        } else if (depth == 0) {
                            ended = true;
                        }
                    }
                    default -> {
                        // other bytes carry no structure
                    }
                }
            }
        }
        if (!started) {
            throw new IOException("empty log file");
        }
        if (!ended) {
            throw new IOException("the log file ends inside its JSON document (truncated)");
        }
        return records;
    }
}
