package io.claudebaseline.engine;

import io.claudebaseline.aws.AwsClientFactory;
import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.aws.AwsClientsFactory;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.Engine;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.config.ConfigException;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.config.ConfigValidator;
import io.claudebaseline.config.Problem;
import io.claudebaseline.eval.NamedPolicy;
import io.claudebaseline.exceptions.ExceptionRules;
import io.claudebaseline.facts.ServiceReference;
import io.claudebaseline.lint.BaselineLint;
import io.claudebaseline.live.LiveOperations;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.render.ArtifactWriter;
import io.claudebaseline.render.Templates;
import io.claudebaseline.report.Reports;
import io.claudebaseline.secrets.Redactor;
import io.claudebaseline.simulate.ActionCoverage;
import io.claudebaseline.simulate.CheckSummary;
import io.claudebaseline.simulate.Simulator;
import io.claudebaseline.usage.DeniedAttemptsCheck;
import io.claudebaseline.usage.UsageOperation;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one entry point both adapters call. It loads and validates the config, builds the desired state and
 * dispatches to the offline (render, simulate) or live (plan, apply, verify) operations. Policy decisions live
 * in those components, not here; this class only sequences them.
 */
public final class BaselineEngine implements Engine {

    private final AwsClientsFactory awsFactory;

    /** An engine that talks to real AWS (or to {@code endpointUrl}). */
    public BaselineEngine() {
        this((AwsClientsFactory) AwsClientFactory::create);
    }

    /** An engine whose AWS clients come from {@code awsFactory} (tests inject faults here). */
    public BaselineEngine(AwsClientsFactory awsFactory) {
        this.awsFactory = awsFactory;
    }

    /** An engine whose AWS clients come from {@code awsFactory}, which needs neither the run's redactor nor its progress. */
    public BaselineEngine(Function<EngineRequest, AwsClients> awsFactory) {
        this((request, secrets, progress) -> awsFactory.apply(request));
    }

    /**
     * Runs one action. Invalid input throws {@link ConfigException} before any AWS call; AWS failures throw
     * {@link io.claudebaseline.aws.AwsOperationException}. A result is returned only when the run completed.
     *
     * <p>Everything that leaves the run — progress lines, the result and the reports written from it, exceptions
     * with their causes — passes the run's {@link Redactor} first, so no secret of the run is ever shown.
     */
    @Override
    public EngineResult run(EngineRequest request, Progress progress) throws Exception {
        Redactor secrets = Redactor.forRequest(request);
        try {
            return secrets.redact(withSarif(request, secrets.redacting(progress), secrets));
        } catch (Exception e) {
            throw secrets.redact(e);
        }
    }

    /**
     * validate/render with a SARIF file: the log is for pull-request checks of the config, so it is written above
     * all when the config is invalid (then the ConfigException still ends the run).
     */
    private EngineResult withSarif(EngineRequest request, Progress progress, Redactor secrets) throws Exception {
        boolean sarif = request.sarifFile() != null && (request.action() == Action.VALIDATE || request.action() == Action.RENDER);
        if (!sarif) {
            return execute(request, progress, secrets);
        }
        EngineResult result;
        try {
            result = execute(request, progress, secrets);
        } catch (ConfigException e) {
            try {
                Reports.writeSarif(request.sarifFile(), request.action(), List.of(),
                        e.problems().stream().map(secrets::redact).toList(), request.configPath());
                progress.line("Wrote the config's problems to " + request.sarifFile());
            } catch (java.io.IOException writeFailure) {
                e.addSuppressed(writeFailure);
            }
            throw e;
        }
        result = secrets.redact(result);
        Reports.writeSarif(request.sarifFile(), request.action(), result.checks(), result.warnings(), request.configPath());
        List<Path> artifacts = new ArrayList<>(result.artifacts());
        artifacts.add(request.sarifFile());
        return result.withArtifacts(artifacts, result.reportDir());
    }

    private EngineResult execute(EngineRequest request, Progress progress, Redactor secrets) throws Exception {
        // The run's own clock: junit.xml gives each suite of checks the time the whole run took, config to reports.
        long started = System.nanoTime();
        checkAccount(request.account());
        // Unknown control ids are refused before anything is read, naming the accepted ids.
        io.claudebaseline.live.RequiredControls.parse(request.require());
        // One build per run: validation builds the baseline (with the custom templates, which are part of what
        // is validated) and every action uses that build.
        Templates templates = request.templatesDir() == null ? Templates.bundled() : Templates.withOverrides(request.templatesDir());
        ConfigValidator.Validation validation = loadAndValidate(request.configPath(), templates);
        Baseline baseline = validation.baseline();
        BaselineConfig config = baseline.config();
        secrets.add(config.audit().externalId());
        List<Problem> warnings = new ArrayList<>(validation.warnings());
        warnings.addAll(exceptionDates(config, request));
        warnings.forEach(w -> progress.line(w.toString()));

        // Every action lints the rendered SCPs (bundled or custom templates) and the user's scenarios against the
        // service reference, so a typo'd action stops the run here, before any output or AWS call.
        List<Problem> lint = BaselineLint.check(baseline);
        if (lint.stream().anyMatch(Problem::isError)) {
            throw new ConfigException(request.configPath() + " (rendered SCPs and scenarios, checked against the AWS "
                    + ServiceReference.bundled().describe() + ")", lint);
        }
        lint.forEach(w -> progress.line(w.toString()));
        List<Problem> allConfigWarnings = new ArrayList<>(warnings);
        allConfigWarnings.addAll(lint);
        warnings = List.copyOf(allConfigWarnings);

        if (request.action() == Action.VALIDATE) {
            String summary = "Config " + request.configPath() + " is valid"
                    + (warnings.isEmpty() ? "." : " (" + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s") + ").");
            return new EngineResult(Action.VALIDATE, true, 0, List.of(), warnings, List.of(), null, summary);
        }

        if (request.action() == Action.USAGE) {
            UsageOperation.check(request, baseline);
            if (!UsageOperation.needsAws(request)) {
                // --emit-sql prints a query; --from-results analyses Athena's CSV: neither reads AWS.
                EngineResult offline = UsageOperation.offline(baseline, request, progress);
                return request.usage().emitSql() != null ? offline : withReports(offline, request, started);
            }
        }
        if (request.action() == Action.VERIFY) {
            DeniedAttemptsCheck.checkRequest(request, baseline);
        }

        switch (request.action()) {
            case RENDER: {
                Path out = request.outputDir() == null ? Path.of("baseline") : request.outputDir();
                List<Path> files = ArtifactWriter.write(baseline, templates, out, progress,
                        request.configPath().getFileName().toString());
                String summary = "Rendered " + baseline.scps().size() + " SCP(s)"
                        + baseline.trail().map(t -> ", CloudTrail selectors for trail " + t.trailName()).orElse("")
                        + " and a Terraform module into " + out + " (" + files.size() + " files).";
                return new EngineResult(Action.RENDER, true, 0, List.of(), warnings, files, null, summary);
            }
            case SIMULATE: {
                List<NamedPolicy> rendered = baseline.scps().stream()
                        .map(s -> new NamedPolicy(s.name(), null, s.content())).toList();
                List<CheckResult> checks = Simulator.check(baseline, rendered);
                boolean ok = checks.stream().noneMatch(c -> c.status() == CheckStatus.FAIL);
                long failed = checks.stream().filter(c -> c.status() == CheckStatus.FAIL).count();
                List<ActionCoverage.Entry> coverage = ActionCoverage.of(baseline);
                String summary = String.join("\n", CheckSummary.lines(checks)) + "\n"
                        + ActionCoverage.statement(coverage) + "\n"
                        + (ok ? "All " + checks.size() + " scenarios behave as expected against the rendered SCPs."
                                : failed + " of " + checks.size() + " scenarios did not behave as expected.");
                EngineResult result = new EngineResult(Action.SIMULATE, ok, 0, checks, warnings, List.of(), request.reportDir(), summary,
                        java.util.Map.of(COVERAGE_DETAIL, ActionCoverage.details(coverage)));
                return withReports(secrets.redact(result), request, started);
            }
            default:
                break;
        }

        // Fail on an unusable report directory now, not after every AWS call has been made.
        prepareDirectory(request.reportDir(), "report directory");
        AwsClientFactory.endpointWarning(request).ifPresent(progress::line);
        try (AwsClients aws = awsFactory.create(request, secrets, progress)) {
            EngineResult result;
            switch (request.action()) {
                case PLAN -> result = withReports(secrets.redact(LiveOperations.plan(baseline, request, aws, progress)), request, started);
                case APPLY -> result = LiveOperations.apply(baseline, request, aws, progress);
                case DESTROY -> result = LiveOperations.destroy(baseline, request, aws, progress);
                case VERIFY -> result = withReports(secrets.redact(withCoverage(LiveOperations.verify(baseline, request, aws, progress),
                        baseline)), request, started);
                case USAGE -> result = withReports(secrets.redact(UsageOperation.live(baseline, request, aws, progress)), request, started);
                default -> throw new IllegalStateException("unhandled action " + request.action());
            }
            List<Problem> allWarnings = new ArrayList<>(warnings);
            allWarnings.addAll(result.warnings());
            return new EngineResult(result.action(), result.compliant(), result.changes(), result.checks(), allWarnings,
                    result.artifacts(), result.reportDir(), result.summary(), result.details());
        } catch (Exception e) {
            reportError(request, e, secrets, progress, started);
            throw e;
        }
    }

    /** verify with a report directory: an error that stopped it still leaves a junit.xml saying so. */
    private static void reportError(EngineRequest request, Exception e, Redactor secrets, Progress progress, long started) {
        if (request.action() != Action.VERIFY || request.reportDir() == null) {
            return;
        }
        try {
            Reports.writeError(request.action(), secrets.redact(e).getMessage(), request.reportDir(), since(started));
        } catch (java.io.IOException io) {
            progress.line("could not write the error report to " + request.reportDir() + ": " + io.getMessage());
        }
    }

    /** report.json detail: each action the workspace deny cannot reach → the controls covering it. */
    static final String COVERAGE_DETAIL = "actionsOutsideWorkspaceDeny";

    /** verify states, as simulate does, which actions the workspace deny cannot reach and what covers them. */
    private static EngineResult withCoverage(EngineResult result, Baseline baseline) {
        List<ActionCoverage.Entry> coverage = ActionCoverage.of(baseline);
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>(result.details());
        details.put(COVERAGE_DETAIL, ActionCoverage.details(coverage));
        return new EngineResult(result.action(), result.compliant(), result.changes(), result.checks(), result.warnings(),
                result.artifacts(), result.reportDir(), ActionCoverage.statement(coverage) + "\n" + result.summary(), details);
    }

    /** Loads the config and throws with every error when it is not usable. */
    public static BaselineConfig loadAndValidate(Path configPath) throws ConfigException, java.io.IOException {
        return loadAndValidate(configPath, Templates.bundled()).baseline().config();
    }

    /** Loads, validates and builds the config with {@code templates}; throws with every error when it is not usable. */
    static ConfigValidator.Validation loadAndValidate(Path configPath, Templates templates) throws ConfigException, java.io.IOException {
        ConfigValidator.Validation validation = ConfigValidator.validate(ConfigLoader.load(configPath), templates);
        if (validation.hasErrors()) {
            throw new ConfigException(configPath.toString(), validation.problems());
        }
        return validation;
    }

    /**
     * The exceptions' day-dependent rules: an expiry too far ahead stops every run; an expired one stops validate (the
     * config under review) and is a warning elsewhere (verify then fails the findings it covered, naming it).
     */
    private static List<Problem> exceptionDates(BaselineConfig config, EngineRequest request) throws ConfigException {
        List<Problem> dated = ExceptionRules.dates(config, LocalDate.now(ZoneOffset.UTC), request.action() == Action.VALIDATE);
        if (dated.stream().anyMatch(Problem::isError)) {
            throw new ConfigException(request.configPath().toString(), dated.stream().filter(Problem::isError).toList());
        }
        return dated;
    }

    /** Verify --account takes one member account id: 12 digits, as Organizations writes them. */
    public static void checkAccount(String account) {
        if (account != null && !account.matches("\\d{12}")) {
            throw new IllegalArgumentException("account '" + account + "' is not an AWS account id; give the 12 digits, e.g. 111122223333");
        }
    }

    /** Creates {@code dir} or says, in one sentence, why it cannot be used. */
    static void prepareDirectory(Path dir, String what) throws java.io.IOException {
        if (dir == null) {
            return;
        }
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new java.io.IOException("cannot use " + dir + " as the " + what + ": it exists and is not a directory; choose another");
        }
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.IOException("cannot create the " + what + " " + dir + " (" + e.getClass().getSimpleName()
                    + "); choose a writable directory", e);
        }
    }

    private static java.time.Duration since(long startedNanos) {
        return java.time.Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static EngineResult withReports(EngineResult result, EngineRequest request, long started) throws java.io.IOException {
        Path reportDir = request.reportDir();
        if (reportDir == null) {
            return result;
        }
        prepareDirectory(reportDir, "report directory");
        List<Path> files = new ArrayList<>(result.artifacts());
        files.addAll(Reports.write(result, reportDir, request.configPath(), since(started)));
        return result.withArtifacts(files, reportDir);
    }
}
