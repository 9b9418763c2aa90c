package io.claudebaseline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "permissions", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Print the least-privilege IAM policy the tool needs for a command.",
        description = {"Derived from the same table of AWS operations the code calls, so it cannot drift from it."},
        footer = {"", "Example:", "  claude-baseline permissions --for verify > claude-baseline-verify-policy.json"})
final class PermissionsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--for", paramLabel = "COMMAND", required = true, description = "plan, apply or verify.")
    String command;

    @Override
    public Integer call() {
        // Wired to io.claudebaseline.aws.Permissions once the operation table lands.
        throw new CommandLine.ParameterException(spec.commandLine(), "permissions is not available in this build");
    }
}
