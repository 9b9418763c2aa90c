package io.claudebaseline.cli;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Prove the rendered SCPs deny what they must, and nothing they must not, without AWS.",
        description = {
            "Evaluates built-in scenarios (derived from the config for each enabled control) and the config's own",
            "'scenarios:' against the rendered SCPs with an offline evaluator of SCP Deny statements.",
            "See docs/simulation.md for exactly which parts of AWS policy evaluation are modelled.",
        },
        footer = {"", "Example:", "  claude-baseline simulate --config examples/claude-baseline.yaml --report-dir reports"})
final class SimulateCommand extends EngineCommand {
    @Mixin ConfigOptions config;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Also write the reports here: report.html (+ report.css), report.sarif, report.json, junit.xml, summary.md.")
    Path reportDir;

    @Override
    EngineRequest request(Map<String, String> env) {
        return base(Action.SIMULATE, config, null, env).reportDir(reportDir).build();
    }
}
