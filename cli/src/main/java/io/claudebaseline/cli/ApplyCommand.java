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

@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Put the baseline in place: the plan's changes, one line per change as it happens.",
        description = {
            "Idempotent (a second run plans zero changes) and safe to re-run after a failure at any step.",
            "Never updates, detaches or deletes an SCP it does not own (name prefix AND managed-by tag); a",
            "same-named foreign SCP, or a target without a free SCP slot, stops the run before any change.",
            "CloudTrail selectors are read, merged and written back: every selector it did not add is kept.",
            "Before the first change, a snapshot of everything it will touch is written to --out.",
        },
        footer = {"", "Examples:", "  claude-baseline apply --config claude-baseline.yaml --dry-run",
                  "  claude-baseline apply --config claude-baseline.yaml --out apply-run"})
final class ApplyCommand extends EngineCommand {
    @Mixin ConfigOptions config;
    @Mixin AwsOptions aws;

    @Option(names = "--dry-run", description = "Plan and print, change nothing.")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "claude-baseline-apply",
            description = "Where the pre-change snapshot and the plan are written. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    EngineRequest request(Map<String, String> env) {
        return base(Action.APPLY, config, aws, env).dryRun(dryRun).outputDir(out).build();
    }

    @Override
    int exitCode(EngineResult result) {
        return ExitCode.OK;
    }
}
