package io.claudebaseline.cli;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.engine.api.ExitCode;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Show what apply would change in the organisation (read-only).",
        description = {
            "Reads the live organisation (Organizations, CloudTrail, IAM) and lists typed changes: enable SCPs on",
            "the root, create/update/attach/detach the tool's own SCPs, put the merged CloudTrail event selectors,",
            "start logging. Content is compared semantically, so reformatting is never drift.",
        },
        footer = {"", "Examples:", "  claude-baseline plan --config claude-baseline.yaml",
                  "  claude-baseline plan --detailed-exitcode --out plan.json   # 0 no changes, 2 changes, 1 error"})
final class PlanCommand extends EngineCommand {
    @Mixin ConfigOptions config;
    @Mixin AwsOptions aws;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the plan as JSON to this file.")
    Path planFile;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Also write the plan as reports here: report.html (before/after of every change), report.json, summary.md, ...")
    Path reportDir;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes (0 none, 1 error), as terraform plan does.")
    boolean detailedExitcode;

    @Override
    EngineRequest request(Map<String, String> env) {
        return base(Action.PLAN, config, aws, env).planFile(planFile).reportDir(reportDir).build();
    }

    @Override
    int exitCode(EngineResult result) {
        return detailedExitcode && result.changes() > 0 ? ExitCode.DRIFT : ExitCode.OK;
    }
}
