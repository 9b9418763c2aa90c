package io.claudebaseline.cli;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write the baseline as files for review: SCP JSON, CloudTrail selectors, a Terraform module.",
        description = {
            "Validates the config, then writes into --out:",
            "  scp/<name>.json                                   each SCP (pretty-printed; AWS receives it minified)",
            "  cloudtrail/<trail>-advanced-event-selectors.json  the selectors for PutEventSelectors",
            "  terraform/*.tf                                    a module with the SCPs, attachments and trail selectors",
            "  manifest.json                                     every file with its sha256, controls, and SCP sizes",
            "No AWS call is made. Nothing is written when the config is invalid.",
        },
        footer = {"", "Example:", "  claude-baseline render --config examples/claude-baseline.yaml --out baseline"})
final class RenderCommand extends EngineCommand {
    @Mixin ConfigOptions config;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "baseline", description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--sarif", paramLabel = "FILE", description = {
            "Also write the config's errors and warnings as SARIF 2.1.0 to FILE, with the line and column of each field;",
            "written even when the config is invalid (for pull-request checks: GitHub code scanning, warnings-ng)."})
    Path sarif;

    @Override
    EngineRequest request(Map<String, String> env) {
        return base(Action.RENDER, config, null, env).outputDir(out).sarifFile(sarif).build();
    }
}
