package io.claudebaseline.cli;

import io.claudebaseline.engine.api.Engine;
import io.claudebaseline.engine.api.ExitCode;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command. Each subcommand maps its options onto one {@link io.claudebaseline.engine.api.EngineRequest}
 * and prints the engine's result; no policy logic lives here.
 */
@Command(
        name = "claude-baseline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = 110,
        header = "Security baseline for Claude Platform on AWS: SCPs and CloudTrail data events, as code.",
        description = {
            "",
            "Puts three controls in place and proves they stay there:",
            "  1. protect critical workspaces (an SCP denying aws-external-anthropic:* on a workspace",
            "     to every principal outside its allow-list);",
            "  2. no long-term Claude API keys (SCPs denying their creation, their AeaApiKey-* shadow",
            "     users, and CallWithBearerToken with a LONG_TERM token);",
            "  3. CloudTrail data events for AWS::AWSExternalAnthropic::Workspace.",
            "",
            "Typical flow: validate -> render (review the files) -> plan -> apply -> verify (on a schedule).",
            "destroy removes what apply installed (a sandbox, or retiring the baseline).",
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   OK: config valid / compliant / no changes / scenarios as expected",
            "  1   error: invalid config, failed AWS call, unwritable output (the message says which)",
            "  2   drift: not compliant (verify), changes pending (plan --detailed-exitcode), scenario failed (simulate)",
            "  64  usage: unknown option or missing argument",
            "",
            "Docs: docs/configuration.md, docs/controls.md, docs/aws.md, docs/simulation.md, docs/jenkins.md",
        },
        subcommands = {
            ValidateCommand.class,
            RenderCommand.class,
            SimulateCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            VerifyCommand.class,
            DestroyCommand.class,
            PermissionsCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class ClaudeBaselineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of validate, render, simulate, plan, apply, verify, destroy, permissions");
    }

    /** Builds the command line with the engine and environment every subcommand shares. */
    static CommandLine commandLine(Engine engine, Map<String, String> environment) {
        CommandLine cli = new CommandLine(new ClaudeBaselineCommand(), new Factory(engine, environment));
        cli.setUsageHelpWidth(110);
        cli.setExitCodeExceptionMapper(ErrorReporter::exitCodeFor);
        cli.setExecutionExceptionHandler(new ErrorReporter(environment));
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        return cli;
    }

    /** Hands the shared engine and environment to subcommands as picocli instantiates them. */
    private record Factory(Engine engine, Map<String, String> environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (EngineCommand.class.isAssignableFrom(cls)) {
                K command = CommandLine.defaultFactory().create(cls);
                ((EngineCommand) command).wire(engine, environment);
                return command;
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
