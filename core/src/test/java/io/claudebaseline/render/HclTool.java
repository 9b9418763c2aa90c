package io.claudebaseline.render;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code tools/hcl/check.mjs} (HashiCorp's HCL parser and formatter compiled to WebAssembly, under Node)
 * on many Terraform files in one process: starting Node and loading the WebAssembly takes about a second.
 * Missing Node or missing {@code tools/hcl/node_modules} FAILS the test with the command to fix it: a skipped check
 * would let unparseable Terraform through. Only an explicit {@code -Dcb.missingTools=skip} turns it into a skip that
 * names the missing tool ({@link io.claudebaseline.testing.MissingTool}).
 */
final class HclTool {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HclTool() {}

    /** {"ok": bool, "files": [{"name", "parsed" | "parseError", "formatted", "expected"?}]} for the given files. */
    static JsonNode check(Map<String, String> files) throws IOException, InterruptedException {
        Path dir = toolDir();
        if (!Files.isDirectory(dir.resolve("node_modules/@cdktf/hcl2json")) || !Files.isDirectory(dir.resolve("node_modules/@cdktf/hcl-tools"))) {
            throw io.claudebaseline.testing.MissingTool.missing("tools/hcl's npm packages",
                    "tools/hcl/node_modules is missing: run `npm ci --prefix tools/hcl` (Node 20) before the tests", null);
        }
        Process process;
        try {
            process = new ProcessBuilder("node", "check.mjs", "--stdin").directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw io.claudebaseline.testing.MissingTool.missing("node", "cannot run `node` (" + e.getMessage()
                    + "): install Node 20 and run `npm ci --prefix tools/hcl`", e);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(files));
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("tools/hcl/check.mjs did not finish");
        }
        if (process.exitValue() > 1) {
            fail("tools/hcl/check.mjs failed with exit status " + process.exitValue() + ": " + new String(out, StandardCharsets.UTF_8));
        }
        return JSON.readTree(out);
    }

    /** tools/hcl, found by walking up from the working directory (surefire runs in core/). */
    static Path toolDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("tools/hcl/check.mjs");
            if (Files.isRegularFile(candidate)) {
                return candidate.getParent();
            }
            dir = dir.getParent();
        }
        return fail("tools/hcl/check.mjs not found above " + Path.of("").toAbsolutePath());
    }

    /** The repository root (the directory holding tools/, templates/ and examples/). */
    static Path repoRoot() {
        return toolDir().getParent().getParent();
    }
}
