package io.jenkins.plugins.claudebaseline;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one {@code claudeBaseline} step. On the controller, on a pool thread (the CPS thread is never blocked), it only
 * does what needs the controller: checks the arguments, resolves the Jenkins credentials for this run into values,
 * then hands a {@link BaselineCallable} to {@code workspace.act(...)}, which runs the engine on the node that holds the
 * workspace. With the {@link NodeOutcome} back it records the build-page entry and carries out the
 * {@link StepOutcome}. Not resumable across a controller restart, like every synchronous step: the run fails then.
 */
@SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
        justification = "Synchronous steps are not resumed after a restart; the fields are only used while running.")
final class ClaudeBaselineExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** Finds the credentials a run may use; the production one asks the credentials plugin, tests substitute it. */
    interface CredentialsLookup {
        /** @return the AWS credential as an SDK v2 provider, or null when no such credential is visible to the run */
        AwsCredentialsProvider aws(String credentialsId, Run<?, ?> run) throws IOException;

        /** @return the text of a "Secret text" credential, or null when none is visible to the run */
        String secretText(String credentialsId, Run<?, ?> run) throws IOException;
    }

    private final transient ClaudeBaselineStep step;
    private final transient EngineFactory engines;
    private final transient CredentialsLookup credentialsLookup;
    private final transient Map<String, String> controllerEnvironment;

    ClaudeBaselineExecution(ClaudeBaselineStep step, StepContext context, EngineFactory engines, CredentialsLookup credentialsLookup,
                            Map<String, String> controllerEnvironment) {
        super(context);
        this.step = step;
        this.engines = engines;
        this.credentialsLookup = credentialsLookup;
        this.controllerEnvironment = controllerEnvironment;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        Run<?, ?> run = context.get(Run.class);
        EnvVars env = context.get(EnvVars.class);
        FilePath workspace = context.get(FilePath.class);

        StepParameters params = step.parameters();
        try {
            params.check();
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        if (workspace == null) {
            throw new AbortException("claudeBaseline needs a workspace to read " + params.config()
                    + " and write its output: run it inside node { ... } after checking out the repository");
        }
        boolean onController = !workspace.isRemote();
        TreeMap<String, String> awsEnv = AwsEnvironment.select(env, false);
        if (onController) {
            awsEnv = AwsEnvironment.withoutInherited(awsEnv, controllerEnvironment);
        }
        SessionCredentials credentials = params.credentialsId() == null ? null : resolveAws(params.credentialsId(), run);
        String externalId = params.externalIdCredentialsId() == null ? params.externalId()
                : resolveSecretText(params.externalIdCredentialsId(), run);

        NodeOutcome outcome = workspace.act(new BaselineCallable(params, awsEnv, credentials, externalId, onController,
                listener, engines));
        ClaudeBaselineAction.record(run, outcome.summary());
        return carryOut(outcome.outcome(), run, context, listener.getLogger(), outcome.map());
    }

    /** The credential's values for this run, resolved here on the controller (its own role assumed, if it has one). */
    private SessionCredentials resolveAws(String id, Run<?, ?> run) throws IOException {
        AwsCredentialsProvider credential = credentialsLookup.aws(id, run);
        if (credential == null) {
            throw new AbortException("credentialsId '" + id + "' does not name an AWS credential"
                    + " (kind 'AWS Credentials', aws-credentials plugin) that this job may use. Add it under"
                    + " Manage Jenkins » Credentials (or the folder's credentials), or leave credentialsId out to use the"
                    + " AWS_* variables of withAWS/withCredentials or the agent's own default chain.");
        }
        try {
            return SessionCredentials.of(credential.resolveCredentials());
        } catch (SdkException e) {
            // The SDK's messages name the operation and the role, never a secret.
            throw new AbortException("credentialsId '" + id + "' could not be resolved into AWS credentials: " + e.getMessage());
        }
    }

    private String resolveSecretText(String id, Run<?, ?> run) throws IOException {
        String text = credentialsLookup.secretText(id, run);
        if (text == null) {
            throw new AbortException("externalIdCredentialsId '" + id + "' does not name a 'Secret text' credential that this"
                    + " job may use. Add one holding the external id, or give externalId in plain text (it is not a secret"
                    + " to AWS, but then it is visible in the Pipeline's step arguments).");
        }
        return text;
    }

    /** FAIL throws; UNSTABLE marks the stage and the build the way the {@code unstable} step does; SUCCESS returns. */
    private static Map<String, Object> carryOut(StepOutcome outcome, Run<?, ?> run, StepContext context, PrintStream log,
                                                LinkedHashMap<String, Object> map) throws IOException, InterruptedException {
        switch (outcome.kind()) {
            case FAIL:
                throw new AbortException(outcome.message());
            case UNSTABLE:
                FlowNode node = context.get(FlowNode.class);
                if (node != null) {
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(firstLine(outcome.message())));
                }
                run.setResult(Result.UNSTABLE);
                log.println("WARNING: " + outcome.message());
                return map;
            default:
                if (outcome.message() != null) {
                    log.println(outcome.message());
                }
                return map;
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The production lookup: credentials visible to the run, recorded as used by it. */
    static final class JenkinsCredentials implements CredentialsLookup {
        @Override
        public AwsCredentialsProvider aws(String credentialsId, Run<?, ?> run) {
            AmazonWebServicesCredentials credential =
                    CredentialsProvider.findCredentialById(credentialsId, AmazonWebServicesCredentials.class, run);
            if (credential != null) {
                CredentialsProvider.track(run, credential);
            }
            return credential;
        }

        @Override
        public String secretText(String credentialsId, Run<?, ?> run) {
            StringCredentials credential = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run);
            if (credential == null) {
                return null;
            }
            CredentialsProvider.track(run, credential);
            return credential.getSecret().getPlainText();
        }
    }
}
