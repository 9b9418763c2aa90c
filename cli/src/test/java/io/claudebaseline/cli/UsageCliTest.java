package io.claudebaseline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.Engine;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.engine.api.ExitCode;
import io.claudebaseline.verify.CheckStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code usage}, {@code verify --denied-attempts} and {@code permissions --for usage} on the command line. */
class UsageCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<EngineRequest> seen = new AtomicReference<>();

    private int run(Engine engine, String... args) {
        return Main.run(engine, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Engine recording() {
        return (request, progress) -> {
            seen.set(request);
            return new EngineResult(request.action(), true, 0, List.of(), List.of(), List.of(), null, "done");
        };
    }

    private static Engine noAws() {
        return new BaselineEngine(request -> {
            throw new AssertionError("no AWS client may be created");
        });
    }

    private static Path example() {
        return Path.of("../examples/claude-baseline.yaml");
    }

    @Test
    void usageMapsItsOptionsOntoTheRequest() {
        assertThat(run(recording(), "usage", "-c", "c.yaml", "--since", "90d", "--source", "s3", "--report-dir", "out")).isZero();
        EngineRequest r = seen.get();
        assertThat(r.action()).isEqualTo(Action.USAGE);
        assertThat(r.usage().since()).isEqualTo(Duration.ofDays(90));
        assertThat(r.usage().source()).isEqualTo("s3");
        assertThat(r.reportDir()).isEqualTo(Path.of("out"));

        assertThat(run(recording(), "usage", "--from", "2026-09-01", "--to", "2026-10-01T06:00:00Z")).isZero();
        assertThat(seen.get().usage().from()).hasToString("2026-09-01T00:00:00Z");
        assertThat(seen.get().usage().to()).hasToString("2026-10-01T06:00:00Z");
    }

    @Test
    void aBadWindowIsAUsageErrorBeforeAnythingRuns() {
        seen.set(null);
        assertThat(run(recording(), "usage", "--since", "ninety days")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--since 'ninety days' is not a duration; give e.g. 90d");
        assertThat(run(recording(), "usage", "--from", "yesterday")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--from 'yesterday' is not a time");
        assertThat(seen.get()).isNull();
        assertThat(run(noAws(), "usage", "-c", example().toString(), "--from", "2026-10-01", "--to", "2026-09-01")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("the window is empty");
    }

    @Test
    void emitSqlPrintsOnlyTheQueryAndCallsNoAws() {
        assertThat(run(noAws(), "usage", "-c", example().toString(), "--emit-sql", "athena", "--athena-table", "logs.cloudtrail",
                "--from", "2026-09-01", "--to", "2026-12-01")).isZero();
        assertThat(out.toString()).startsWith("-- claude-baseline usage").contains("FROM logs.cloudtrail",
                "eventtime >= '2026-09-01T00:00:00Z' AND eventtime < '2026-12-01T00:00:00Z'").doesNotContain("Reports in");
        assertThat(run(noAws(), "usage", "-c", example().toString(), "--emit-sql", "bigquery")).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("--emit-sql 'bigquery' is not a supported dialect; give athena");
    }

    @Test
    void fromResultsAnalysesAthenasCsvAndWritesTheReports() throws Exception {
        Path csv = dir.resolve("result.csv");
        Files.writeString(csv, String.join(",", quoted(io.claudebaseline.usage.AthenaColumns.names())) + "\n"
                + "\"arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj\",\"AssumedRole\","
                + "\"arn:aws:iam::111122223333:role/claude-prod-app\",\"\",\"\",\"CreateInference\",\"\",\"false\",\"false\",\"42\","
                + "\"2026-11-02T10:00:00Z\",\"2026-11-20T10:00:00Z\",\"10.0.0.1\",\"sdk\"\n");
        int code = run(noAws(), "usage", "-c", example().toString(), "--from-results", csv.toString(), "--from", "2026-11-01",
                "--to", "2026-12-01", "--report-dir", dir.resolve("reports").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("arn:aws:iam::111122223333:role/claude-prod-app  42 (42 authorised)",
                "allow-listed but unused: arn:aws:iam::111122223333:role/claude-prod-deployer", "Reports in ");
        assertThat(dir.resolve("reports/suggested-allowlist.diff")).exists();
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").toList();
    }

    @Test
    void verifyTakesTheDeniedAttemptsWindowAndLevel() {
        assertThat(run(recording(), "verify", "--denied-attempts", "24h", "--denied-attempts-level", "fail")).isZero();
        assertThat(seen.get().deniedAttempts()).isEqualTo(Duration.ofHours(24));
        assertThat(seen.get().deniedAttemptsLevel()).isEqualTo(CheckStatus.FAIL);
        assertThat(run(recording(), "verify")).isZero();
        assertThat(seen.get().deniedAttempts()).isNull();
        assertThat(seen.get().deniedAttemptsLevel()).isEqualTo(CheckStatus.WARN);
        assertThat(run(recording(), "verify", "--denied-attempts", "24h", "--denied-attempts-level", "PASS")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--denied-attempts-level 'PASS' is not one of: WARN, FAIL");
    }

    @Test
    void permissionsForUsageIsReadOnlyAndCoversBothSources() throws Exception {
        assertThat(run(recording(), "permissions", "--for", "usage")).isZero();
        String policy = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString()).toString();
        assertThat(policy).contains("cloudtrail:DescribeTrails", "cloudtrail:GetEventSelectors", "s3:ListBucket", "s3:GetObject",
                "logs:FilterLogEvents").doesNotContain("organizations:", "PutEventSelectors", "iam:");
    }
}
