package io.claudebaseline.cli;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.live.RequiredControls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Prove the live organisation still matches the baseline (a release gate / scheduled check).",
        description = {
            "Checks, each PASS/WARN/FAIL with evidence: each baseline SCP exists, is owned, has the rendered",
            "content and is attached to every target; SCPs are enabled; the trail logs Claude data events for every",
            "protected workspace; no long-term Claude API key or shadow user exists; the deny scenarios hold against",
            "the live SCP content; which accounts the SCPs actually cover through the OU tree.",
            "",
            "Findings the config's exceptions: accept (each with owner, reason and expiry) are reported EXCEPTED and",
            "do not fail the gate; an expired exception stops excepting, one about to expire or matching nothing is",
            "a warning. See docs/configuration.md, 'exceptions'.",
        },
        footer = {"", "Examples:", "  claude-baseline verify --config claude-baseline.yaml --report-dir reports",
                  "  claude-baseline verify --account 111122223333   # may Claude Platform be enabled in this account?",
                  "  claude-baseline verify --denied-attempts 24h --denied-attempts-level FAIL",
                  "  claude-baseline verify --require protect-workspaces,deny-long-term-key-use,cloudtrail-data-events",
                  "      # a release gate: fails if the config switches one of these off, not only if it is missing live"})
final class VerifyCommand extends EngineCommand {
    @Mixin ConfigOptions config;
    @Mixin AwsOptions aws;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "claude-baseline-report",
            description = "Where the reports are written: report.html (+ report.css), report.sarif, report.json, junit.xml, summary.md (docs/reports.md). Default: ${DEFAULT-VALUE}.")
    Path reportDir;

    @Option(names = "--account", paramLabel = "ID", description = "Answer for one member account only (12 digits).")
    String account;

    @Option(names = "--denied-attempts", paramLabel = "DURATION",
            description = "Also read the trail's Claude events of this last stretch (24h, 7d) and check that no principal outside a"
                    + " protected workspace's allow-list was refused by an SCP there (names them). Needs s3/logs read access.")
    String deniedAttempts;

    @Option(names = "--denied-attempts-level", paramLabel = "LEVEL", defaultValue = "WARN",
            description = "WARN or FAIL when --denied-attempts finds any. Default: ${DEFAULT-VALUE}.")
    String deniedAttemptsLevel;

    @Option(names = "--require", paramLabel = "CONTROL", split = ",",
            description = {"Controls the gate depends on (comma-separated): each fails verify unless the config enables it",
                    "and every check proving it passes, so weakening the config cannot weaken the gate. One of: "
                    + "protect-workspaces, deny-long-term-key-creation, deny-shadow-users, deny-long-term-key-use, platform-administration,"
                    + " cloudtrail-data-events."})
    List<String> require = new ArrayList<>();

    @Option(names = "--no-exceptions", description = {
            "Apply none of the config's exceptions: report the raw state (for audits). The exceptions are still",
            "listed in the reports, marked ignored."})
    boolean noExceptions;

    @Override
    EngineRequest request(Map<String, String> env) {
        try {
            io.claudebaseline.engine.BaselineEngine.checkAccount(account);
        } catch (IllegalArgumentException e) {
            // A bad option value is a usage error here (exit 64), before anything is read.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
        try {
            RequiredControls.parse(require);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--require: " + e.getMessage());
        }
        java.time.Duration denied;
        io.claudebaseline.verify.CheckStatus level;
        try {
            denied = deniedAttempts == null ? null : io.claudebaseline.usage.Window.parseDuration("--denied-attempts", deniedAttempts);
            level = switch (deniedAttemptsLevel.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "WARN" -> io.claudebaseline.verify.CheckStatus.WARN;
                case "FAIL" -> io.claudebaseline.verify.CheckStatus.FAIL;
                default -> throw new IllegalArgumentException("--denied-attempts-level '" + deniedAttemptsLevel + "' is not one of: WARN, FAIL");
            };
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return base(Action.VERIFY, config, aws, env).reportDir(reportDir).account(account).require(require).ignoreExceptions(noExceptions)
                .deniedAttempts(denied).deniedAttemptsLevel(level).build();
    }
}
