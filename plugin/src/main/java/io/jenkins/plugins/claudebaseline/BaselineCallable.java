package io.jenkins.plugins.claudebaseline;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.claudebaseline.aws.AwsOperationException;
import io.claudebaseline.config.ConfigException;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.render.TemplateException;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import jenkins.MasterToSlaveFileCallable;

/**
 * The whole engine run, sent to the node that holds the workspace ({@code workspace.act(...)}, as pipeline-aws's S3
 * steps do): it resolves the config and templates inside the workspace there, chooses the identity there
 * ({@link NodeIdentity}), runs the engine there — AWS calls leave from that node — and writes output and reports
 * there. Nothing but this object goes to the node and nothing but the {@link NodeOutcome} comes back: no file crosses
 * to the controller. Progress lines go to the build log through the listener, which remoting streams back.
 *
 * <p>Every field is a plain serialisable value: the arguments, the build's {@code AWS_*} variables, the credential's
 * resolved values, the external id. Engine errors become {@link AbortException}s here, with the message written for
 * people, so the build fails without a stack trace.
 */
final class BaselineCallable extends MasterToSlaveFileCallable<NodeOutcome> {

    private static final long serialVersionUID = 1L;

    private final StepParameters params;
    private final TreeMap<String, String> awsEnv;
    private final SessionCredentials credentials;
    private final String externalId;
    private final boolean onController;
    private final TaskListener listener;
    private final EngineFactory engines;

    /**
     * @param params       checked arguments
     * @param awsEnv       the build's {@code AWS_*} variables
     * @param credentials  the values of {@code credentialsId}, or null
     * @param externalId   the external id to present, or null
     * @param onController the workspace is on the controller (built-in node): its default chain is refused
     * @param listener     the build log
     * @param engines      makes the engine on the node
     */
    BaselineCallable(StepParameters params, TreeMap<String, String> awsEnv, SessionCredentials credentials, String externalId,
                     boolean onController, TaskListener listener, EngineFactory engines) {
        this.params = params;
        this.awsEnv = awsEnv;
        this.credentials = credentials;
        this.externalId = externalId;
        this.onController = onController;
        this.listener = listener;
        this.engines = engines;
    }

    @Override
    public NodeOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        WorkspaceFiles files = WorkspaceFiles.resolve(workspace.toPath(), params);
        boolean needsAws = params.parsedAction().needsAws();
        NodeIdentity identity = needsAws
                ? NodeIdentity.choose(credentials, params.credentialsId(), awsEnv, onController, params.roleArn())
                : new NodeIdentity(null, AwsEnvironment.select(awsEnv, false), null);
        EngineRequest request = EngineRequestMapper.map(params, files, identity, externalId);
        log.println("claude-baseline " + request.action().id() + ": config " + params.config()
                + (needsAws ? "; " + identity.source() : ""));

        EngineResult result;
        Set<String> logged = new HashSet<>();
        try {
            result = engines.create().run(request, line -> {
                String text = files.workspaceText(line);
                logged.add(text);
                log.println(text);
            });
        } catch (ConfigException | AwsOperationException | TemplateException | IllegalArgumentException e) {
            // Validation, template, settings (endpointUrl, region, roleArn, account) and AWS errors are written for
            // people: show them as the failure, without a stack trace.
            throw new AbortException(files.workspaceText(e.getMessage()));
        } catch (NoSuchFileException e) {
            throw new AbortException("file not found: " + files.workspaceText(e.getFile()));
        } catch (InterruptedIOException e) {
            throw e; // the build was aborted: not a file problem
        } catch (IOException e) {
            // As the CLI does: a file the engine could not read or write is the user's to fix, named in the message.
            throw new AbortException(files.workspaceText(String.valueOf(e.getMessage())));
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("claude-baseline failed: " + e, e);
        }
        String summary = files.workspaceText(result.summary());
        if (summary != null && !logged.contains(summary)) {
            log.println(summary); // unless the engine already reported it as progress
        }
        return new NodeOutcome(ResultMapper.toMap(result, files), StepOutcome.decide(result, params.parsedOnDrift()),
                BuildSummary.of(result, files, params));
    }
}
