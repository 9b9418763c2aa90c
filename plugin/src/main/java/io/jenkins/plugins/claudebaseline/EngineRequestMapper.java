package io.jenkins.plugins.claudebaseline;

import io.claudebaseline.engine.api.EngineRequest;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Maps the step's arguments onto the engine's one request type, with the local paths of the {@link LocalWorkArea}.
 * Credentials, in the order the engine applies them: {@code credentials} (the Jenkins credential named by
 * {@code credentialsId}), else the {@code AWS_*} variables of the build's environment, else the controller's default
 * chain; then {@code roleArn} is assumed.
 */
public final class EngineRequestMapper {

    private EngineRequestMapper() {
    }

    /**
     * @param params      checked arguments ({@link StepParameters#check()} passed)
     * @param area        local copies and output locations
     * @param buildEnv    the step's EnvVars (may hold AWS_* from withAWS / withCredentials)
     * @param credentials the resolved Jenkins credential, or null when {@code credentialsId} was not given
     */
    public static EngineRequest map(StepParameters params, LocalWorkArea area, Map<String, String> buildEnv,
                                    AwsCredentialsProvider credentials) {
        return EngineRequest.builder(params.parsedAction(), area.configFile())
                .outputDir(area.outputDir())
                .reportDir(area.reportDir())
                .templatesDir(area.templatesDir())
                .region(params.region())
                .endpointUrl(params.endpointUrl())
                .roleArn(params.roleArn())
                .externalId(params.externalId())
                .environment(AwsEnvironment.select(buildEnv, credentials != null))
                .dryRun(params.dryRun())
                .account(params.account())
                .credentials(credentials)
                .build();
    }
}
