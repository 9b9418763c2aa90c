package io.jenkins.plugins.claudebaseline;

import io.claudebaseline.aws.EndpointRule;
import io.claudebaseline.engine.api.Action;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code claudeBaseline} step's arguments as plain values, normalised (trimmed, blank → null) and checked before
 * anything is read or called. Paths are as the user wrote them, relative to the workspace. Serialisable: they travel
 * to the node that runs the engine ({@link BaselineCallable}); {@link #toString()} hides the external id.
 *
 * @param action       validate, render, simulate, plan, apply or verify (default verify)
 * @param config       the config file in the workspace (default {@value #DEFAULT_CONFIG})
 * @param outputDir    render/plan/apply output directory in the workspace (see {@link #effectiveOutputDir()})
 * @param reportDir    verify/simulate report directory in the workspace (see {@link #effectiveReportDir()})
 * @param templatesDir a directory of template overrides in the workspace
 * @param region       default AWS region
 * @param credentialsId an aws-credentials credential id
 * @param roleArn      role to assume first
 * @param externalId   external id for {@code roleArn}, given in plain text
 * @param externalIdCredentialsId a "Secret text" credential holding the external id instead
 * @param endpointUrl  overrides every AWS endpoint (tests, private endpoints)
 * @param allowInsecureEndpoint allow plain {@code http://} to a host that is not loopback (see {@link EndpointRule})
 * @param dryRun       apply: plan only
 * @param onDrift      fail, unstable or ignore (null: the action's default, see {@link DriftPolicy#effective})
 * @param account      verify one member account only
 * @param require      verify: comma-separated control ids the gate depends on (CLI {@code --require})
 * @param ignoreExceptions verify: apply none of the config's exceptions (CLI {@code --no-exceptions})
 * @param deniedAttempts verify: also check the trail's refused Claude calls of this last stretch (24h, 7d)
 * @param deniedAttemptsLevel WARN (default) or FAIL when {@code deniedAttempts} finds any
 * @param since        usage: window ending now (90d, 24h, P90D; default 90d)
 * @param from         usage: window start (UTC date or instant)
 * @param to           usage: window end, exclusive (needs {@code from})
 * @param source       usage: auto, s3 or logs
 * @param emitSql      usage: print the Athena query instead (athena); no AWS call
 * @param athenaTable  usage: the table that query reads
 * @param fromResults  usage: a workspace CSV file, the result of that query, analysed instead of the trail
 */
public record StepParameters(
        String action,
        String config,
        String outputDir,
        String reportDir,
        String templatesDir,
        String region,
        String credentialsId,
        String roleArn,
        String externalId,
        String externalIdCredentialsId,
        String endpointUrl,
        boolean allowInsecureEndpoint,
        boolean dryRun,
        String onDrift,
        String account,
        String require,
        boolean ignoreExceptions,
        String deniedAttempts,
        String deniedAttemptsLevel,
        String since,
        String from,
        String to,
        String source,
        String emitSql,
        String athenaTable,
        String fromResults) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_ACTION = "verify";
    public static final String DEFAULT_CONFIG = "claude-baseline.yaml";
    /** Defaults shared with the CLI: {@code render --out}, {@code apply --out}, {@code verify --report-dir}. */
    public static final String DEFAULT_OUTPUT_DIR = "baseline";
    public static final String DEFAULT_APPLY_DIR = "claude-baseline-apply";
    public static final String DEFAULT_DESTROY_DIR = "claude-baseline-destroy";
    public static final String DEFAULT_REPORT_DIR = "claude-baseline-report";
    /** {@code usage --report-dir}'s default. */
    public static final String DEFAULT_USAGE_REPORT_DIR = "claude-baseline-usage";

    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    public StepParameters {
        action = blankToNull(action) == null ? DEFAULT_ACTION : action.trim();
        config = blankToNull(config) == null ? DEFAULT_CONFIG : config.trim();
        outputDir = blankToNull(outputDir);
        reportDir = blankToNull(reportDir);
        templatesDir = blankToNull(templatesDir);
        region = blankToNull(region);
        credentialsId = blankToNull(credentialsId);
        roleArn = blankToNull(roleArn);
        externalId = blankToNull(externalId);
        externalIdCredentialsId = blankToNull(externalIdCredentialsId);
        endpointUrl = blankToNull(endpointUrl);
        onDrift = blankToNull(onDrift);
        account = blankToNull(account);
        require = blankToNull(require);
        deniedAttempts = blankToNull(deniedAttempts);
        deniedAttemptsLevel = blankToNull(deniedAttemptsLevel);
        since = blankToNull(since);
        from = blankToNull(from);
        to = blankToNull(to);
        source = blankToNull(source);
        emitSql = blankToNull(emitSql);
        athenaTable = blankToNull(athenaTable);
        fromResults = blankToNull(fromResults);
    }

    /** @throws IllegalArgumentException naming the parameter and the accepted values */
    public Action parsedAction() {
        return Action.parse(action);
    }

    /** The user's drift policy, or null when not given. */
    public DriftPolicy parsedOnDrift() {
        return DriftPolicy.parse(onDrift);
    }

    /**
     * The output directory the engine writes into, as a workspace path: the user's, else the CLI's default for the
     * action ({@value #DEFAULT_OUTPUT_DIR} for render, {@value #DEFAULT_APPLY_DIR} for apply, whose pre-change snapshot
     * must always be kept); null when this run writes no output. Without a directory the engine would write relative to
     * the controller's working directory, so the step always names one when the action writes.
     */
    public String effectiveOutputDir() {
        if (outputDir != null) {
            return outputDir;
        }
        String a = action.trim();
        if ("render".equalsIgnoreCase(a)) {
            return DEFAULT_OUTPUT_DIR;
        }
        if ("destroy".equalsIgnoreCase(a)) {
            return DEFAULT_DESTROY_DIR; // its pre-change snapshot, like apply's, must always be kept
        }
        return "apply".equalsIgnoreCase(a) ? DEFAULT_APPLY_DIR : null;
    }

    /** The report directory: the user's, else for verify the CLI's default {@value #DEFAULT_REPORT_DIR}; else null. */
    public String effectiveReportDir() {
        if (reportDir != null) {
            return reportDir;
        }
        if ("usage".equalsIgnoreCase(action.trim())) {
            return emitSql == null ? DEFAULT_USAGE_REPORT_DIR : null; // the query goes to the log, no reports
        }
        return "verify".equalsIgnoreCase(action.trim()) ? DEFAULT_REPORT_DIR : null;
    }

    /**
     * Every problem with the arguments, each naming the parameter and the fix. Empty when the step may run. Checked
     * before the workspace is touched, so a typo costs nothing.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        try {
            parsedAction();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            parsedOnDrift();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        checkInsideWorkspace("config", config, problems);
        checkInsideWorkspace("templatesDir", templatesDir, problems);
        checkInsideWorkspace("fromResults", fromResults, problems);
        checkInsideWorkspace("outputDir", outputDir, problems);
        checkInsideWorkspace("reportDir", reportDir, problems);
        if (effectiveOutputDir() != null && effectiveOutputDir().equals(effectiveReportDir())) {
            problems.add("outputDir and reportDir are both '" + effectiveOutputDir() + "': give them different directories");
        }
        collect(problems, this::requiredControls);
        collect(problems, this::parsedDeniedAttempts);
        collect(problems, this::parsedDeniedAttemptsLevel);
        collect(problems, this::usageWindow);
        if (externalId != null && externalIdCredentialsId != null) {
            problems.add("externalId and externalIdCredentialsId are both set: give the external id one way only");
        }
        if ((externalId != null || externalIdCredentialsId != null) && roleArn == null) {
            problems.add((externalId != null ? "externalId" : "externalIdCredentialsId")
                    + " is only used when assuming a role: set roleArn as well, or remove it");
        }
        if (endpointUrl != null) {
            try {
                EndpointRule.check(endpointUrl, "endpointUrl", allowInsecureEndpoint);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** {@code require} as control ids (comma- or space-separated, as the CLI's {@code --require a,b}). */
    public List<String> requireList() {
        return require == null ? List.of() : List.of(require.trim().split("[,\\s]+"));
    }

    /** The controls {@code require} names, checked by core's rule. */
    List<io.claudebaseline.model.Control> requiredControls() {
        try {
            return io.claudebaseline.live.RequiredControls.parse(requireList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("require: " + e.getMessage(), e);
        }
    }

    /** {@code deniedAttempts} as a duration (null: off), by core's rule (90d, 24h, 30m, P90D). */
    public java.time.Duration parsedDeniedAttempts() {
        return deniedAttempts == null ? null : io.claudebaseline.usage.Window.parseDuration("deniedAttempts", deniedAttempts);
    }

    /** WARN (default) or FAIL. */
    public io.claudebaseline.verify.CheckStatus parsedDeniedAttemptsLevel() {
        if (deniedAttemptsLevel == null) {
            return io.claudebaseline.verify.CheckStatus.WARN;
        }
        return switch (deniedAttemptsLevel.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "WARN" -> io.claudebaseline.verify.CheckStatus.WARN;
            case "FAIL" -> io.claudebaseline.verify.CheckStatus.FAIL;
            default -> throw new IllegalArgumentException("deniedAttemptsLevel '" + deniedAttemptsLevel + "' is not one of: WARN, FAIL");
        };
    }

    /** The usage window; {@code fromResults} is given by {@link WorkspaceFiles} (a file on the node). */
    public io.claudebaseline.engine.api.EngineRequest.UsageWindow usageWindow(java.nio.file.Path fromResultsFile) {
        return new io.claudebaseline.engine.api.EngineRequest.UsageWindow(
                since == null ? null : io.claudebaseline.usage.Window.parseDuration("since", since),
                from == null ? null : io.claudebaseline.usage.Window.parseTime("from", from),
                to == null ? null : io.claudebaseline.usage.Window.parseTime("to", to),
                source, emitSql, athenaTable, fromResultsFile);
    }

    private Object usageWindow() {
        return usageWindow(null);
    }

    private static void collect(List<String> problems, java.util.function.Supplier<?> check) {
        try {
            check.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    /** Throws with every problem at once, so the user fixes the Jenkinsfile in one pass. */
    public void check() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("claudeBaseline: invalid arguments:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * What the step reads and writes stays in the workspace: an absolute path or {@code ..} would let a Pipeline read
     * or write anywhere on the node, and nothing outside the workspace is archived or cleaned anyway. This is the
     * lexical half of the rule; {@link WorkspaceFiles} checks the real paths (symbolic links) on the node.
     */
    private static void checkInsideWorkspace(String name, String value, List<String> problems) {
        if (value == null) {
            return;
        }
        boolean absolute = value.startsWith("/") || value.startsWith("\\") || WINDOWS_DRIVE.matcher(value).matches();
        boolean escapes = List.of(value.split("[/\\\\]")).contains("..");
        if (absolute || escapes) {
            problems.add(name + " '" + value + "' must be a relative path inside the workspace, e.g. '"
                    + example(name) + "'");
        }
    }

    private static String example(String name) {
        return switch (name) {
            case "reportDir" -> "reports";
            case "config" -> DEFAULT_CONFIG;
            case "templatesDir" -> "templates";
            case "fromResults" -> "athena-result.csv";
            default -> DEFAULT_OUTPUT_DIR;
        };
    }

    /** Every argument but the external id's value, which only shows as set or not. */
    @Override
    public String toString() {
        return "StepParameters[action=" + action + ", config=" + config + ", outputDir=" + outputDir + ", reportDir=" + reportDir
                + ", templatesDir=" + templatesDir + ", region=" + region + ", credentialsId=" + credentialsId
                + ", roleArn=" + roleArn + ", externalId=" + (externalId == null ? null : "****")
                + ", externalIdCredentialsId=" + externalIdCredentialsId + ", endpointUrl=" + endpointUrl
                + ", allowInsecureEndpoint=" + allowInsecureEndpoint + ", dryRun=" + dryRun + ", onDrift=" + onDrift
                + ", account=" + account + ", require=" + require + ", ignoreExceptions=" + ignoreExceptions
                + ", deniedAttempts=" + deniedAttempts + ", deniedAttemptsLevel=" + deniedAttemptsLevel + ", since=" + since
                + ", from=" + from + ", to=" + to + ", source=" + source + ", emitSql=" + emitSql + ", athenaTable=" + athenaTable
                + ", fromResults=" + fromResults + "]";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
