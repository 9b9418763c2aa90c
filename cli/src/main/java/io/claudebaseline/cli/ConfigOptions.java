package io.claudebaseline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every engine command takes. */
final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "claude-baseline.yaml",
            description = "The baseline config (YAML or JSON). Default: ${DEFAULT-VALUE}. See docs/configuration.md.")
    Path config;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory of Mustache templates overriding the bundled ones, file by file (start from a copy of templates/).")
    Path templates;
}
