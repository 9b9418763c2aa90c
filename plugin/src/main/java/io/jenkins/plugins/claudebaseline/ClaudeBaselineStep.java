package io.jenkins.plugins.claudebaseline;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.core.Authentication;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The {@code claudeBaseline} Pipeline step: renders, plans, applies or verifies the Claude Platform security baseline.
 * <pre>
 * def r = claudeBaseline action: 'verify', config: 'claude-baseline.yaml', reportDir: 'reports', onDrift: 'unstable'
 * </pre>
 * Every argument is optional and maps one-to-one onto a CLI option; this class only holds them. The work happens in
 * {@link ClaudeBaselineExecution}, which delegates every decision that needs no Jenkins type to plain classes
 * ({@link StepParameters}, {@link EngineRequestMapper}, {@link ResultMapper}, {@link StepOutcome}).
 */
public class ClaudeBaselineStep extends Step {

    private String action = StepParameters.DEFAULT_ACTION;
    private String config = StepParameters.DEFAULT_CONFIG;
    private String outputDir;
    private String reportDir;
    private String templatesDir;
    private String region;
    private String credentialsId;
    private String roleArn;
    private String externalId;
    private String externalIdCredentialsId;
    private String endpointUrl;
    private boolean allowInsecureEndpoint;
    private boolean dryRun;
    private String onDrift;
    private String account;
    private String require;
    private boolean ignoreExceptions;
    private String deniedAttempts;
    private String deniedAttemptsLevel;
    private String since;
    private String from;
    private String to;
    private String source;
    private String emitSql;
    private String athenaTable;
    private String fromResults;

    /** All arguments are optional: {@code claudeBaseline()} verifies {@code claude-baseline.yaml}. */
    @DataBoundConstructor
    public ClaudeBaselineStep() {
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new ClaudeBaselineExecution(this, context, EngineFactory.Bundled.INSTANCE,
                new ClaudeBaselineExecution.JenkinsCredentials(), System.getenv());
    }

    /** The arguments as checked-later plain values. */
    StepParameters parameters() {
        return new StepParameters(action, config, outputDir, reportDir, templatesDir, region, credentialsId, roleArn,
                externalId, externalIdCredentialsId, endpointUrl, allowInsecureEndpoint, dryRun, onDrift, account, require, ignoreExceptions, deniedAttempts, deniedAttemptsLevel,
                since, from, to, source, emitSql, athenaTable, fromResults);
    }

    public String getAction() {
        return action;
    }

    /** validate, render, simulate, plan, apply or verify. */
    @DataBoundSetter
    public void setAction(String action) {
        this.action = orDefault(action, StepParameters.DEFAULT_ACTION);
    }

    public String getConfig() {
        return config;
    }

    /** The config file, relative to the workspace, read as UTF-8. */
    @DataBoundSetter
    public void setConfig(String config) {
        this.config = orDefault(config, StepParameters.DEFAULT_CONFIG);
    }

    public String getOutputDir() {
        return outputDir;
    }

    @DataBoundSetter
    public void setOutputDir(String outputDir) {
        this.outputDir = StepParameters.blankToNull(outputDir);
    }

    public String getReportDir() {
        return reportDir;
    }

    @DataBoundSetter
    public void setReportDir(String reportDir) {
        this.reportDir = StepParameters.blankToNull(reportDir);
    }

    public String getTemplatesDir() {
        return templatesDir;
    }

    @DataBoundSetter
    public void setTemplatesDir(String templatesDir) {
        this.templatesDir = StepParameters.blankToNull(templatesDir);
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = StepParameters.blankToNull(region);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = StepParameters.blankToNull(credentialsId);
    }

    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = StepParameters.blankToNull(roleArn);
    }

    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(String externalId) {
        this.externalId = StepParameters.blankToNull(externalId);
    }

    public String getExternalIdCredentialsId() {
        return externalIdCredentialsId;
    }

    /** A "Secret text" credential holding the external id: kept out of the step's recorded arguments. */
    @DataBoundSetter
    public void setExternalIdCredentialsId(String externalIdCredentialsId) {
        this.externalIdCredentialsId = StepParameters.blankToNull(externalIdCredentialsId);
    }

    public boolean isAllowInsecureEndpoint() {
        return allowInsecureEndpoint;
    }

    /** Allows plain http:// to a host that is not loopback (with a warning in the log). */
    @DataBoundSetter
    public void setAllowInsecureEndpoint(boolean allowInsecureEndpoint) {
        this.allowInsecureEndpoint = allowInsecureEndpoint;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = StepParameters.blankToNull(endpointUrl);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getOnDrift() {
        return onDrift;
    }

    /** fail, unstable or ignore; unset means the action's default (verify/simulate: fail; plan/apply: ignore). */
    @DataBoundSetter
    public void setOnDrift(String onDrift) {
        this.onDrift = StepParameters.blankToNull(onDrift);
    }

    public String getAccount() {
        return account;
    }

    @DataBoundSetter
    public void setAccount(String account) {
        this.account = StepParameters.blankToNull(account);
    }

    // Parameters mapped from the engine request fields other issues added (CLI: verify --require, --no-exceptions,
    // --denied-attempts[-level]; usage --since/--from/--to/--source/--emit-sql/--athena-table/--from-results).

    public String getRequire() {
        return require;
    }

    @DataBoundSetter
    public void setRequire(String require) {
        this.require = StepParameters.blankToNull(require);
    }

    public boolean isIgnoreExceptions() {
        return ignoreExceptions;
    }

    @DataBoundSetter
    public void setIgnoreExceptions(boolean ignoreExceptions) {
        this.ignoreExceptions = ignoreExceptions;
    }

    public String getDeniedAttempts() {
        return deniedAttempts;
    }

    @DataBoundSetter
    public void setDeniedAttempts(String deniedAttempts) {
        this.deniedAttempts = StepParameters.blankToNull(deniedAttempts);
    }

    public String getDeniedAttemptsLevel() {
        return deniedAttemptsLevel;
    }

    @DataBoundSetter
    public void setDeniedAttemptsLevel(String deniedAttemptsLevel) {
        this.deniedAttemptsLevel = StepParameters.blankToNull(deniedAttemptsLevel);
    }

    public String getSince() {
        return since;
    }

    @DataBoundSetter
    public void setSince(String since) {
        this.since = StepParameters.blankToNull(since);
    }

    public String getFrom() {
        return from;
    }

    @DataBoundSetter
    public void setFrom(String from) {
        this.from = StepParameters.blankToNull(from);
    }

    public String getTo() {
        return to;
    }

    @DataBoundSetter
    public void setTo(String to) {
        this.to = StepParameters.blankToNull(to);
    }

    public String getSource() {
        return source;
    }

    @DataBoundSetter
    public void setSource(String source) {
        this.source = StepParameters.blankToNull(source);
    }

    public String getEmitSql() {
        return emitSql;
    }

    @DataBoundSetter
    public void setEmitSql(String emitSql) {
        this.emitSql = StepParameters.blankToNull(emitSql);
    }

    public String getAthenaTable() {
        return athenaTable;
    }

    @DataBoundSetter
    public void setAthenaTable(String athenaTable) {
        this.athenaTable = StepParameters.blankToNull(athenaTable);
    }

    public String getFromResults() {
        return fromResults;
    }

    @DataBoundSetter
    public void setFromResults(String fromResults) {
        this.fromResults = StepParameters.blankToNull(fromResults);
    }

    private static String orDefault(String value, String dflt) {
        String v = StepParameters.blankToNull(value);
        return v == null ? dflt : v;
    }

    /** Registers the step under the name {@code claudeBaseline}. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {

        public static final String FUNCTION_NAME = "claudeBaseline";

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @Override
        public String getDisplayName() {
            return "Claude Platform security baseline: render, plan, apply or verify";
        }

        /**
         * The workspace ({@link FilePath}) is needed to read the config and write reports, so the step runs inside
         * {@code node}; Pipeline names the missing context if it is used outside one.
         */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class, EnvVars.class, Run.class, FilePath.class);
        }

        /**
         * Shown in the Pipeline graph next to the step: the action and config, never a credential id's secret or the
         * external id (which Pipeline would otherwise show as the step's description when it is the only argument).
         */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            Object action = namedArgs.get("action");
            Object config = namedArgs.get("config");
            return (action == null ? StepParameters.DEFAULT_ACTION : action.toString())
                    + (config == null ? "" : " " + config);
        }

        /** Snippet Generator drop-down for {@code action}. */
        public ListBoxModel doFillActionItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("verify: check the live organisation against the baseline", "verify");
            items.add("render: write SCP JSON, CloudTrail selectors and Terraform", "render");
            items.add("plan: list the changes apply would make", "plan");
            items.add("apply: make those changes", "apply");
            items.add("validate: check the config only", "validate");
            items.add("simulate: evaluate deny scenarios against the rendered SCPs", "simulate");
            // Added with Action.USAGE (issue 14) so the step's drop-down keeps offering every action; its window
            // parameters are the jenkins helper's to map (until then the engine's default: the last 90 days).
            items.add("usage: read the trail back, per-workspace principals and a tightened allow-list", "usage");
            items.add("destroy: detach and delete the SCPs this tool made and remove its own trail selectors", "destroy");
            return items;
        }

        /** Snippet Generator drop-down for {@code onDrift}; the empty value keeps the action's default. */
        public ListBoxModel doFillOnDriftItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("(default: fail for verify/simulate, ignore for plan/apply)", "");
            items.add("fail the build", "fail");
            items.add("mark the build unstable", "unstable");
            items.add("only report", "ignore");
            return items;
        }

        /** Snippet Generator drop-down for {@code deniedAttemptsLevel}. */
        public ListBoxModel doFillDeniedAttemptsLevelItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("WARN: report them, the run stays compliant", "WARN");
            items.add("FAIL: they make verify non-compliant", "FAIL");
            return items;
        }

        /** Snippet Generator drop-down for usage's {@code source}. */
        public ListBoxModel doFillSourceItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("auto: the trail's log group if it has one, else its S3 bucket", "auto");
            items.add("s3: the trail's S3 bucket", "s3");
            items.add("logs: the trail's CloudWatch Logs group", "logs");
            return items;
        }

        /** Snippet Generator drop-down for {@code credentialsId}: the AWS credentials the job may use. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return credentialItems(item, credentialsId, AmazonWebServicesCredentials.class);
        }

        /** Names a missing credential, or one of another kind. */
        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return checkCredential(item, value, "credentialsId", AmazonWebServicesCredentials.class, "AWS Credentials");
        }

        /** Drop-down for {@code externalIdCredentialsId}: the "Secret text" credentials the job may use. */
        @POST
        public ListBoxModel doFillExternalIdCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String externalIdCredentialsId) {
            return credentialItems(item, externalIdCredentialsId, StringCredentials.class);
        }

        @POST
        public FormValidation doCheckExternalIdCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return checkCredential(item, value, "externalIdCredentialsId", StringCredentials.class, "Secret text");
        }

        private static ListBoxModel credentialItems(Item item, String current, Class<? extends StandardCredentials> type) {
            StandardListBoxModel result = new StandardListBoxModel();
            String value = current == null ? "" : current;
            if (!mayList(item)) {
                return result.includeCurrentValue(value);
            }
            return result.includeEmptyValue()
                    .includeMatchingAs(buildIdentity(item), item, type, List.of(), CredentialsMatchers.always())
                    .includeCurrentValue(value);
        }

        private static FormValidation checkCredential(Item item, String value, String field, Class<? extends IdCredentials> type,
                                                      String kind) {
            if (!mayList(item) || value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            Authentication identity = buildIdentity(item);
            boolean ofKind = !value.startsWith("${") && !CredentialsProvider.listCredentialsInItem(type, item, identity, List.of(),
                    CredentialsMatchers.withId(value)).isEmpty();
            boolean ofAnyKind = ofKind || !value.startsWith("${") && !CredentialsProvider.listCredentialsInItem(StandardCredentials.class,
                    item, identity, List.of(), CredentialsMatchers.withId(value)).isEmpty();
            CredentialsField.Check check = CredentialsField.check(field, value, ofKind, ofAnyKind, kind);
            return switch (check.verdict()) {
                case OK -> FormValidation.ok();
                case WARNING -> FormValidation.warning(check.message());
                case ERROR -> FormValidation.error(check.message());
            };
        }

        private static boolean mayList(Item item) {
            return item == null
                    ? CredentialsField.mayList(true, Jenkins.get().hasPermission(Jenkins.ADMINISTER), false, false)
                    : CredentialsField.mayList(false, false, item.hasPermission(Item.EXTENDED_READ),
                            item.hasPermission(CredentialsProvider.USE_ITEM));
        }

        /** The identity the job's builds run as (what they may use), as the consumer guide says; SYSTEM outside a job. */
        private static Authentication buildIdentity(Item item) {
            return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        }
    }
}
