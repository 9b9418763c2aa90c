package io.claudebaseline.cli;

import io.claudebaseline.engine.api.Engine;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command. Each subcommand maps its options onto one {@link io.claudebaseline.engine.api.EngineRequest}
 * and prints the engine's result; no policy logic lives here. The subcommands are {@link #SUBCOMMANDS}, added by
 * {@link #commandLineFor}, not listed in the annotation: picocli would build all of them for every run.
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
            "Typical flow: validate -> render (review the files) -> plan -> apply -> verify (on a schedule);",
            "usage reads the trail back to tighten the allow-lists to the principals actually used.",
            "destroy removes what apply installed (a sandbox, or retiring the baseline).",
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   OK: config valid / compliant / no changes / scenarios as expected",
            "  1   error: invalid config, failed AWS call, unwritable output (the message says which)",
            "  2   drift: not compliant (verify), changes pending (plan --detailed-exitcode), scenario failed (simulate)",
            "  64  usage: unknown option or missing argument",
            "",
            "Docs: docs/configuration.md, docs/controls.md, docs/aws.md, docs/simulation.md, docs/usage.md, docs/jenkins.md",
        })
public final class ClaudeBaselineCommand implements Runnable {

    /**
     * Every subcommand, in the order help lists them. Building a subcommand's picocli model costs tens of
     * milliseconds at start-up, so a run builds only the one it invokes (all of them for help and errors).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ValidateCommand.class,
            RenderCommand.class,
            SimulateCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            VerifyCommand.class,
            DestroyCommand.class,
            UsageCommand.class,
            PermissionsCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * The subcommands a run can start with, by name: each class's {@code @Command} name ({@code SubcommandModelTest}
     * keeps the two equal). Looking the name up in the annotations instead parsed those of every subcommand listed
     * before the one invoked. {@code help} is not here: it needs every subcommand.
     */
    static final Map<String, Class<?>> BY_NAME = Map.of(
            "validate", ValidateCommand.class,
            "render", RenderCommand.class,
            "simulate", SimulateCommand.class,
            "plan", PlanCommand.class,
            "apply", ApplyCommand.class,
            "verify", VerifyCommand.class,
            "destroy", DestroyCommand.class,
            "usage", UsageCommand.class,
            "permissions", PermissionsCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of validate, render, simulate, plan, apply, verify, usage, destroy, permissions");
    }

    /** Builds the command line with every subcommand, sharing the engine and environment. */
    static CommandLine commandLine(Engine engine, Map<String, String> environment) {
        return commandLine(engine, environment, SUBCOMMANDS);
    }

    /**
     * Builds the command line for {@code args}: with only the subcommand they start with when that is one (its
     * help and errors need nothing else), otherwise with all (top-level help, {@code help}, unknown names).
     */
    static CommandLine commandLineFor(Engine engine, Map<String, String> environment, String... args) {
        Class<?> sub = args.length > 0 ? BY_NAME.get(args[0]) : null;
        return sub != null ? commandLine(engine, environment, List.of(sub)) : commandLine(engine, environment);
    }

    private static CommandLine commandLine(Engine engine, Map<String, String> environment, List<Class<?>> subcommands) {
        Factory factory = new Factory(engine, environment);
        CommandLine cli = new CommandLine(new ClaudeBaselineCommand(), factory);
        for (Class<?> sub : subcommands) {
            cli.addSubcommand(new CommandLine(sub, factory));
        }
        // Settings after the subcommands: picocli passes them down only to subcommands already added.
        cli.setUsageHelpWidth(110);
        // One class, not lambdas: a lambda for a picocli interface keeps that interface (and ErrorReporter) out of
        // the launcher's class-data-sharing archive (picocli is Java 5 bytecode, which a JDK 17 dump skips once a
        // lambda has linked it), so every run would read them from the jar and spin the lambdas.
        ErrorReporter errors = new ErrorReporter(environment);
        cli.setExitCodeExceptionMapper(errors);
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
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
