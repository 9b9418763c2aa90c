package io.jenkins.plugins.claudebaseline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The claudeBaseline step in a real Jenkins (JenkinsRule) with sandboxed Pipelines, for everything that needs no AWS:
 * render, argument and config errors, the workspace requirement and the Snippet Generator. Runs only in the real plugin
 * build ({@code -Pjenkins}), which needs repo.jenkins-ci.org; see docs/jenkins.md.
 */
@WithJenkins
class ClaudeBaselineStepTest {

    @SuppressWarnings("unused")
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;

    /** The agent the step runs on: the engine runs there, never on the controller. */
    private hudson.slaves.DumbSlave agent;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        agent = j.createOnlineSlave(hudson.model.Label.get(Pipelines.AGENT_LABEL));
    }

    private WorkflowJob job(String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    @Test
    void renderInTheSandboxWritesTheArtifactsAndReturnsAReadableMap() throws Exception {
        String example = Files.readString(Path.of("..", "examples", "claude-baseline.yaml"), StandardCharsets.UTF_8);
        WorkflowJob p = job(Pipelines.ON_AGENT + Pipelines.writeConfig(example)
                + "  def r = claudeBaseline action: 'render'\n"
                + "  echo \"action=${r.action} compliant=${r.compliant} changes=${r.changes} reportDir=${r.reportDir}\"\n"
                + "  echo \"manifest listed=${r.artifacts.contains('baseline/manifest.json')} files=${r.artifacts.size()}\"\n"
                + "  if (!fileExists('baseline/manifest.json')) { error 'manifest.json was not written into the workspace' }\n"
                + "}\n");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("action=render compliant=true changes=0 reportDir=null", b);
        j.assertLogContains("manifest listed=true", b);
        assertTrue(agent.getWorkspaceFor(p).child("baseline/manifest.json").exists(), "written on the agent");
        assertFalse(j.jenkins.getWorkspaceFor(p).child("baseline").exists(), "nothing is written on the controller");
        // One build-page entry per call.
        ClaudeBaselineAction action = b.getAction(ClaudeBaselineAction.class);
        assertTrue(action != null && action.getEntries().size() == 1 && action.getEntries().get(0).isCompliant());
        assertTrue(b.getAction(ClaudeBaselineDriftBadge.class) == null, "no drift, no badge");
    }

    @Test
    void aConfigSymlinkedOutOfTheWorkspaceIsRefusedOnTheAgent() throws Exception {
        WorkflowJob p = job(Pipelines.ON_AGENT + "  sh 'echo version: 1 > ../outside.yaml && ln -sf ../outside.yaml claude-baseline.yaml'\n"
                + "  claudeBaseline action: 'validate'\n}\n");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("config: claude-baseline.yaml leads outside the workspace through a symbolic link", b);
    }

    @Test
    void onTheBuiltInNodeTheControllersIdentityIsNeverUsed() throws Exception {
        WorkflowJob p = job("node('built-in') {\n" + Pipelines.writeConfig(Pipelines.configFor("r-ab12", Pipelines.SOME_MEMBER_ACCOUNT))
                + "  claudeBaseline action: 'verify'\n}\n");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("runs on the built-in node", b);
        j.assertLogContains("controller's own AWS identity", b);
    }

    @Test
    void plainHttpToAnotherHostIsRefused() throws Exception {
        WorkflowJob p = job(Pipelines.ON_AGENT + Pipelines.writeConfig(Pipelines.configFor("r-ab12", Pipelines.SOME_MEMBER_ACCOUNT))
                + "  claudeBaseline action: 'verify', endpointUrl: 'http://moto.example:5000'\n}\n");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("is plain http:// to moto.example", b);
    }

    @Test
    void anUnknownCredentialsIdFailsClearly() throws Exception {
        WorkflowJob p = job(Pipelines.ON_AGENT + Pipelines.writeConfig(Pipelines.configFor("r-ab12", Pipelines.SOME_MEMBER_ACCOUNT))
                + "  claudeBaseline action: 'verify', credentialsId: 'no-such-credential'\n"
                + "}\n");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("credentialsId 'no-such-credential' does not name an AWS credential", b);
    }

    @Test
    void configErrorsFailWithTheValidationMessage() throws Exception {
        String bad = Pipelines.configFor("r-ab12", Pipelines.SOME_MEMBER_ACCOUNT).replace("account: \"" + Pipelines.SOME_MEMBER_ACCOUNT + "\"", "account: \"1234\"");
        WorkflowJob p = job(Pipelines.ON_AGENT + Pipelines.writeConfig(bad) + "  claudeBaseline action: 'render'\n}\n");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("Invalid configuration claude-baseline.yaml", b);
        j.assertLogContains("workspaces[0].account", b);
        assertFalse(agent.getWorkspaceFor(p).child("baseline").exists(), "nothing is written for an invalid config");
    }

    @Test
    void badArgumentsAreReportedTogether() throws Exception {
        WorkflowJob p = job(Pipelines.ON_AGENT + Pipelines.writeConfig(Pipelines.configFor("r-ab12", Pipelines.SOME_MEMBER_ACCOUNT))
                + "  claudeBaseline action: 'deploy', onDrift: 'sometimes'\n}\n");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("action 'deploy' is not one of", b);
        j.assertLogContains("onDrift 'sometimes' is not one of", b);
    }

    @Test
    void outsideNodeTheStepAsksForAWorkspace() throws Exception {
        WorkflowJob p = job("claudeBaseline action: 'validate'\n");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("hudson.FilePath", b);
    }

    @Test
    void theSnippetGeneratorRoundTripsTheStepAndOmitsDefaults() throws Exception {
        ClaudeBaselineStep step = new ClaudeBaselineStep();
        step.setReportDir("reports");
        step.setOnDrift("unstable");
        step.setCredentialsId("aws-org-admin");
        step.setAllowInsecureEndpoint(true);
        step.setEndpointUrl("http://moto:5000");
        ClaudeBaselineStep configured = new StepConfigTester(j).configRoundTrip(step);
        j.assertEqualDataBoundBeans(step, configured);

        String snippet = Snippetizer.object2Groovy(step);
        assertTrue(snippet.startsWith("claudeBaseline "), snippet);
        for (String argument : new String[] {"credentialsId: 'aws-org-admin'", "onDrift: 'unstable'", "reportDir: 'reports'"}) {
            assertTrue(snippet.contains(argument), snippet);
        }
        // action 'verify' and config 'claude-baseline.yaml' are the defaults: a generated snippet leaves them out.
        assertFalse(snippet.contains("action:") || snippet.contains("config:"), snippet);
    }
}
