package io.claudebaseline.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.testing.FaultInjector;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code usage} end to end against moto: synthetic trail deliveries in the documented record format, read from
 * the trail's S3 bucket and from its CloudWatch Logs group, through the engine as the CLI and the step call it.
 */
@ExtendWith(MotoServer.class)
class UsageAgainstMotoTest {

    @TempDir
    Path dir;

    private static CheckResult check(EngineResult r, String name) {
        return r.checks().stream().filter(c -> c.check().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + r.checks().stream().map(CheckResult::check).toList()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(EngineResult r, String detail) {
        return (List<Map<String, Object>>) r.details().get(detail);
    }

    /** What both sources must find in the same deliveries. */
    private static void assertFindings(EngineResult r) {
        assertThat(r.action()).isEqualTo(Action.USAGE);
        assertThat(check(r, "usage-events").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(r, "usage-events").evidence()).containsEntry("events", 12L);

        CheckResult denied = check(r, "usage-denied-attempts:wrkspc_01AbCdEf23GhIj");
        assertThat(denied.status()).isEqualTo(CheckStatus.WARN);
        assertThat(denied.message()).contains("arn:aws:iam::111122223333:role/developer (2)", "arn:aws:iam::111122223333:user/AeaApiKey-3f9a (1)");
        CheckResult deniedResearch = check(r, "usage-denied-attempts:wrkspc_09ZyXwVu87TsRq");
        assertThat(deniedResearch.status()).isEqualTo(CheckStatus.WARN);
        assertThat(deniedResearch.message()).contains("arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DataScience_0a1b2c3d");

        assertThat(check(r, "usage-unused-principals:wrkspc_01AbCdEf23GhIj").status()).isEqualTo(CheckStatus.WARN);
        assertThat(check(r, "usage-unused-principals:wrkspc_01AbCdEf23GhIj").message()).contains("role/claude-prod-deployer");
        assertThat(check(r, "usage-unused-principals:wrkspc_09ZyXwVu87TsRq").status()).as("the wildcard matched").isEqualTo(CheckStatus.PASS);
        assertThat(check(r, "usage-long-term-key-use").status()).as("refused, so WARN not FAIL").isEqualTo(CheckStatus.WARN);
        assertThat(check(r, "usage-unlisted-workspaces").message()).contains("wrkspc_UNLISTED1");
        assertThat(r.checks()).noneMatch(c -> c.check().startsWith("usage-outside-allow-list"));
        assertThat(r.compliant()).isTrue();

        List<Map<String, Object>> principals = rows(r, "usageByPrincipal");
        Map<String, Object> app = principals.stream().filter(p -> "arn:aws:iam::111122223333:role/claude-prod-app".equals(p.get("principal")))
                .findFirst().orElseThrow();
        assertThat(app).containsEntry("workspace", "wrkspc_01AbCdEf23GhIj").containsEntry("events", 4L).containsEntry("inAllowList", true)
                .containsEntry("kind", "ROLE");
        assertThat((Map<String, Long>) app.get("actions")).containsExactly(Map.entry("CountTokens", 1L), Map.entry("CreateInference", 3L));
        List<Map<String, Object>> attempts = rows(r, "deniedAttempts");
        assertThat(attempts).anySatisfy(a -> assertThat(a).containsEntry("principal", "arn:aws:iam::111122223333:role/developer")
                .containsEntry("sourceIp", "203.0.113.9").containsEntry("userAgent", "python-httpx/0.28.1").containsEntry("action", "CreateInference"));
        assertThat(rows(r, "longTermKeyUse")).singleElement().satisfies(p -> assertThat(p).containsEntry("principal",
                "arn:aws:iam::111122223333:user/AeaApiKey-3f9a").containsEntry("kind", "SHADOW_USER"));
        assertThat(rows(r, "resourceLessCalls")).singleElement().satisfies(p -> assertThat(p.get("actions")).isEqualTo(Map.of("ListWorkspaces", 1L)));
        String diff = (String) r.details().get("suggestedConfigDiff");
        assertThat(diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")))
                .containsExactly("-      - arn:aws:iam::111122223333:role/claude-prod-deployer");
        assertThat(diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++"))).as("tightening only removes").isEmpty();
        assertThat(r.summary()).contains("wrkspc_01AbCdEf23GhIj (us-east-1, account 111122223333): 7 event(s)",
                "DENIED outside the allow-list: arn:aws:iam::111122223333:role/developer 2×", "from 203.0.113.9 (python-httpx/0.28.1)",
                "allow-listed but unused: arn:aws:iam::111122223333:role/claude-prod-deployer");
    }

    @Test
    void readsTheTrailsS3DeliveriesOfTheWindowOnly(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false)) {
            world.deliverToS3();
            FaultInjector recorder = new FaultInjector();
            EngineResult r = world.run(world.request(Action.USAGE).build(), recorder);

            assertFindings(r);
            Set<String> calls = assertCallsListedForUsage(recorder);
            assertThat(calls).contains("cloudtrail:DescribeTrails", "cloudtrail:GetEventSelectors", "s3:ListBucket", "s3:GetObject");
            assertThat(calls).as("read-only").allSatisfy(c -> assertThat(AwsOperation.byIamAction(c).orElseThrow().mutating()).isFalse());
            @SuppressWarnings("unchecked")
            Map<String, Object> window = (Map<String, Object>) r.details().get("usageWindow");
            assertThat(window.get("source")).isEqualTo("s3://org-trail-logs/cloudtrail/AWSLogs/");
            assertThat(window).as("two files read, the truncated one skipped, the other account's never listed")
                    .containsEntry("objectsRead", 2L).containsEntry("objectsSkipped", 1L).containsEntry("recordsRead", 15L);
            CheckResult skipped = check(r, "usage-unreadable-objects");
            assertThat(skipped.status()).isEqualTo(CheckStatus.WARN);
            assertThat(skipped.message()).contains("_cut.json.gz");
            assertThat(world.progress).anyMatch(l -> l.startsWith("WARN skipped s3://org-trail-logs/cloudtrail/AWSLogs/o-abcdefghij/111122223333/")
                    && l.contains("truncated"));
            assertThat(world.progress).anyMatch(l -> l.startsWith("usage: read 2 object(s)") && l.contains("records/s"));

            // Reports: the diff is a file of its own, and report.json carries the per-workspace details.
            Path reports = dir.resolve("reports");
            assertThat(r.artifacts()).contains(Path.of(UsageOperation.DIFF_FILE), Path.of("report.json"));
            assertThat(Files.readString(reports.resolve("report.json"))).contains("\"usageByPrincipal\"", "203.0.113.9");
            assertThat(Files.readString(reports.resolve("junit.xml"))).contains("usage-denied-attempts:wrkspc_01AbCdEf23GhIj");

            // The suggested change, applied with patch(1) to the example, still validates and holds the used principal only.
            Process patch = new ProcessBuilder("patch", "-p1", "-i", reports.resolve(UsageOperation.DIFF_FILE).toString())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(patch.getInputStream().readAllBytes());
            assertThat(patch.waitFor()).as(out).isZero();
            BaselineConfig tightened = BaselineEngine.loadAndValidate(world.config);
            assertThat(tightened.workspaces().get(0).allowedPrincipals()).containsExactly("arn:aws:iam::111122223333:role/claude-prod-app");
            assertThat(tightened.workspaces().get(1).allowedPrincipals()).containsExactly("arn:aws:iam::111122223333:role/claude-research-*");
        }
    }

    @Test
    void readsTheTrailsLogGroupAndFiltersLocallyWhatTheServiceLetThrough(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, true)) {
            world.deliverToLogs();
            FaultInjector recorder = new FaultInjector();
            EngineResult r = world.run(world.request(Action.USAGE).build(), recorder);

            assertFindings(r);
            @SuppressWarnings("unchecked")
            Map<String, Object> window = (Map<String, Object>) r.details().get("usageWindow");
            assertThat(window.get("source")).isEqualTo("CloudWatch Logs group CloudTrail/org-trail");
            // moto ignores the JSON filter pattern, so the other services' events and the broken message reach us:
            // the local filter drops the former and skips the latter with a WARN.
            assertThat((Long) window.get("recordsRead")).isEqualTo(15L - 1 + 1);
            assertThat(check(r, "usage-unreadable-objects").message()).contains("log event");
            assertThat(recorder.calls()).contains("logs:FilterLogEvents").noneMatch(c -> c.startsWith("s3:"));
            assertCallsListedForUsage(recorder);
        }
    }

    private static Set<String> assertCallsListedForUsage(FaultInjector recorder) {
        Set<String> calls = new LinkedHashSet<>(recorder.calls());
        for (String call : calls) {
            assertThat(AwsOperation.byIamAction(call)).as("usage calls %s", call)
                    .hasValueSatisfying(op -> assertThat(op.commands()).contains(AwsOperation.Command.USAGE));
        }
        return calls;
    }

    @Test
    void anUnreadableBucketFailsNamingTheOperationTheResourceAndTheActionToGrant(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false)) {
            world.deliverToS3();
            assertThatThrownBy(() -> world.run(world.request(Action.USAGE).build(),
                    new FaultInjector().always("s3:ListBucket", FaultInjector.Fault.ACCESS_DENIED)))
                    .isInstanceOf(AwsOperationException.class)
                    .hasMessageContaining("s3:ListBucket on s3://org-trail-logs/cloudtrail/AWSLogs/")
                    .hasMessageContaining("lacks the IAM permission s3:ListBucket")
                    .hasMessageContaining("permissions --for <command>` (the one you ran: verify or usage)")
                    .hasMessageNotContaining("INJECTED-AWS-MESSAGE");
            assertThatThrownBy(() -> world.run(world.request(Action.USAGE).build(),
                    new FaultInjector().always("s3:GetObject", FaultInjector.Fault.ACCESS_DENIED)))
                    .isInstanceOf(AwsOperationException.class)
                    .hasMessageContaining("s3:GetObject on s3://org-trail-logs/cloudtrail/AWSLogs/o-abcdefghij/111122223333/CloudTrail/");
        }
    }

    @Test
    void anUnreadableLogGroupFailsNamingIt(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, true)) {
            assertThatThrownBy(() -> world.run(world.request(Action.USAGE).build(),
                    new FaultInjector().always("logs:FilterLogEvents", FaultInjector.Fault.ACCESS_DENIED)))
                    .isInstanceOf(AwsOperationException.class)
                    .hasMessageContaining("logs:FilterLogEvents on log group CloudTrail/org-trail was denied")
                    .hasMessageContaining("permissions --for <command>` (the one you ran: verify or usage)");
        }
    }

    @Test
    void anEmptyWindowSaysSoAndWhetherTheDataSelectorIsInPlace(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false)) {
            EngineResult r = world.run(world.request(Action.USAGE).build());
            CheckResult events = check(r, "usage-events");
            assertThat(events.status()).isEqualTo(CheckStatus.WARN);
            assertThat(events.message()).startsWith("No Claude Platform events between ")
                    .contains("Today the trail's selectors do NOT log Claude data events and the trail is NOT logging.")
                    .as("moto has no LookupEvents: the window is unknown, with the reason")
                    .contains("Whether the trail's Claude data-event selector was in place in the window is unknown: the trail's changes could not be read");
            assertThat(r.summary()).contains("no principal acted on it", "No config change suggested");
            assertThat(r.details()).doesNotContainKey("suggestedConfigDiff");
        }
    }

    @Test
    void verifyDeniedAttemptsNamesThePrincipalsAtTheChosenLevel(MotoServer server, MotoFixtures moto) throws Exception {
        try (UsageWorld world = new UsageWorld(server, moto, dir, false)) {
            world.deliverToS3();
            List<CheckResult> checks = DeniedAttemptsCheck.run(
                    BaselineEngine.loadAndValidate(world.config) == null ? null : io.claudebaseline.render.BaselineBuilder.build(
                            BaselineEngine.loadAndValidate(world.config), io.claudebaseline.render.Templates.bundled()),
                    world.request(Action.VERIFY).deniedAttempts(java.time.Duration.ofHours(24)).deniedAttemptsLevel(CheckStatus.FAIL).build(),
                    io.claudebaseline.aws.AwsClientFactory.create(world.request(Action.VERIFY).build(), io.claudebaseline.aws.AwsClientSettings.forTests()),
                    world.progress::add);
            CheckResult prod = checks.stream().filter(c -> c.check().equals("denied-attempts:wrkspc_01AbCdEf23GhIj")).findFirst().orElseThrow();
            assertThat(prod.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(prod.message()).contains("role/developer", "AeaApiKey-3f9a", "in the last 24h");
            assertThat(checks).anySatisfy(c -> assertThat(c.check()).isEqualTo("denied-attempts-unreadable"));
        }
    }
}
