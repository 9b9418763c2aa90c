package io.claudebaseline.usage;

import io.claudebaseline.engine.api.Progress;
import java.time.Instant;

/**
 * Where the trail's events come from (its S3 bucket, its CloudWatch Logs group, files on disk). The analysis sees
 * only the Claude events a reader hands to its sink, so it does not care which one ran.
 */
interface EventReader {
    /**
     * Reads the Claude events of {@code [from, to)} (a reader may hand over a few from just outside: the aggregator
     * filters by event time) and returns what it read. AWS failures throw
     * {@link io.claudebaseline.aws.AwsOperationException}; unreadable objects are skipped and counted.
     */
    ReadStats read(Instant from, Instant to, EventSink sink, Progress progress) throws InterruptedException;

    /** e.g. {@code s3://bucket/prefix/AWSLogs/} or {@code CloudWatch Logs group CloudTrail/org-trail}. */
    String describe();
}
