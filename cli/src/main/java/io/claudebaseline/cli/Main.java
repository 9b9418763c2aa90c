package io.claudebaseline.cli;

import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Engine;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** {@code claude-baseline} entry point. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(new BaselineEngine(), System.getenv(), out, err, args);
        System.exit(code);
    }

    /** Runs the CLI with an injectable engine, environment and streams (tests use this). */
    public static int run(Engine engine, java.util.Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = ClaudeBaselineCommand.commandLineFor(engine, env, args);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
