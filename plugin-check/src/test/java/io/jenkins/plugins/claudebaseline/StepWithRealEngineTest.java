package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import io.jenkins.plugins.claudebaseline.Fakes.FakeContext;
import io.jenkins.plugins.claudebaseline.Fakes.FakeFlowNode;
import io.jenkins.plugins.claudebaseline.Fakes.FakeRun;
import io.jenkins.plugins.claudebaseline.Fakes.RecordingListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The step's glue with the real {@link BaselineEngine}: render from the repository's example config and a config error
 * offline; apply, verify, drift and credentials against moto on 127.0.0.1, the build's AWS_* variables carrying moto's
 * fake keys as withAWS would. The same flows run as sandboxed Pipelines in plugin/src/test (JenkinsRule, real build only).
 */
class StepWithRealEngineTest {

    static final String REGION = "us-east-1";
    static final String TRAIL = "org-trail";

    @TempDir
    Path workspaceDir;

    FakeRun run;
    FakeFlowNode node;
    RecordingListener listener;
    FakeContext context;

    @BeforeEach
    void setUp() {
        run = new FakeRun();
        node = new FakeFlowNode();
        listener = new RecordingListener();
        context = new FakeContext()
                .with(TaskListener.class, listener)
                .with(Run.class, run)
                .with(EnvVars.class, new EnvVars())
                .with(FilePath.class, Fakes.onAgent(workspaceDir))
                .with(FlowNode.class, node);
    }

    Map<String, Object> runStep(ClaudeBaselineStep step) throws Exception {
        return execution(step, null).run();
    }

    /** The step with the bundled engine, as production makes it; {@code awsCredential} answers every credentialsId. */
    ClaudeBaselineExecution execution(ClaudeBaselineStep step, AwsCredentialsProvider awsCredential) {
        return new ClaudeBaselineExecution(step, context, EngineFactory.Bundled.INSTANCE, new ClaudeBaselineExecution.CredentialsLookup() {
            @Override
            public AwsCredentialsProvider aws(String id, Run<?, ?> r) {
                return awsCredential;
            }

            @Override
            public String secretText(String id, Run<?, ?> r) {
                return null;
            }
        }, Map.of());
    }

    static ClaudeBaselineStep step(String action) {
        ClaudeBaselineStep s = new ClaudeBaselineStep();
        s.setAction(action);
        return s;
    }


    @Test
    void renderWritesTheExampleBaselineIntoTheWorkspace() throws Exception {
        Files.copy(Path.of("..", "examples", "claude-baseline.yaml"), workspaceDir.resolve("claude-baseline.yaml"));
        ClaudeBaselineStep s = new ClaudeBaselineStep();
        s.setAction("render");

        Map<String, Object> map = runStep(s);

        assertThat(map).containsEntry("action", "render").containsEntry("compliant", true).containsEntry("changes", 0);
        @SuppressWarnings("unchecked")
        List<String> artifacts = (List<String>) map.get("artifacts");
        assertThat(artifacts).isNotEmpty().allMatch(a -> a.startsWith("baseline/"));
        for (String artifact : artifacts) {
            assertThat(workspaceDir.resolve(artifact)).as(artifact).isRegularFile();
        }
        assertThat(workspaceDir.resolve("baseline/manifest.json")).isRegularFile();
        assertThat((String) map.get("summary")).doesNotContain(System.getProperty("java.io.tmpdir"));
    }

    @Test
    void anInvalidConfigFailsWithTheValidatorsMessage() throws Exception {
        Files.writeString(workspaceDir.resolve("claude-baseline.yaml"), String.join("\n",
                "version: 1",
                "targets: [r-ab12]",
                "workspaces:",
                "  - id: wrkspc_01AbCdEf23GhIj",
                "    account: \"1234\"",
                "    allowedPrincipals: [arn:aws:iam::111122223333:role/x]",
                ""));
        assertThatThrownBy(() -> runStep(step("render"))).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("Invalid configuration claude-baseline.yaml")
                .hasMessageContaining("workspaces[0].account");
        assertThat(workspaceDir.resolve("baseline")).doesNotExist();
    }

    @Nested
    @ExtendWith(MotoServer.class)
    class AgainstMoto {

        MotoServer moto;

        @BeforeEach
        void useMoto(MotoServer server) {
            moto = server;
            context.with(EnvVars.class, new EnvVars(server.environment()));
        }

        ClaudeBaselineStep step(String action) {
            ClaudeBaselineStep s = StepWithRealEngineTest.step(action);
            s.setEndpointUrl(moto.endpoint());
            return s;
        }

        /** An organisation with a logging trail; the config protects one workspace with SCPs on its root. */
        void organisationAndConfig() throws Exception {
            String rootId;
            String member;
            try (MotoFixtures fixtures = moto.fixtures()) {
                rootId = fixtures.createOrganization().rootId();
                // Workspaces live in member accounts: SCPs never apply to the management account (verify checks that).
                member = fixtures.createAccount("workloads", rootId);
                fixtures.createTrail(TRAIL, REGION, true, true);
            }
            String config = String.join("\n",
                    "version: 1",
                    "targets: [\"" + rootId + "\"]",
                    "workspaces:",
                    "  - id: wrkspc_01AbCdEf23GhIj",
                    "    region: " + REGION,
                    "    account: \"" + member + "\"",
                    "    allowedPrincipals:",
                    "      - arn:aws:iam::" + member + ":role/claude-prod-deployer",
                    "controls:",
                    "  cloudTrailDataEvents: { enabled: true, trailName: " + TRAIL + ", homeRegion: " + REGION + ", scope: all-workspaces }",
                    "");
            Files.writeString(workspaceDir.resolve("claude-baseline.yaml"), config, StandardCharsets.UTF_8);
        }

        @Test
        void verifyAfterApplyIsCompliantAndWritesReportsIntoTheWorkspace() throws Exception {
            organisationAndConfig();
            Map<String, Object> applied = runStep(step("apply"));
            assertThat(applied).containsEntry("action", "apply");
            assertThat((Integer) applied.get("changes")).isPositive();

            ClaudeBaselineStep verify = step("verify");
            verify.setReportDir("reports");
            Map<String, Object> map = runStep(verify);

            assertThat(map.get("compliant")).as("%s", map.get("checks")).isEqualTo(true);
            assertThat(map).containsEntry("reportDir", "reports");
            assertThat(workspaceDir.resolve("reports/junit.xml")).isRegularFile();
            assertThat(run.getResult()).isNull();
            assertThat(listener.text()).contains("AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY from the build environment")
                    .doesNotContain(MotoServer.SECRET_ACCESS_KEY);
        }

        @Test
        void driftOnAnUntouchedOrganisationFailsOrGoesUnstable() throws Exception {
            organisationAndConfig();
            ClaudeBaselineStep verify = step("verify");
            verify.setReportDir("reports");
            assertThatThrownBy(() -> runStep(verify)).isInstanceOf(AbortException.class)
                    .hasMessageStartingWith("claude-baseline verify: not compliant");
            assertThat(workspaceDir.resolve("reports/junit.xml")).isRegularFile();

            verify.setOnDrift("unstable");
            Map<String, Object> map = runStep(verify);
            assertThat(map).containsEntry("compliant", false);
            assertThat(run.getResult()).isSameAs(Result.UNSTABLE);
        }

        @Test
        void aJenkinsCredentialTakesPrecedenceOverTheBuildsIdentity() throws Exception {
            organisationAndConfig();
            // The build's identity is a profile that does not exist: using it fails.
            context.with(EnvVars.class, new EnvVars(Map.of("AWS_PROFILE", "claude-baseline-no-such-profile", "AWS_REGION", REGION)));
            ClaudeBaselineStep verify = step("verify");
            verify.setOnDrift("ignore");
            assertThatThrownBy(() -> runStep(verify)).isInstanceOf(AbortException.class)
                    .hasMessageContaining("no usable AWS credentials were found");

            // Named by credentialsId, the Jenkins credential is used instead, and its secret never reaches the log.
            verify.setCredentialsId("moto-creds");
            AwsCredentialsProvider motoKeys = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY));
            Map<String, Object> map = execution(verify, motoKeys).run();
            assertThat(map).containsEntry("action", "verify").containsEntry("compliant", false);
            assertThat(listener.text()).contains("AWS credentials: Jenkins credential 'moto-creds'")
                    .doesNotContain(MotoServer.SECRET_ACCESS_KEY);
        }
    }
}
