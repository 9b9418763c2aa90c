package io.claudebaseline.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One log file: the byte pre-filter, the streaming parse, and what happens to broken files. */
class LogFileTest {
    static final Instant T = Instant.parse("2026-11-30T12:00:00Z");
    static final String WS = SyntheticTrail.workspaceArn("us-east-1", "111122223333", "wrkspc_01AbCdEf23GhIj");

    private final List<String> lines = new ArrayList<>();
    private final List<TrailEvent> events = new ArrayList<>();
    private final ReadStats stats = new ReadStats("test", lines::add);

    private void read(String name, byte[] content) {
        LogFile.read(name, content.length, new ByteArrayInputStream(content), events::addAll, stats);
    }

    @Test
    void keepsOnlyClaudeRecordsAndReadsTheFieldsTheAnalysisNeeds() {
        String app = SyntheticTrail.assumedRole("111122223333", "/team/", "claude-prod-app", "i-1");
        String file = SyntheticTrail.logFileJson(List.of(
                SyntheticTrail.otherService(T, "s3.amazonaws.com", "GetObject", false),
                SyntheticTrail.claude(app, T, "CreateInference", WS, false, "198.51.100.1", "anthropic-sdk/1", null),
                // IAM naming the Claude service in its parameters: passes the byte filter, rejected by the parse
                SyntheticTrail.otherService(T, "iam.amazonaws.com", "CreateServiceSpecificCredential", true),
                SyntheticTrail.claude(SyntheticTrail.iamUser("111122223333", "AeaApiKey-3f9a"), T.plusSeconds(5), "CallWithBearerToken",
                        null, true, "203.0.113.7", "curl/8", "LONG_TERM")));
        read("f1.json.gz", SyntheticTrail.gzip(file));

        assertThat(stats.records()).isEqualTo(4);
        assertThat(events).hasSize(2);
        TrailEvent first = events.get(0);
        assertThat(first.eventName()).isEqualTo("CreateInference");
        assertThat(first.eventTime()).isEqualTo(T);
        assertThat(first.workspaceArns()).containsExactly(WS);
        assertThat(first.identity().issuerArn()).isEqualTo("arn:aws:iam::111122223333:role/team/claude-prod-app");
        assertThat(first.errorCode()).isNull();
        assertThat(first.sourceIp()).isEqualTo("198.51.100.1");
        TrailEvent second = events.get(1);
        assertThat(second.workspaceArns()).isEmpty();
        assertThat(second.errorCode()).isEqualTo("AccessDenied");
        assertThat(second.errorMessage()).contains("explicit deny in a service control policy");
        assertThat(second.bearerTokenType()).isEqualTo("LONG_TERM");
        assertThat(second.identity().userName()).isEqualTo("AeaApiKey-3f9a");
        assertThat(lines).noneMatch(l -> l.startsWith("WARN"));
    }

    @Test
    void thePreFilterRejectsRecordsWithoutTheQuotedEventSource() {
        byte[] other = SyntheticTrail.otherService(T, "ec2.amazonaws.com", "RunInstances", false).getBytes(StandardCharsets.UTF_8);
        byte[] claude = SyntheticTrail.claude(SyntheticTrail.iamUser("1", "u"), T, "X", WS, false, "i", "a", null).getBytes(StandardCharsets.UTF_8);
        assertThat(ClaudeRecordParser.mayBeClaude(other, other.length)).isFalse();
        assertThat(ClaudeRecordParser.mayBeClaude(claude, claude.length)).isTrue();
        assertThat(ClaudeRecordParser.mayBeClaude(claude, 40)).as("only the given length is searched").isFalse();
    }

    @Test
    void aTruncatedFileIsSkippedWholeWithAWarningNamingIt() {
        String file = SyntheticTrail.logFileJson(List.of(
                SyntheticTrail.claude(SyntheticTrail.iamUser("111122223333", "bob"), T, "CreateInference", WS, false, "i", "a", null),
                SyntheticTrail.claude(SyntheticTrail.iamUser("111122223333", "bob"), T, "CreateInference", WS, false, "i", "a", null)));
        byte[] gz = SyntheticTrail.gzip(file);
        read("s3://bucket/cut.json.gz", Arrays.copyOf(gz, gz.length / 2));
        read("s3://bucket/plain-cut.json", file.substring(0, file.length() - 3).getBytes(StandardCharsets.UTF_8));
        read("s3://bucket/garbage.json.gz", "not json at all".getBytes(StandardCharsets.UTF_8));
        read("s3://bucket/bad-record.json", "{\"Records\":[{\"eventSource\":\"aws-external-anthropic.amazonaws.com\" oops}]}".getBytes(StandardCharsets.UTF_8));

        assertThat(events).as("nothing of a broken file is counted").isEmpty();
        assertThat(stats.skippedCount()).isEqualTo(4);
        assertThat(stats.objects()).isZero();
        assertThat(lines).anyMatch(l -> l.startsWith("WARN skipped s3://bucket/cut.json.gz: truncated"));
        assertThat(lines).anyMatch(l -> l.startsWith("WARN skipped s3://bucket/plain-cut.json:") && l.contains("truncated"));
        assertThat(lines).anyMatch(l -> l.startsWith("WARN skipped s3://bucket/garbage.json.gz:"));
        assertThat(lines).anyMatch(l -> l.equals("WARN skipped s3://bucket/bad-record.json: not valid JSON; the rest of the read goes on"));
    }

    @Test
    void structureInsideStringsDoesNotConfuseTheSplitter() throws Exception {
        String tricky = "{\"Records\":[{\"a\":\"}]{[\\\"\",\"eventSource\":\"x\"},{\"b\":[{\"c\":\"]\"}]}],\"Other\":[{\"d\":1}]}";
        List<String> records = new ArrayList<>();
        long n = RecordSplitter.split(new ByteArrayInputStream(tricky.getBytes(StandardCharsets.UTF_8)),
                (b, len) -> records.add(new String(b, 0, len, StandardCharsets.UTF_8)));
        assertThat(n).isEqualTo(2);
        assertThat(records).containsExactly("{\"a\":\"}]{[\\\"\",\"eventSource\":\"x\"}", "{\"b\":[{\"c\":\"]\"}]}");
    }

    @Test
    void progressLinesNameObjectsRecordsAndTheRate() {
        long[] now = {0};
        List<String> out = new ArrayList<>();
        ReadStats s = new ReadStats("s3://b/AWSLogs/", out::add, () -> now[0]);
        s.objectRead(1000, 10, 1);
        assertThat(out).isEmpty();
        now[0] = ReadStats.INTERVAL_NANOS;
        s.objectRead(1000, 10, 0);
        assertThat(out).singleElement().asString().contains("reading 2 object(s)", "20 records", "1 Claude events", "records/s");
        s.finish();
        assertThat(out).hasSize(2);
    }
}
