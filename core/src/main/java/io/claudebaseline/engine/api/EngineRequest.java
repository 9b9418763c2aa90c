package io.claudebaseline.engine.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything one engine run needs; the CLI's options and the Jenkins step's parameters map one-to-one onto it.
 *
 * @param action       what to do
 * @param configPath   the config file
 * @param outputDir    where render writes artifacts and apply writes its pre-change snapshot and plan
 * @param reportDir    where verify/simulate write report.json, junit.xml and summary.md
 * @param templatesDir a directory of Mustache templates that override the bundled ones (null: bundled only)
 * @param region       default region (null: AWS_REGION / AWS_DEFAULT_REGION from {@code environment})
 * @param endpointUrl  overrides every AWS endpoint (null: AWS_ENDPOINT_URL from {@code environment}, else real AWS)
 * @param profile      named profile for credentials (null: AWS_PROFILE / default chain)
 * @param roleArn      role to assume before any other call (null: none)
 * @param externalId   external id for {@code roleArn}
 * @param environment  variables such as AWS_ACCESS_KEY_ID from the caller (the Jenkins build's EnvVars); may be empty
 * @param dryRun       apply: plan and report only
 * @param planFile     plan: also write the plan as JSON here (null: outputDir/plan.json when outputDir is set)
 * @param account      verify: answer for one member account only (null: the whole organisation)
 * @param credentials  explicit credentials (the Jenkins step's credentialsId); null: environment, profile, default chain
 * @param allowInsecureEndpoint allow a plain {@code http://} endpoint on a host that is not loopback (with a warning);
 *                     see {@link io.claudebaseline.aws.EndpointRule}
 */
public record EngineRequest(
        Action action,
        Path configPath,
        Path outputDir,
        Path reportDir,
        Path templatesDir,
        String region,
        String endpointUrl,
        String profile,
        String roleArn,
        String externalId,
        Map<String, String> environment,
        boolean dryRun,
        Path planFile,
        String account,
        software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials,
        boolean allowInsecureEndpoint) {

    public EngineRequest {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    public static Builder builder(Action action, Path configPath) {
        return new Builder(action, configPath);
    }

    /** Builder, because most runs set only a few of the fields. */
    public static final class Builder {
        private final Action action;
        private final Path configPath;
        private Path outputDir;
        private Path reportDir;
        private Path templatesDir;
        private String region;
        private String endpointUrl;
        private String profile;
        private String roleArn;
        private String externalId;
        private Map<String, String> environment = Map.of();
        private boolean dryRun;
        private Path planFile;
        private String account;
        private software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials;
        private boolean allowInsecureEndpoint;

        private Builder(Action action, Path configPath) {
            this.action = action;
            this.configPath = configPath;
        }

        public Builder outputDir(Path v) { this.outputDir = v; return this; }
        public Builder reportDir(Path v) { this.reportDir = v; return this; }
        public Builder templatesDir(Path v) { this.templatesDir = v; return this; }
        public Builder region(String v) { this.region = v; return this; }
        public Builder endpointUrl(String v) { this.endpointUrl = v; return this; }
        public Builder profile(String v) { this.profile = v; return this; }
        public Builder roleArn(String v) { this.roleArn = v; return this; }
        public Builder externalId(String v) { this.externalId = v; return this; }
        public Builder environment(Map<String, String> v) { this.environment = v; return this; }
        public Builder dryRun(boolean v) { this.dryRun = v; return this; }
        public Builder planFile(Path v) { this.planFile = v; return this; }
        public Builder account(String v) { this.account = v; return this; }
        public Builder credentials(software.amazon.awssdk.auth.credentials.AwsCredentialsProvider v) { this.credentials = v; return this; }
        public Builder allowInsecureEndpoint(boolean v) { this.allowInsecureEndpoint = v; return this; }

        public EngineRequest build() {
            return new EngineRequest(action, configPath, outputDir, reportDir, templatesDir, region, endpointUrl,
                    profile, roleArn, externalId, environment, dryRun, planFile, account, credentials, allowInsecureEndpoint);
        }
    }
}
