package io.claudebaseline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.api.Engine;
import java.io.PrintWriter;
import java.io.StringWriter;
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

    private static String output(CommandLine cli, String... args) {
        StringWriter text = new StringWriter();
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int code = cli.execute(args);
        return code + "\n" + text;
    }
}
