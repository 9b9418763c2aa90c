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

@Command(name = "destroy", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Remove what the tool installed: its SCPs and its CloudTrail selectors (a sandbox, or retiring the baseline).",
        description = {
            "Plans, then makes the changes one at a time, like apply: every SCP the tool owns (name prefix AND the",
            "managed-by=claude-baseline tag) is detached from every target and deleted, and the selectors it added",
            "to the config's trail are removed. Everything else is kept as it is: other SCPs (a same-named one",
            "without the tag included), other selectors, whether the trail is logging, and SCPs being enabled on",
            "the root. Same safety as apply: a snapshot of everything it touches is written to --out before the",
            "first change; a failure says what was done and what was not; running destroy again finishes the job.",
            "Start with --dry-run to see the plan.",
        },
        footer = {"", "Examples:", "  claude-baseline destroy --config claude-baseline.yaml --dry-run",
                  "  claude-baseline destroy --config claude-baseline.yaml --out destroy-run",
                  "  claude-baseline destroy --dry-run --detailed-exitcode   # 0 nothing to remove, 2 something to remove, 1 error",
                  "", "Needs: claude-baseline permissions --for destroy"})
final class DestroyCommand extends EngineCommand {
    @Mixin ConfigOptions config;
    @Mixin AwsOptions aws;

    @Option(names = "--dry-run", description = "Plan and print, change nothing.")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "claude-baseline-destroy",
            description = "Where the pre-change snapshot (and, on failure, the failure report) is written. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there was something to remove (planned with --dry-run, or"
            + " removed), 0 when nothing was left, 1 on error, as terraform plan -destroy -detailed-exitcode does.")
    boolean detailedExitcode;

    @Override
    EngineRequest request(Map<String, String> env) {
        return base(Action.DESTROY, config, aws, env).dryRun(dryRun).outputDir(out).build();
    }

    @Override
    int exitCode(EngineResult result) {
        return detailedExitcode && result.changes() > 0 ? ExitCode.DRIFT : ExitCode.OK;
    }
}
