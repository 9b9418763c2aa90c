package io.claudebaseline.cli;

import io.claudebaseline.aws.Permissions;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.engine.BaselineEngine;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "permissions", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Print the least-privilege IAM policy the tool needs for a command.",
        description = {
            "Derived from the same table of AWS operations the code calls, so it cannot drift from it. Updates and",
            "deletes of SCPs are limited to those carrying the managed-by=claude-baseline tag. With --config, the",
            "member-account audit role of that config is included when its audit is on.",
        },
        footer = {"", "Examples:", "  claude-baseline permissions --for verify > claude-baseline-verify-policy.json",
                  "  claude-baseline permissions --member-audit-role   # the policy of the role verify assumes in member accounts"})
final class PermissionsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--for", paramLabel = "COMMAND", description = "plan, apply, verify, usage or destroy.")
    String command;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Take the audit settings from this config.")
    Path config;

    @Option(names = "--member-audit-role", description = "Print the policy the member-account audit role needs instead.")
    boolean memberAuditRole;

    @Override
    public Integer call() throws Exception {
        if (memberAuditRole) {
            spec.commandLine().getOut().println(Permissions.memberAuditRolePolicy());
            return 0;
        }
        if (command == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing option: --for plan|apply|verify|usage|destroy (or --member-audit-role)");
        }
        BaselineConfig baselineConfig = config == null ? null : BaselineEngine.loadAndValidate(config);
        String policy;
        try {
            policy = Permissions.policyFor(command, baselineConfig);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--for " + e.getMessage());
        }
        spec.commandLine().getOut().println(policy);
        return 0;
    }
}
