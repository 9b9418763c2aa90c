package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineRequestMapperTest {

    @TempDir
    Path workspace;

    @Test
    void everyArgumentMapsOntoTheRequestWithTheNodesRealPaths() throws Exception {
        Files.createDirectories(workspace.resolve("cfg"));
        Files.writeString(workspace.resolve("cfg/prod.yaml"), "version: 1\n");
        Files.createDirectories(workspace.resolve("ci/templates"));
        StepParameters p = new StepParameters("apply", "cfg/prod.yaml", "build/baseline", "build/reports", "ci/templates",
                "eu-west-1", null, "arn:aws:iam::111122223333:role/deployer", "ext-42", null, "http://127.0.0.1:5000", false, true,
                "fail", "111122223333", null, false, null, null, null, null, null, null, null, null, null);
        WorkspaceFiles files = WorkspaceFiles.resolve(workspace, p);
        NodeIdentity identity = NodeIdentity.choose(null, null, AwsEnvironmentTest.buildEnv(), false, p.roleArn());
        EngineRequest r = EngineRequestMapper.map(p, files, identity, "ext-42");
        Path root = workspace.toRealPath();
        assertThat(r.action()).isEqualTo(Action.APPLY);
        assertThat(r.configPath()).isEqualTo(root.resolve("cfg/prod.yaml"));
        assertThat(r.outputDir()).isEqualTo(root.resolve("build/baseline"));
        assertThat(r.reportDir()).isEqualTo(root.resolve("build/reports"));
        assertThat(r.templatesDir()).isEqualTo(root.resolve("ci/templates"));
        assertThat(r.region()).isEqualTo("eu-west-1");
        assertThat(r.endpointUrl()).isEqualTo("http://127.0.0.1:5000");
        assertThat(r.allowInsecureEndpoint()).isFalse();
        assertThat(r.roleArn()).isEqualTo("arn:aws:iam::111122223333:role/deployer");
        assertThat(r.externalId()).isEqualTo("ext-42");
        assertThat(r.dryRun()).isTrue();
        assertThat(r.account()).isEqualTo("111122223333");
        assertThat(r.profile()).isNull();
        assertThat(r.planFile()).isNull();
        assertThat(r.credentials()).isNull();
        // No Jenkins credential: the build's AWS_* identity goes to the engine (withAWS / withCredentials).
        assertThat(r.environment()).containsEntry("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
                .containsEntry("AWS_SECRET_ACCESS_KEY", AwsEnvironmentTest.SECRET)
                .doesNotContainKeys("PATH", "BUILD_NUMBER");
    }

    @Test
    void aJenkinsCredentialWinsOverTheEnvironmentIdentity() throws Exception {
        Files.writeString(workspace.resolve("claude-baseline.yaml"), "version: 1\n");
        StepParameters p = new StepParameters("verify", null, null, null, null, null, "aws-org-admin", null, null, null, null,
                false, false, null, null, null, false, null, null, null, null, null, null, null, null, null);
        NodeIdentity identity = NodeIdentity.choose(new SessionCredentials("AKIAJENKINS", "s3cr3t", null), "aws-org-admin",
                AwsEnvironmentTest.buildEnv(), false, null);
        EngineRequest r = EngineRequestMapper.map(p, WorkspaceFiles.resolve(workspace, p), identity, null);
        assertThat(r.credentials().resolveCredentials().accessKeyId()).isEqualTo("AKIAJENKINS");
        assertThat(r.environment()).doesNotContainKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")
                .containsEntry("AWS_REGION", "eu-west-1");
        // verify writes no output but always reports (the CLI's default directory).
        assertThat(r.outputDir()).isNull();
        assertThat(r.reportDir()).isEqualTo(workspace.toRealPath().resolve("claude-baseline-report"));
        assertThat(r.templatesDir()).isNull();
    }

    @Test
    void renderAlwaysGetsAnOutputDirectoryInTheWorkspace() throws Exception {
        Files.writeString(workspace.resolve("claude-baseline.yaml"), "version: 1\n");
        StepParameters p = StepParametersTest.params("render");
        EngineRequest r = EngineRequestMapper.map(p, WorkspaceFiles.resolve(workspace, p),
                new NodeIdentity(null, java.util.Map.of(), null), null);
        assertThat(r.outputDir()).isEqualTo(workspace.toRealPath().resolve("baseline"));
    }

    @Test
    void theFieldsOtherIssuesAddedMapOntoTheRequest() throws Exception {
        Files.writeString(workspace.resolve("claude-baseline.yaml"), "version: 1\n");
        Files.writeString(workspace.resolve("athena-result.csv"), "a,b\n");
        ClaudeBaselineStep verify = new ClaudeBaselineStep();
        verify.setRequire("protect-workspaces, deny-long-term-key-use");
        verify.setIgnoreExceptions(true);
        verify.setDeniedAttempts("7d");
        verify.setDeniedAttemptsLevel("fail");
        StepParameters p = verify.parameters();
        assertThat(p.problems()).isEmpty();
        EngineRequest r = EngineRequestMapper.map(p, WorkspaceFiles.resolve(workspace, p), new NodeIdentity(null, java.util.Map.of(), null), null);
        assertThat(r.require()).containsExactly("protect-workspaces", "deny-long-term-key-use");
        assertThat(r.ignoreExceptions()).isTrue();
        assertThat(r.deniedAttempts()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(r.deniedAttemptsLevel()).isEqualTo(io.claudebaseline.verify.CheckStatus.FAIL);

        ClaudeBaselineStep usage = new ClaudeBaselineStep();
        usage.setAction("usage");
        usage.setFrom("2026-09-01");
        usage.setTo("2026-10-01T00:00:00Z");
        usage.setSource("s3");
        usage.setFromResults("athena-result.csv");
        StepParameters u = usage.parameters();
        assertThat(u.effectiveReportDir()).isEqualTo("claude-baseline-usage");
        EngineRequest ur = EngineRequestMapper.map(u, WorkspaceFiles.resolve(workspace, u), new NodeIdentity(null, java.util.Map.of(), null), null);
        assertThat(ur.action()).isEqualTo(Action.USAGE);
        assertThat(ur.usage().from()).isEqualTo(java.time.Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(ur.usage().to()).isEqualTo(java.time.Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(ur.usage().source()).isEqualTo("s3");
        assertThat(ur.usage().fromResults()).isEqualTo(workspace.toRealPath().resolve("athena-result.csv"));
        assertThat(ur.reportDir()).isEqualTo(workspace.toRealPath().resolve("claude-baseline-usage"));

        usage.setEmitSql("athena");
        assertThat(usage.parameters().effectiveReportDir()).as("the query goes to the log").isNull();
    }

    @Test
    void badValuesOfTheNewFieldsAreReportedWithTheParameterName() {
        ClaudeBaselineStep s = new ClaudeBaselineStep();
        s.setRequire("protect-everything");
        s.setDeniedAttempts("a week");
        s.setDeniedAttemptsLevel("loud");
        s.setSince("forever");
        s.setFromResults("../elsewhere.csv");
        assertThat(String.join("\n", s.parameters().problems()))
                .contains("require: required control").contains("deniedAttempts 'a week' is not a duration")
                .contains("deniedAttemptsLevel 'loud' is not one of: WARN, FAIL").contains("since 'forever' is not a duration")
                .contains("fromResults '../elsewhere.csv' must be a relative path inside the workspace");
    }
}
