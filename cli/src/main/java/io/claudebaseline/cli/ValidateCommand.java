package io.claudebaseline.cli;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Check the config without touching AWS or writing files.",
        description = {
            "Parses the config and applies every rule: field names and types, workspace ids, account and target ids,",
            "principal ARNs (role/user ARNs only; an sts assumed-role session ARN is an error), empty allow-lists,",
            "duplicate workspaces, SCP size after packing, CloudTrail selector limits. Errors name the field path",
            "(e.g. workspaces[1].allowedPrincipals[0]) and the fix; warnings flag what is legal but probably unintended.",
        },
        footer = {"", "Examples:", "  claude-baseline validate --config examples/claude-baseline.yaml",
            "  claude-baseline validate --config claude-baseline.yaml --sarif claude-baseline.sarif"})
final class ValidateCommand extends EngineCommand {
    @Mixin ConfigOptions config;

    @Option(names = "--sarif", paramLabel = "FILE", description = {
            "Also write the config's errors and warnings as SARIF 2.1.0 to FILE, with the line and column of each field;",
            "written even when the config is invalid (for pull-request checks: GitHub code scanning, warnings-ng)."})
    Path sarif;

    @Override
    EngineRequest request(Map<String, String> env) {
        return base(Action.VALIDATE, config, null, env).sarifFile(sarif).build();
    }
}
