package io.claudebaseline.usage;

import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.facts.AwsFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * Reads the trail's CloudWatch Logs group (CloudTrail writes one record per log event) with FilterLogEvents over
 * the window and a filter pattern that keeps only Claude records ({@link AwsFacts#CLAUDE_LOGS_FILTER_PATTERN}),
 * page by page with the SDK's paginator. Every message still goes through the same byte filter and parser as a
 * log file: a service that ignores or widens the pattern (moto ignores JSON patterns) cannot let another
 * service's events in. A message that is not a record is skipped with a WARN, like a corrupt file.
 */
final class LogsEventReader implements EventReader {
    private final CloudWatchLogsClient logs;
    private final String logGroupName;

    LogsEventReader(CloudWatchLogsClient logs, String logGroupName) {
        this.logs = logs;
        this.logGroupName = logGroupName;
    }

    @Override
    public String describe() {
        return "CloudWatch Logs group " + logGroupName;
    }

    @Override
    public ReadStats read(Instant from, Instant to, EventSink sink, Progress progress) {
        ReadStats stats = new ReadStats(describe(), progress);
        AwsOperation.FILTER_LOG_EVENTS.run("log group " + logGroupName, () -> logs.filterLogEventsPaginator(r -> r
                        .logGroupName(logGroupName)
                        .startTime(from.toEpochMilli())
                        // endTime is inclusive; the window is not
                        .endTime(to.toEpochMilli() - 1)
                        .filterPattern(AwsFacts.CLAUDE_LOGS_FILTER_PATTERN))
                .forEach(page -> {
                    List<TrailEvent> found = new ArrayList<>();
                    long bytes = 0;
                    for (FilteredLogEvent e : page.events()) {
                        String message = e.message() == null ? "" : e.message();
                        byte[] raw = message.getBytes(StandardCharsets.UTF_8);
                        bytes += raw.length;
                        try {
                            TrailEvent event = ClaudeRecordParser.parseIfClaude(raw, raw.length);
                            if (event != null) {
                                found.add(event);
                            }
                        } catch (IOException | RuntimeException bad) {
                            stats.skipped("log event " + e.eventId() + " in stream " + e.logStreamName() + " of " + logGroupName,
                                    LogFile.reason(bad));
                        }
                    }
                    sink.accept(found);
                    stats.objectRead(bytes, page.events().size(), found.size());
                }));
        stats.finish();
        return stats;
    }
}
