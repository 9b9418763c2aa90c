package io.jenkins.plugins.claudebaseline;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
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
                externalId, externalIdCredentialsId, endpointUrl, allowInsecureEndpoint, dryRun, onDrift, account);
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
    }
}
