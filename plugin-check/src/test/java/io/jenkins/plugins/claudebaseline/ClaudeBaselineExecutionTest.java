package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.config.ConfigException;
import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import io.jenkins.plugins.claudebaseline.Fakes.FakeContext;
import io.jenkins.plugins.claudebaseline.Fakes.FakeFlowNode;
import io.jenkins.plugins.claudebaseline.Fakes.FakeRun;
import io.jenkins.plugins.claudebaseline.Fakes.RecordingEngine;
import io.jenkins.plugins.claudebaseline.Fakes.RecordingListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The step end to end through its Jenkins glue, with the context, workspace and engine faked: what the engine is
 * asked, what lands in the workspace, what Groovy gets back and what happens to the build. The workspace is "on an
 * agent" (a remote FilePath); the stand-in {@code act} serialises the callable there and back, as remoting does.
 */
class ClaudeBaselineExecutionTest {

    /** Non-ASCII on purpose: the config must reach the engine byte for byte, whatever the platform charset. */
    static final String CONFIG = "version: 1\ntags: { owner: \"équipe-sécurité ✓\" }\n";

    @TempDir
    Path workspaceDir;

    FakeRun run;
    FakeFlowNode node;
    RecordingListener listener;
    EnvVars env;
    FakeContext context;
    List<String> lookups;
    Map<String, String> controllerEnv = Map.of();

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(workspaceDir.resolve("claude-baseline.yaml"), CONFIG, StandardCharsets.UTF_8);
        run = new FakeRun();
        node = new FakeFlowNode();
        listener = new RecordingListener();
        env = AwsEnvironmentTest.buildEnv();
        lookups = new ArrayList<>();
        context = new FakeContext()
                .with(TaskListener.class, listener)
                .with(Run.class, run)
                .with(EnvVars.class, env)
                .with(FilePath.class, Fakes.onAgent(workspaceDir))
                .with(FlowNode.class, node);
    }

    ClaudeBaselineExecution execution(ClaudeBaselineStep step, RecordingEngine engine) {
        return new ClaudeBaselineExecution(step, context, Fakes.factoryFor(engine), new ClaudeBaselineExecution.CredentialsLookup() {
            @Override
            public AwsCredentialsProvider aws(String id, Run<?, ?> r) {
                lookups.add(id + "@" + (r == run ? "this-run" : "other-run"));
                return switch (id) {
                    case "aws-org-admin" -> StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAJENKINSCRED", "jenkins-secret-value"));
                    case "aws-with-role" -> StaticCredentialsProvider.create(
                            AwsSessionCredentials.create("ASIAROLESESSION", "role-secret-value", "role-session-token"));
                    default -> null;
                };
            }

            @Override
            public String secretText(String id, Run<?, ?> r) {
                lookups.add("secret:" + id);
                return "ext-id-credential".equals(id) ? "ext-from-secret-text" : null;
            }
        }, controllerEnv);
    }

    static ClaudeBaselineStep step(String action) {
        ClaudeBaselineStep s = new ClaudeBaselineStep();
        s.setAction(action);
        return s;
    }

    static EngineResult verifyResult(EngineRequest request, boolean compliant) throws Exception {
        Path reports = request.reportDir();
        List<Path> files = new ArrayList<>();
        if (reports != null) {
            Files.createDirectories(reports);
            Files.writeString(reports.resolve("junit.xml"), "<testsuite/>");
            files.add(reports.resolve("junit.xml"));
        }
        List<CheckResult> checks = compliant
                ? List.of(CheckResult.pass("protect-workspaces", "scp-attached:claude-baseline-1:r-ab12", "Attached."))
                : List.of(CheckResult.pass("protect-workspaces", "scp-exists:claude-baseline-1", "Exists."),
                          CheckResult.fail("protect-workspaces", "scp-attached:claude-baseline-1:r-ab12", "Not attached to r-ab12."));
        return new EngineResult(Action.VERIFY, compliant, 0, checks, List.of(), files, reports,
                compliant ? "Compliant." : "Not compliant: 1 of 2 checks failed.");
    }

    @Test
    void renderRunsInTheWorkspaceAndReturnsTheMapWithWorkspacePaths() throws Exception {
        RecordingEngine engine = new RecordingEngine((request, progress) -> {
            Path out = request.outputDir();
            Files.createDirectories(out.resolve("scp"));
            Files.writeString(out.resolve("scp/claude-baseline-1.json"), "{\"Version\":\"2012-10-17\"}");
            Files.writeString(out.resolve("manifest.json"), "{}");
            progress.line("wrote " + out.resolve("manifest.json"));
            return new EngineResult(Action.RENDER, true, 0, List.of(), List.of(),
                    List.of(Path.of("scp/claude-baseline-1.json"), Path.of("manifest.json")), null,
                    "Rendered 1 SCP(s) into " + out + " (2 files).");
        });

        Map<String, Object> map = execution(step("render"), engine).run();

        assertThat(engine.config).isEqualTo(CONFIG);
        assertThat(engine.only().action()).isEqualTo(Action.RENDER);
        assertThat(Files.readString(workspaceDir.resolve("baseline/scp/claude-baseline-1.json"))).isEqualTo("{\"Version\":\"2012-10-17\"}");
        assertThat(workspaceDir.resolve("baseline/manifest.json")).exists();
        assertThat(map).containsEntry("action", "render").containsEntry("compliant", true)
                .containsEntry("artifacts", List.of("baseline/scp/claude-baseline-1.json", "baseline/manifest.json"))
                .containsEntry("summary", "Rendered 1 SCP(s) into baseline (2 files).");
        assertThat(listener.text()).contains("claude-baseline render: config claude-baseline.yaml")
                .contains("wrote baseline/manifest.json");
        assertThat(listener.text()).containsOnlyOnce("Rendered 1 SCP(s) into baseline (2 files).");
        assertThat(run.getResult()).isNull();
        // The engine read the workspace's own file and wrote into the workspace: no copy anywhere else.
        assertThat(engine.only().configPath()).isEqualTo(workspaceDir.toRealPath().resolve("claude-baseline.yaml"));
        assertThat(engine.only().outputDir()).isEqualTo(workspaceDir.toRealPath().resolve("baseline"));
    }

    @Test
    void verifyDriftFailsTheBuildByDefaultButTheReportsAreInTheWorkspaceFirst() throws Exception {
        ClaudeBaselineStep s = step("verify");
        s.setReportDir("reports");
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, false));

        assertThatThrownBy(() -> execution(s, engine).run())
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("claude-baseline verify: not compliant (1 of 2 checks failed)")
                .hasMessageContaining("FAIL protect-workspaces / scp-attached:claude-baseline-1:r-ab12: Not attached to r-ab12.");
        assertThat(workspaceDir.resolve("reports/junit.xml")).exists();
    }

    @Test
    void onDriftUnstableMarksTheStageAndTheBuildAndReturnsTheMap() throws Exception {
        ClaudeBaselineStep s = step("verify");
        s.setOnDrift("unstable");
        s.setReportDir("reports");
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, false));

        Map<String, Object> map = execution(s, engine).run();

        assertThat(run.getResult()).isSameAs(Result.UNSTABLE);
        WarningAction warning = node.getAction(WarningAction.class);
        assertThat(warning).isNotNull();
        assertThat(warning.getResult()).isSameAs(Result.UNSTABLE);
        assertThat(warning.getMessage()).isEqualTo("claude-baseline verify: not compliant (1 of 2 checks failed). Not compliant: 1 of 2 checks failed.");
        assertThat(map).containsEntry("compliant", false).containsEntry("reportDir", "reports")
                .containsEntry("artifacts", List.of("reports/junit.xml"));
        assertThat(listener.text()).contains("WARNING: claude-baseline verify: not compliant");
    }

    @Test
    void unstableNeverHidesAnEarlierFailure() throws Exception {
        run.setResult(Result.FAILURE);
        ClaudeBaselineStep s = step("verify");
        s.setOnDrift("unstable");
        execution(s, new RecordingEngine((request, progress) -> verifyResult(request, false))).run();
        assertThat(run.getResult()).isSameAs(Result.FAILURE);
    }

    @Test
    void aSummaryTheEngineAlreadyLoggedIsNotRepeated() throws Exception {
        RecordingEngine engine = new RecordingEngine((request, progress) -> {
            EngineResult result = verifyResult(request, true);
            progress.line(result.summary());
            return result;
        });
        execution(step("verify"), engine).run();
        assertThat(listener.text()).containsOnlyOnce("Compliant.");
    }

    @Test
    void onDriftIgnoreOnlyReports() throws Exception {
        ClaudeBaselineStep s = step("verify");
        s.setOnDrift("ignore");
        Map<String, Object> map = execution(s, new RecordingEngine((request, progress) -> verifyResult(request, false))).run();
        assertThat(run.getResult()).isNull();
        assertThat(node.getAction(WarningAction.class)).isNull();
        assertThat(map).containsEntry("compliant", false);
        assertThat(listener.text()).contains("(onDrift: ignore)");
    }

    @Test
    void aCompliantVerifySucceedsAndReportsWhereTheCliWould() throws Exception {
        Map<String, Object> map = execution(step("verify"), new RecordingEngine((request, progress) -> verifyResult(request, true))).run();
        assertThat(map).containsEntry("compliant", true).containsEntry("reportDir", "claude-baseline-report")
                .containsEntry("artifacts", List.of("claude-baseline-report/junit.xml"));
        assertThat(workspaceDir.resolve("claude-baseline-report/junit.xml")).isRegularFile();
        assertThat(run.getResult()).isNull();
    }

    @Test
    void applyKeepsItsSnapshotInTheWorkspace() throws Exception {
        RecordingEngine engine = new RecordingEngine((request, progress) -> {
            Path snapshot = request.outputDir().resolve("apply-20260101T000000Z/apply-snapshot.json");
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, "{}");
            return new EngineResult(Action.APPLY, true, 2, List.of(), List.of(), List.of(snapshot), null,
                    "Applied 2 change(s); the pre-change snapshot is in " + snapshot + ".");
        });
        Map<String, Object> map = execution(step("apply"), engine).run();
        assertThat(engine.only().dryRun()).isFalse();
        assertThat(workspaceDir.resolve("claude-baseline-apply/apply-20260101T000000Z/apply-snapshot.json")).isRegularFile();
        assertThat(map).containsEntry("changes", 2)
                .containsEntry("artifacts", List.of("claude-baseline-apply/apply-20260101T000000Z/apply-snapshot.json"))
                .containsEntry("summary", "Applied 2 change(s); the pre-change snapshot is in "
                        + "claude-baseline-apply/apply-20260101T000000Z/apply-snapshot.json.");
    }

    @Test
    void configErrorsFailWithTheValidationMessageAndWriteNothing() throws Exception {
        ClaudeBaselineStep s = step("render");
        RecordingEngine engine = new RecordingEngine((request, progress) -> {
            throw new ConfigException(request.configPath().toString(), List.of(
                    Problem.error("workspaces[1].allowedPrincipals[0]",
                            "arn:aws:sts::111122223333:assumed-role/x/y is a session ARN; use the role ARN")));
        });

        assertThatThrownBy(() -> execution(s, engine).run())
                .isInstanceOf(AbortException.class)
                .hasMessage("Invalid configuration claude-baseline.yaml (1 error):\n"
                        + "  error: workspaces[1].allowedPrincipals[0]: arn:aws:sts::111122223333:assumed-role/x/y is a session ARN; use the role ARN");
        assertThat(workspaceDir.resolve("baseline")).doesNotExist();
    }

    @Test
    void awsErrorsFailWithTheirOneSentence() {
        RecordingEngine engine = new RecordingEngine((request, progress) -> {
            throw new AwsOperationException("organizations:ListPolicies", "r-ab12", AwsOperationException.Kind.ACCESS_DENIED,
                    "organizations:ListPolicies on r-ab12 was denied: grant it to the role the step uses.", null);
        });
        assertThatThrownBy(() -> execution(step("verify"), engine).run())
                .isInstanceOf(AbortException.class)
                .hasMessage("organizations:ListPolicies on r-ab12 was denied: grant it to the role the step uses.");
    }

    @Test
    void unusableSettingsFailWithTheEnginesSentenceNotAStackTrace() {
        RecordingEngine engine = new RecordingEngine((request, progress) -> {
            throw new IllegalArgumentException("endpoint URL 'not a url' is not a valid URL; give an http:// or https:// URL with a host");
        });
        assertThatThrownBy(() -> execution(step("verify"), engine).run())
                .isInstanceOf(AbortException.class)
                .hasMessage("endpoint URL 'not a url' is not a valid URL; give an http:// or https:// URL with a host");
    }

    @Test
    void fileErrorsOfTheEngineNameTheWorkspacePath() {
        ClaudeBaselineStep s = step("render");
        s.setTemplatesDir("ci/templates");
        RecordingEngine engine = new RecordingEngine((request, progress) -> {
            throw new java.nio.file.NoSuchFileException(request.templatesDir().resolve("scp/missing.mustache").toString());
        });
        assertThat(workspaceDir.resolve("ci/templates").toFile().mkdirs()).isTrue();
        assertThatThrownBy(() -> execution(s, engine).run()).isInstanceOf(AbortException.class)
                .hasMessage("file not found: ci/templates/scp/missing.mustache");
    }

    @Test
    void aMissingConfigFailsBeforeTheEngineRuns() throws Exception {
        ClaudeBaselineStep s = step("verify");
        s.setConfig("ops/missing.yaml");
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
        assertThatThrownBy(() -> execution(s, engine).run())
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("config: ops/missing.yaml is not a file in the workspace");
        assertThat(engine.requests).isEmpty();
    }

    @Test
    void badArgumentsFailBeforeAnythingIsTouched() {
        ClaudeBaselineStep s = step("deploy");
        s.setOnDrift("maybe");
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
        assertThatThrownBy(() -> execution(s, engine).run())
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("action 'deploy' is not one of")
                .hasMessageContaining("onDrift 'maybe' is not one of");
        assertThat(engine.requests).isEmpty();
    }

    @Test
    void withoutAWorkspaceTheStepSaysToRunInsideNode() {
        context.with(FilePath.class, null);
        assertThatThrownBy(() -> execution(step("verify"), new RecordingEngine((r, p) -> verifyResult(r, true))).run())
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("run it inside node");
    }

    @Test
    void aCredentialsIdIsResolvedForThisRunAndReplacesTheEnvironmentIdentity() throws Exception {
        ClaudeBaselineStep s = step("verify");
        s.setCredentialsId("aws-org-admin");
        s.setRoleArn("arn:aws:iam::111122223333:role/audit");
        s.setExternalId("ext-secret-ish");
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));

        execution(s, engine).run();

        EngineRequest request = engine.only();
        assertThat(lookups).containsExactly("aws-org-admin@this-run");
        AwsCredentialsProvider provider = request.credentials();
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAJENKINSCRED");
        assertThat(request.environment()).doesNotContainKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
        assertThat(request.roleArn()).isEqualTo("arn:aws:iam::111122223333:role/audit");
        assertThat(request.externalId()).isEqualTo("ext-secret-ish");
        assertThat(listener.text())
                .contains("AWS credentials: Jenkins credential 'aws-org-admin' (resolved on the controller, access key handed to this node),"
                        + " then assume role arn:aws:iam::111122223333:role/audit")
                .doesNotContain("jenkins-secret-value", "AKIAJENKINSCRED", AwsEnvironmentTest.SECRET, AwsEnvironmentTest.TOKEN,
                        "ext-secret-ish");
    }

    @Test
    void anUnknownCredentialsIdFailsClearly() {
        ClaudeBaselineStep s = step("verify");
        s.setCredentialsId("nope");
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
        assertThatThrownBy(() -> execution(s, engine).run())
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("credentialsId 'nope' does not name an AWS credential");
        assertThat(engine.requests).isEmpty();
    }

    @Test
    void withoutACredentialsIdTheBuildsAwsVariablesReachTheEngineButNeverTheLog() throws Exception {
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
        execution(step("verify"), engine).run();
        EngineRequest request = engine.only();
        assertThat(request.credentials()).isNull();
        assertThat(request.environment()).containsEntry("AWS_SECRET_ACCESS_KEY", AwsEnvironmentTest.SECRET)
                .containsEntry("AWS_SESSION_TOKEN", AwsEnvironmentTest.TOKEN);
        assertThat(lookups).isEmpty();
        assertThat(listener.text()).contains("AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN from the build environment")
                .doesNotContain(AwsEnvironmentTest.SECRET, AwsEnvironmentTest.TOKEN, "AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void templateOverridesAreReadInTheWorkspace() throws Exception {
        Files.createDirectories(workspaceDir.resolve("ci/templates/scp"));
        Files.writeString(workspaceDir.resolve("ci/templates/scp/protect-workspaces.json.mustache"), "{{! custom }}");
        ClaudeBaselineStep s = step("render");
        s.setTemplatesDir("ci/templates");
        RecordingEngine engine = new RecordingEngine((request, progress) -> {
            assertThat(request.templatesDir().resolve("scp/protect-workspaces.json.mustache")).hasContent("{{! custom }}");
            return new EngineResult(Action.RENDER, true, 0, List.of(), List.of(), List.of(), null, "Rendered.");
        });
        execution(s, engine).run();
        assertThat(engine.requests).hasSize(1);

        s.setTemplatesDir("ci/absent");
        assertThatThrownBy(() -> execution(s, engine).run()).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("templatesDir: ci/absent is not a directory in the workspace");
    }

    @Test
    void startHandsRunToAnotherThreadAndReportsToTheContextFromThere() throws Exception {
        ClaudeBaselineExecution exec = execution(step("verify"), new RecordingEngine((r, p) -> verifyResult(r, true)));
        assertThat(exec.start()).isFalse();
        context.await();
        assertThat(context.failure).isNull();
        assertThat(context.success).isInstanceOf(Map.class);
        assertThat(context.completedOn).isNotSameAs(Thread.currentThread());
    }

    @Test
    void aFailureReachesTheContextAsTheAbortException() throws Exception {
        execution(step("verify"), new RecordingEngine((r, p) -> verifyResult(r, false))).start();
        context.await();
        assertThat(context.failure).isInstanceOf(AbortException.class);
    }

    @Test
    void stopInterruptsTheRunningEngineAndEndsTheStepWithTheCause() throws Exception {
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        ClaudeBaselineExecution exec = execution(step("verify"), new RecordingEngine((r, p) -> {
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return verifyResult(r, true);
        }));
        exec.start();
        assertThat(running.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Exception cause = new Exception("aborted by user");
        exec.stop(cause);
        context.await();
        assertThat(context.failure).isSameAs(cause);
        for (int i = 0; i < 300 && !interrupted.get(); i++) {
            Thread.sleep(10);
        }
        assertThat(interrupted).isTrue();
    }

    @Test
    void aSymlinkedConfigLeadingOutOfTheWorkspaceIsRefusedBeforeAnythingIsRead() throws Exception {
        Path outside = Files.createTempFile("controller-secret", ".yaml");
        try {
            Files.writeString(outside, "version: 1\n");
            Files.delete(workspaceDir.resolve("claude-baseline.yaml"));
            Files.createSymbolicLink(workspaceDir.resolve("claude-baseline.yaml"), outside);
            RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
            assertThatThrownBy(() -> execution(step("validate"), engine).run()).isInstanceOf(AbortException.class)
                    .hasMessage("config: claude-baseline.yaml leads outside the workspace through a symbolic link;"
                            + " only files inside the workspace are read. Nothing was read.");
            assertThat(engine.requests).isEmpty();
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void dotDotOutOfTheWorkspaceIsRefusedForConfigAndTemplatesDir() {
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
        ClaudeBaselineStep s = step("render");
        s.setConfig("../other-job/claude-baseline.yaml");
        s.setTemplatesDir("ci/../../templates");
        assertThatThrownBy(() -> execution(s, engine).run()).isInstanceOf(AbortException.class)
                .hasMessageContaining("config '../other-job/claude-baseline.yaml' must be a relative path inside the workspace")
                .hasMessageContaining("templatesDir 'ci/../../templates' must be a relative path inside the workspace");
        assertThat(engine.requests).isEmpty();
    }

    @Test
    void aTemplateSymlinkedOutOfTheWorkspaceIsRefusedByItsName() throws Exception {
        Path outside = Files.createTempDirectory("controller-secrets");
        try {
            Files.writeString(outside.resolve("master.key"), "not for pipelines");
            Files.createDirectories(workspaceDir.resolve("ci/templates/scp"));
            Files.writeString(workspaceDir.resolve("ci/templates/scp/ok.json.mustache"), "{}");
            Files.createSymbolicLink(workspaceDir.resolve("ci/templates/scp/protect-workspaces.json.mustache"), outside.resolve("master.key"));
            ClaudeBaselineStep s = step("render");
            s.setTemplatesDir("ci/templates");
            RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
            assertThatThrownBy(() -> execution(s, engine).run()).isInstanceOf(AbortException.class)
                    .hasMessageStartingWith("templatesDir: ci/templates/scp/protect-workspaces.json.mustache leads outside the workspace");
            assertThat(engine.requests).isEmpty();

            // A linked directory is refused the same way, and so is the templates directory itself.
            Files.delete(workspaceDir.resolve("ci/templates/scp/protect-workspaces.json.mustache"));
            Files.createSymbolicLink(workspaceDir.resolve("ci/templates/more"), outside);
            assertThatThrownBy(() -> execution(s, engine).run()).hasMessageStartingWith("templatesDir: ci/templates/more leads outside");
            Files.createSymbolicLink(workspaceDir.resolve("linked-templates"), outside);
            s.setTemplatesDir("linked-templates");
            assertThatThrownBy(() -> execution(s, engine).run()).hasMessageStartingWith("templatesDir: linked-templates leads outside");
            assertThat(engine.requests).isEmpty();
        } finally {
            try (var walk = Files.walk(outside)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anOutputDirectoryLinkedOutOfTheWorkspaceIsRefused() throws Exception {
        Path outside = Files.createTempDirectory("elsewhere");
        try {
            Files.createSymbolicLink(workspaceDir.resolve("baseline"), outside);
            RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
            assertThatThrownBy(() -> execution(step("render"), engine).run())
                    .hasMessageStartingWith("outputDir: baseline leads outside the workspace");
            assertThat(engine.requests).isEmpty();
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void withNoCredentialAndNoAwsVariablesTheEngineBuildsTheNodesOwnChain() throws Exception {
        context.with(EnvVars.class, new EnvVars(Map.of("PATH", "/usr/bin", "AWS_REGION", "eu-west-1")));
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
        execution(step("verify"), engine).run();
        EngineRequest request = engine.only();
        // Nothing from the controller travelled: no credentials, no identity variables, no profile. The engine
        // (core's AwsClientFactory) therefore builds the SDK's default chain itself, inside invoke(), in the JVM of
        // the node that runs the callable: that node's environment, ~/.aws and instance role.
        assertThat(request.credentials()).isNull();
        assertThat(request.profile()).isNull();
        assertThat(request.environment()).containsOnly(Map.entry("AWS_REGION", "eu-west-1"));
        assertThat(listener.text()).contains("AWS credentials: the default credentials chain of this node");
    }

    @Test
    void onTheBuiltInNodeTheControllersOwnIdentityIsRefused() throws Exception {
        context.with(FilePath.class, new FilePath(workspaceDir.toFile()));
        context.with(EnvVars.class, new EnvVars(Map.of("AWS_REGION", "eu-west-1")));
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
        assertThatThrownBy(() -> execution(step("verify"), engine).run()).isInstanceOf(AbortException.class)
                .hasMessageContaining("runs on the built-in node").hasMessageContaining("controller's own AWS identity")
                .hasMessageContaining("credentialsId");
        assertThat(engine.requests).isEmpty();

        // Keys the build environment merely inherited from the controller's process are the controller's too.
        controllerEnv = Map.of("AWS_ACCESS_KEY_ID", "AKIACONTROLLER", "AWS_SECRET_ACCESS_KEY", "controller-secret");
        context.with(EnvVars.class, new EnvVars(Map.of("AWS_ACCESS_KEY_ID", "AKIACONTROLLER", "AWS_SECRET_ACCESS_KEY", "controller-secret")));
        assertThatThrownBy(() -> execution(step("verify"), engine).run()).hasMessageContaining("controller's own AWS identity");
        assertThat(engine.requests).isEmpty();

        // Keys withAWS/withCredentials put there are the Pipeline's own, and so is a Jenkins credential: both work.
        context.with(EnvVars.class, AwsEnvironmentTest.buildEnv());
        execution(step("verify"), engine).run();
        assertThat(engine.only().environment()).containsEntry("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        // Offline actions need no identity at all.
        context.with(EnvVars.class, new EnvVars());
        execution(step("validate"), engine).run();
        assertThat(engine.requests).hasSize(2);
    }

    @Test
    void theCredentialIsResolvedOnTheControllerAndOnlyItsValuesGoToTheNode() throws Exception {
        ClaudeBaselineStep s = step("verify");
        s.setCredentialsId("aws-with-role");
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
        execution(s, engine).run();
        AwsCredentialsProvider onNode = engine.only().credentials();
        assertThat(onNode).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(onNode.resolveCredentials()).isInstanceOfSatisfying(AwsSessionCredentials.class, c -> {
            assertThat(c.accessKeyId()).isEqualTo("ASIAROLESESSION");
            assertThat(c.sessionToken()).isEqualTo("role-session-token");
        });
        assertThat(listener.text()).contains("Jenkins credential 'aws-with-role' (resolved on the controller, session credentials handed to this node)")
                .doesNotContain("role-secret-value", "role-session-token", "ASIAROLESESSION");
    }

    @Test
    void theExternalIdCanComeFromASecretTextCredential() throws Exception {
        ClaudeBaselineStep s = step("verify");
        s.setRoleArn("arn:aws:iam::111122223333:role/audit");
        s.setExternalIdCredentialsId("ext-id-credential");
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
        execution(s, engine).run();
        assertThat(engine.only().externalId()).isEqualTo("ext-from-secret-text");
        assertThat(lookups).contains("secret:ext-id-credential");
        assertThat(listener.text()).doesNotContain("ext-from-secret-text");

        s.setExternalIdCredentialsId("missing");
        assertThatThrownBy(() -> execution(s, engine).run()).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("externalIdCredentialsId 'missing' does not name a 'Secret text' credential");
    }

    @Test
    void plainHttpToAnotherHostIsRefusedUnlessAllowedAndThenWarned() throws Exception {
        ClaudeBaselineStep s = step("verify");
        s.setEndpointUrl("http://moto.sidecar:5000");
        RecordingEngine engine = new RecordingEngine((request, progress) -> verifyResult(request, true));
        assertThatThrownBy(() -> execution(s, engine).run()).isInstanceOf(AbortException.class)
                .hasMessageContaining("endpointUrl 'http://moto.sidecar:5000' is plain http:// to moto.sidecar")
                .hasMessageContaining("allowInsecureEndpoint: true");
        assertThat(engine.requests).isEmpty();

        s.setAllowInsecureEndpoint(true);
        execution(s, engine).run();
        assertThat(engine.only().allowInsecureEndpoint()).isTrue();
        assertThat(engine.only().endpointUrl()).isEqualTo("http://moto.sidecar:5000");
    }

    @Test
    void theResultCanOnlyBeSetWhileTheBuildRuns() {
        run.complete();
        ClaudeBaselineStep s = step("verify");
        s.setOnDrift("unstable");
        assertThatThrownBy(() -> execution(s, new RecordingEngine((r, p) -> verifyResult(r, false))).run())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEngineErrorThatCannotCrossTheChannelIsStillReported() {
        RecordingEngine engine = new RecordingEngine((request, progress) -> {
            throw new IOException("disk full writing " + request.reportDir());
        });
        assertThatThrownBy(() -> execution(step("verify"), engine).run()).isInstanceOf(AbortException.class)
                .hasMessage("disk full writing claude-baseline-report");
    }
}
