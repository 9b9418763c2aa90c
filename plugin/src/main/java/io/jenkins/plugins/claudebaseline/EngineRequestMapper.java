package io.jenkins.plugins.claudebaseline;

import io.claudebaseline.engine.api.EngineRequest;

/**
 * Maps the step's arguments onto the engine's one request type, with the node's real paths ({@link WorkspaceFiles})
 * and the identity chosen there ({@link NodeIdentity}).
 */
public final class EngineRequestMapper {

    private EngineRequestMapper() {
    }

    /**
     * @param params     checked arguments ({@link StepParameters#check()} passed)
     * @param files      the resolved workspace files
     * @param identity   credentials and {@code AWS_*} variables for the engine
     * @param externalId the external id (plain or from {@code externalIdCredentialsId}), or null
     */
    public static EngineRequest map(StepParameters params, WorkspaceFiles files, NodeIdentity identity, String externalId) {
        return EngineRequest.builder(params.parsedAction(), files.config())
                .outputDir(files.outputDir())
                .reportDir(files.reportDir())
                .templatesDir(files.templatesDir())
                .region(params.region())
                .endpointUrl(params.endpointUrl())
                .allowInsecureEndpoint(params.allowInsecureEndpoint())
                .roleArn(params.roleArn())
                .externalId(externalId)
                .environment(identity.environment())
                .dryRun(params.dryRun())
                .account(params.account())
                .credentials(identity.credentials())
                .require(params.requireList())
                .ignoreExceptions(params.ignoreExceptions())
                .deniedAttempts(params.parsedDeniedAttempts())
                .deniedAttemptsLevel(params.parsedDeniedAttemptsLevel())
                .usage(params.usageWindow(files.fromResults()))
                .build();
    }
}
