package io.claudebaseline.engine.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything one engine run needs; the CLI's options and the Jenkins step's parameters map one-to-one onto it.
 *
 * @param action       what to do
 * @param configPath   the config file
 * @param outputDir    where render writes artifacts and apply writes its pre-change snapshot and plan
 * @param reportDir    where verify/simulate write their reports (report.html/.css, report.sarif, report.json, junit.xml, summary.md)
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
 * @param require      verify: control ids ({@code io.claudebaseline.model.Control}) the gate depends on; each fails
 *                     verify unless the config enables it and it is in place live. Empty: none
 * @param allowInsecureEndpoint allow a plain {@code http://} endpoint on a host that is not loopback (with a warning);
 *                     see {@link io.claudebaseline.aws.EndpointRule}
 * @param ignoreExceptions verify: report the raw state, with the config's exceptions listed but not applied
 * @param usage        usage: the window and where the events come from; verify: none (see {@code deniedAttempts})
 * @param deniedAttempts      verify: also check the trail for denied attempts on protected workspaces within this
 *                            much time before now (null: off)
 * @param deniedAttemptsLevel verify: WARN (default) or FAIL when that check finds denied attempts
 * @param sarifFile    validate/render: also write the config's problems (errors and warnings) as SARIF 2.1.0 here,
 *                     written even when the config is invalid, for pull-request checks (null: none)
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
        java.util.List<String> require,
        boolean allowInsecureEndpoint,
        boolean ignoreExceptions,
        UsageWindow usage,
        java.time.Duration deniedAttempts,
        io.claudebaseline.verify.CheckStatus deniedAttemptsLevel,
        Path sarifFile) {

    public EngineRequest {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        require = require == null ? java.util.List.of() : java.util.List.copyOf(require);
        usage = usage == null ? UsageWindow.DEFAULT : usage;
        deniedAttemptsLevel = deniedAttemptsLevel == null ? io.claudebaseline.verify.CheckStatus.WARN : deniedAttemptsLevel;
    }

    /**
     * What {@code usage} reads: a window (either {@code since}, ending now, or {@code from}/{@code to}), the source
     * ({@code auto}: the trail's CloudWatch Logs group when it has one, else its S3 bucket; {@code s3}; {@code logs}),
     * and the two ways around reading the trail: print the Athena query ({@code emitSql}, e.g. {@code athena}, over
     * the table {@code athenaTable}, default {@code cloudtrail_logs}) or read that query's CSV result
     * ({@code fromResults}). All null means the last 90 days from the trail.
     */
    public record UsageWindow(java.time.Duration since, java.time.Instant from, java.time.Instant to, String source,
                              String emitSql, String athenaTable, Path fromResults) {
        public static final UsageWindow DEFAULT = new UsageWindow(null, null, null, null, null, null, null);
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
        private java.util.List<String> require = java.util.List.of();
        private boolean allowInsecureEndpoint;
        private boolean ignoreExceptions;
        private UsageWindow usage;
        private java.time.Duration deniedAttempts;
        private io.claudebaseline.verify.CheckStatus deniedAttemptsLevel;
        private Path sarifFile;

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
        public Builder require(java.util.List<String> v) { this.require = v; return this; }
        public Builder allowInsecureEndpoint(boolean v) { this.allowInsecureEndpoint = v; return this; }
        public Builder ignoreExceptions(boolean v) { this.ignoreExceptions = v; return this; }
        public Builder usage(UsageWindow v) { this.usage = v; return this; }
        public Builder deniedAttempts(java.time.Duration v) { this.deniedAttempts = v; return this; }
        public Builder deniedAttemptsLevel(io.claudebaseline.verify.CheckStatus v) { this.deniedAttemptsLevel = v; return this; }
        public Builder sarifFile(Path v) { this.sarifFile = v; return this; }

        public EngineRequest build() {
            return new EngineRequest(action, configPath, outputDir, reportDir, templatesDir, region, endpointUrl,
                    profile, roleArn, externalId, environment, dryRun, planFile, account, credentials, require, allowInsecureEndpoint,
                    ignoreExceptions, usage, deniedAttempts, deniedAttemptsLevel, sarifFile);
        }
    }
}
