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
import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.config.ConfigException;
import io.claudebaseline.engine.api.Engine;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.render.TemplateException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Runs one {@code claudeBaseline} step on a pool thread of the controller (AWS calls must not block the CPS thread).
 * Jenkins glue only: it fetches the context, resolves the Jenkins credential, copies files between the workspace
 * (possibly on an agent) and a {@link LocalWorkArea}, calls the {@link Engine}, and carries out the
 * {@link StepOutcome}. Not resumable across a controller restart, like every synchronous step: the run fails then.
 */
@SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
        justification = "Synchronous steps are not resumed after a restart; the fields are only used while running.")
final class ClaudeBaselineExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** Finds the AWS credential behind a {@code credentialsId}; tests substitute it. */
    @FunctionalInterface
    interface CredentialsLookup {
        /** @return the credential as an SDK v2 provider, or null when no such AWS credential is visible to the run */
        AwsCredentialsProvider find(String credentialsId, Run<?, ?> run) throws IOException;
    }

    private final transient ClaudeBaselineStep step;
    private final transient Engine engine;
    private final transient CredentialsLookup credentialsLookup;

    ClaudeBaselineExecution(ClaudeBaselineStep step, StepContext context, Engine engine, CredentialsLookup credentialsLookup) {
        super(context);
        this.step = step;
        this.engine = engine;
        this.credentialsLookup = credentialsLookup;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        PrintStream log = listener.getLogger();
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

        AwsCredentialsProvider credentials = null;
        if (params.credentialsId() != null) {
            credentials = credentialsLookup.find(params.credentialsId(), run);
            if (credentials == null) {
                throw new AbortException("credentialsId '" + params.credentialsId() + "' does not name an AWS credential"
                        + " (kind 'AWS Credentials', aws-credentials plugin) that this job may use. Add it under"
                        + " Manage Jenkins » Credentials, or leave credentialsId out to use the AWS_* variables of"
                        + " withAWS/withCredentials or the controller's default chain.");
            }
        }

        try (LocalWorkArea area = LocalWorkArea.create(params)) {
            copyInputs(workspace, params, area);
            EngineRequest request = EngineRequestMapper.map(params, area, env, credentials);
            log.println("claude-baseline " + request.action().id() + ": config " + params.config()
                    + (request.action().needsAws()
                        ? "; " + AwsEnvironment.describeSource(params.credentialsId(), request.environment(), params.roleArn())
                        : ""));

            EngineResult result;
            Set<String> logged = new HashSet<>();
            try {
                result = engine.run(request, line -> {
                    String text = area.toWorkspaceText(line);
                    logged.add(text);
                    log.println(text);
                });
            } catch (ConfigException | AwsOperationException | TemplateException | IllegalArgumentException e) {
                // Validation, template, settings (endpointUrl, region, roleArn, account) and AWS errors are written for
                // people: show them as the failure, without a stack trace.
                throw new AbortException(area.toWorkspaceText(e.getMessage()));
            } catch (NoSuchFileException e) {
                throw new AbortException("file not found: " + area.toWorkspaceText(e.getFile()));
            } catch (InterruptedIOException e) {
                throw e; // the build was aborted: not a file problem
            } catch (IOException e) {
                // As the CLI does: a file the engine could not read or write is the user's to fix, named in the message.
                throw new AbortException(area.toWorkspaceText(String.valueOf(e.getMessage())));
            }

            copyOutputs(workspace, params, area, log);
            LinkedHashMap<String, Object> map = ResultMapper.toMap(result, area);
            String summary = area.toWorkspaceText(result.summary());
            if (summary != null && !logged.contains(summary)) {
                log.println(summary); // unless the engine already reported it as progress
            }
            return carryOut(StepOutcome.decide(result, params.parsedOnDrift()), run, context, log, map);
        }
    }

    /** Copies the config (and template overrides) from the workspace, byte for byte: the engine reads them as UTF-8. */
    private static void copyInputs(FilePath workspace, StepParameters params, LocalWorkArea area)
            throws IOException, InterruptedException {
        FilePath config = workspace.child(params.config());
        if (!config.exists() || config.isDirectory()) {
            throw new AbortException("config: " + params.config() + " is not a file in the workspace " + workspace.getRemote()
                    + ". Check out the repository first, or set config: 'path/to/claude-baseline.yaml'.");
        }
        config.copyTo(new FilePath(area.configFile().toFile()));
        if (params.templatesDir() != null) {
            FilePath templates = workspace.child(params.templatesDir());
            if (!templates.isDirectory()) {
                throw new AbortException("templatesDir: " + params.templatesDir() + " is not a directory in the workspace "
                        + workspace.getRemote() + ".");
            }
            templates.copyRecursiveTo(new FilePath(area.templatesDir().toFile()));
        }
    }

    /** Copies what the engine wrote back into the workspace. Existing files there are overwritten, never deleted. */
    private static void copyOutputs(FilePath workspace, StepParameters params, LocalWorkArea area, PrintStream log)
            throws IOException, InterruptedException {
        copyBack(area.outputDir(), workspace, params.effectiveOutputDir(), log);
        copyBack(area.reportDir(), workspace, params.effectiveReportDir(), log);
    }

    private static void copyBack(Path local, FilePath workspace, String workspaceDir, PrintStream log)
            throws IOException, InterruptedException {
        if (local == null || !Files.isDirectory(local) || isEmpty(local)) {
            return;
        }
        FilePath target = workspace.child(workspaceDir);
        target.mkdirs();
        int files = new FilePath(local.toFile()).copyRecursiveTo(target);
        log.println("claude-baseline: wrote " + files + (files == 1 ? " file" : " files") + " to " + workspaceDir);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
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

    /** The production lookup: an aws-credentials credential visible to the run, recorded as used by it. */
    static AwsCredentialsProvider findJenkinsCredential(String credentialsId, Run<?, ?> run) {
        AmazonWebServicesCredentials credential =
                CredentialsProvider.findCredentialById(credentialsId, AmazonWebServicesCredentials.class, run);
        if (credential != null) {
            CredentialsProvider.track(run, credential);
        }
        return credential;
    }
}
