package io.jenkins.plugins.claudebaseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The claudeBaseline step in a real Jenkins (JenkinsRule) with sandboxed Pipelines, against moto on 127.0.0.1 through
 * {@code endpointUrl}. Runs only in the real plugin build ({@code -Pjenkins}), which needs repo.jenkins-ci.org, and
 * needs moto installed ({@code python3 -c 'import moto'}); see docs/jenkins.md.
 */
@WithJenkins
@ExtendWith(MotoServer.class)
class ClaudeBaselineStepMotoTest {

    @SuppressWarnings("unused")
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;
    private MotoServer moto;

    /** The agent the step runs on: the engine runs there, never on the controller. */
    private hudson.slaves.DumbSlave agent;

    @BeforeEach
    void setUp(JenkinsRule rule, MotoServer server) throws Exception {
        j = rule;
        agent = j.createOnlineSlave(hudson.model.Label.get(Pipelines.AGENT_LABEL));
        moto = server;
    }

    /** An organisation with a logging trail, as before the baseline is applied; returns the config for it. */
    private String organisation() {
        try (MotoFixtures fixtures = moto.fixtures()) {
            MotoFixtures.Org org = fixtures.createOrganization();
            String member = fixtures.createAccount("workloads", org.rootId());
            fixtures.createTrail(Pipelines.TRAIL, Pipelines.REGION, true, true);
            return Pipelines.configFor(org.rootId(), member);
        }
    }

    private WorkflowJob job(String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    @Test
    void verifyAfterApplyPassesAgainstMoto() throws Exception {
        String config = organisation();
        WorkflowJob p = job(Pipelines.withMotoEnvironment(Pipelines.ON_AGENT + Pipelines.writeConfig(config)
                + "  claudeBaseline action: 'apply', endpointUrl: '" + moto.endpoint() + "'\n"
                + "  def r = claudeBaseline action: 'verify', endpointUrl: '" + moto.endpoint() + "', reportDir: 'reports'\n"
                + "  echo \"compliant=${r.compliant} failed=${r.checks.findAll { it.status == 'FAIL' }.size()} reportDir=${r.reportDir}\"\n"
                + "  if (!fileExists('reports/junit.xml')) { error 'junit.xml was not written into the workspace' }\n"
                + "}"));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("compliant=true failed=0 reportDir=reports", b);
        j.assertLogNotContains(MotoServer.SECRET_ACCESS_KEY, b);
    }

    @Test
    void driftFailsTheBuildByDefault() throws Exception {
        String config = organisation(); // nothing applied: every SCP is missing
        WorkflowJob p = job(Pipelines.withMotoEnvironment(Pipelines.ON_AGENT + Pipelines.writeConfig(config)
                + "  claudeBaseline action: 'verify', endpointUrl: '" + moto.endpoint() + "', reportDir: 'reports'\n"
                + "  echo 'not reached'\n"
                + "}"));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("claude-baseline verify: not compliant", b);
        j.assertLogNotContains("not reached", b);
        assertTrue(agent.getWorkspaceFor(p).child("reports/junit.xml").exists(), "reports are written before the build fails");
    }

    @Test
    void driftMarksTheBuildUnstableWhenAsked() throws Exception {
        String config = organisation();
        WorkflowJob p = job(Pipelines.withMotoEnvironment(Pipelines.ON_AGENT + Pipelines.writeConfig(config)
                + "  def r = claudeBaseline action: 'verify', endpointUrl: '" + moto.endpoint() + "', onDrift: 'unstable'\n"
                + "  echo \"after the step: compliant=${r.compliant}\"\n"
                + "}"));
        WorkflowRun b = j.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        j.assertLogContains("WARNING: claude-baseline verify: not compliant", b);
        j.assertLogContains("after the step: compliant=false", b);
        FlowNode marked = new DepthFirstScanner().findFirstMatch(b.getExecution(),
                node -> node.getPersistentAction(WarningAction.class) != null);
        assertNotNull(marked, "the step's node carries a WarningAction, so its stage shows as unstable");
        assertEquals(Result.UNSTABLE, marked.getPersistentAction(WarningAction.class).getResult());
        // The build page: one entry, drift, and the badge in the build history.
        ClaudeBaselineAction action = b.getAction(ClaudeBaselineAction.class);
        assertNotNull(action);
        assertEquals(1, action.getEntries().size());
        assertEquals("DRIFT", action.getEntries().get(0).getVerdict());
        assertNotNull(b.getAction(ClaudeBaselineDriftBadge.class));
    }

    @Test
    void credentialsFromWithCredentialsReachTheEngineAndNeverTheLog() throws Exception {
        String config = organisation();
        SystemCredentialsProvider.getInstance().getCredentials().add(new AWSCredentialsImpl(CredentialsScope.GLOBAL,
                "moto-creds", MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY, "moto"));
        SystemCredentialsProvider.getInstance().save();
        WorkflowJob p = job(Pipelines.ON_AGENT + Pipelines.writeConfig(config)
                + "  withCredentials([aws(credentialsId: 'moto-creds')]) {\n"
                + "    def r = claudeBaseline action: 'verify', region: '" + Pipelines.REGION + "', endpointUrl: '" + moto.endpoint()
                + "', onDrift: 'ignore'\n"
                + "    echo \"checks=${r.checks.size()} compliant=${r.compliant}\"\n"
                + "  }\n"
                + "}\n");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("AWS credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY from the build environment", b);
        j.assertLogContains("compliant=false", b);
        j.assertLogNotContains(MotoServer.SECRET_ACCESS_KEY, b);
    }

    @Test
    void aCredentialsIdTakesPrecedenceOverTheBuildsIdentity() throws Exception {
        String config = organisation();
        SystemCredentialsProvider.getInstance().getCredentials().add(new AWSCredentialsImpl(CredentialsScope.GLOBAL,
                "moto-creds", MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY, "moto"));
        SystemCredentialsProvider.getInstance().save();
        // The build's own identity is a profile that does not exist: had the step used it, the build would fail.
        WorkflowJob p = job(Pipelines.ON_AGENT + Pipelines.writeConfig(config)
                + "  withEnv(['AWS_PROFILE=claude-baseline-no-such-profile']) {\n"
                + "    def r = claudeBaseline action: 'verify', credentialsId: 'moto-creds', region: '" + Pipelines.REGION
                + "', endpointUrl: '" + moto.endpoint() + "', onDrift: 'ignore'\n"
                + "    echo \"checks=${r.checks.size()}\"\n"
                + "  }\n"
                + "}\n");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("AWS credentials: Jenkins credential 'moto-creds'", b);
        j.assertLogNotContains(MotoServer.SECRET_ACCESS_KEY, b);
    }
}
