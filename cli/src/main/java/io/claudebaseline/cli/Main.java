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
        recordExitCode(System.getProperty(EXIT_CODE_FILE_PROPERTY), code);
        System.exit(code);
    }

    /**
     * System property naming a file that receives the exit code before the JVM exits. The launcher sets it on
     * the run that writes the class-data-sharing archive: the JVM writes the archive after {@code System.exit}
     * and, should that fail, exits 1, so the file is how the launcher still returns the command's own code.
     */
    static final String EXIT_CODE_FILE_PROPERTY = "claude-baseline.exitCodeFile";

    static void recordExitCode(String file, int code) {
        if (file == null || file.isEmpty()) {
            return;
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), code + "\n");
        } catch (java.io.IOException | RuntimeException e) {
            // Only the launcher's start-up cache depends on it; the run itself went as it went.
        }
    }

    /** Runs the CLI with an injectable engine, environment and streams (tests use this). */
    public static int run(Engine engine, java.util.Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = ClaudeBaselineCommand.commandLineFor(engine, env, args);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
