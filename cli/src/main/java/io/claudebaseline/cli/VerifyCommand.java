package io.claudebaseline.cli;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import java.nio.file.Path;
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
        },
        footer = {"", "Examples:", "  claude-baseline verify --config claude-baseline.yaml --report-dir reports",
                  "  claude-baseline verify --account 111122223333   # may Claude Platform be enabled in this account?"})
final class VerifyCommand extends EngineCommand {
    @Mixin ConfigOptions config;
    @Mixin AwsOptions aws;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "claude-baseline-report",
            description = "Where the reports are written: report.html (+ report.css), report.sarif, report.json, junit.xml, summary.md (docs/reports.md). Default: ${DEFAULT-VALUE}.")
    Path reportDir;

    @Option(names = "--account", paramLabel = "ID", description = "Answer for one member account only (12 digits).")
    String account;

    @Override
    EngineRequest request(Map<String, String> env) {
        try {
            io.claudebaseline.engine.BaselineEngine.checkAccount(account);
        } catch (IllegalArgumentException e) {
            // A bad option value is a usage error here (exit 64), before anything is read.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
        return base(Action.VERIFY, config, aws, env).reportDir(reportDir).account(account).build();
    }
}
