package io.claudebaseline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.api.Engine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run builds only the invoked subcommand's model, and nothing it prints changes because of that. */
class SubcommandModelTest {
    private final Engine engine = (request, progress) -> {
        throw new AssertionError("not called");
    };

    @Test
    void aSubcommandRunBuildsOnlyThatSubcommand() {
        CommandLine cli = ClaudeBaselineCommand.commandLineFor(engine, Map.of(), "render", "--config", "x.yaml");
        assertThat(cli.getSubcommands()).containsOnlyKeys("render");
        for (Class<?> sub : ClaudeBaselineCommand.SUBCOMMANDS) {
            String name = sub.getAnnotation(CommandLine.Command.class).name();
            if (sub != CommandLine.HelpCommand.class) {
                assertThat(ClaudeBaselineCommand.commandLineFor(engine, Map.of(), name).getSubcommands().get(name))
                        .as(name)
                        .isNotNull()
                        .satisfies(c -> assertThat(c.getCommand().getClass()).isEqualTo(sub));
            }
        }
    }

    /** The table a run finds its subcommand in names every subcommand but help as its annotation does. */
    @Test
    void theNameTableMatchesTheAnnotations() {
        Map<String, Class<?>> annotated = new java.util.HashMap<>();
        for (Class<?> sub : ClaudeBaselineCommand.SUBCOMMANDS) {
            if (sub != CommandLine.HelpCommand.class) {
                annotated.put(sub.getAnnotation(CommandLine.Command.class).name(), sub);
            }
        }
        assertThat(ClaudeBaselineCommand.BY_NAME).isEqualTo(annotated);
    }

    @Test
    void helpNoArgumentsAndUnknownNamesBuildEverySubcommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "render"}, {"no-such-command"}, {"-h", "render"}}) {
            assertThat(ClaudeBaselineCommand.commandLineFor(engine, Map.of(), args).getSubcommands().keySet())
                    .as(String.join(" ", args))
                    .containsExactlyElementsOf(ClaudeBaselineCommand.SUBCOMMANDS.stream()
                            .map(c -> c.getAnnotation(CommandLine.Command.class).name()).toList())
                    .contains("validate", "render", "simulate", "plan", "apply", "verify", "destroy", "usage", "permissions", "help");
        }
    }

    @Test
    void subcommandHelpAndUsageErrorsReadAsWithEverySubcommandBuilt() {
        for (Class<?> sub : ClaudeBaselineCommand.SUBCOMMANDS) {
            String name = sub.getAnnotation(CommandLine.Command.class).name();
            for (String[] args : new String[][] {{name, "--help"}, {name, "--no-such-option"}}) {
                assertThat(output(ClaudeBaselineCommand.commandLineFor(engine, Map.of(), args), args))
                        .as(String.join(" ", args))
                        .isEqualTo(output(ClaudeBaselineCommand.commandLine(engine, Map.of()), args));
            }
        }
    }

    /**
     * The handlers picocli calls are instances of named classes, not lambdas: a lambda for one of picocli's interfaces
     * (Java 5 bytecode) keeps that interface, and the class behind it, out of the launcher's class-data-sharing archive.
     */
    @Test
    void picocliHandlersAreNamedClassesSoTheArchiveHoldsThem() {
        for (String[] args : new String[][] {{"render"}, {"--help"}}) {
            CommandLine cli = ClaudeBaselineCommand.commandLineFor(engine, Map.of(), args);
            List<CommandLine> lines = new ArrayList<>(cli.getSubcommands().values());
            lines.add(cli);
            for (CommandLine c : lines) {
                assertThat(List.of(c.getExitCodeExceptionMapper(), c.getExecutionExceptionHandler(),
                                c.getParameterExceptionHandler(), c.getFactory()))
                        .as(c.getCommandName())
                        .allSatisfy(handler -> assertThat(handler.getClass().isHidden()).as(handler.getClass().getName()).isFalse());
            }
        }
    }

    private static String output(CommandLine cli, String... args) {
        StringWriter text = new StringWriter();
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int code = cli.execute(args);
        return code + "\n" + text;
    }
}
