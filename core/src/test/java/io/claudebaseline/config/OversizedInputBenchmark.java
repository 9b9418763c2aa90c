package io.claudebaseline.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How fast oversized configs are refused (bench/config-limits.sh; figures in docs/performance.md). Writes each
 * input to a temporary file and times {@link ConfigLoader#load} on it, as the CLI reads it, printing the wall time,
 * the heap in use afterwards and the first line of the refusal.
 */
public final class OversizedInputBenchmark {

    public static void main(String[] args) throws Exception {
        String valid = ConfigValidatorTest.VALID;
        String mb5 = "x".repeat(5 * 1000 * 1000);
        String justUnderFile = "y".repeat((int) ConfigLimits.MAX_FILE_BYTES - valid.length() - 64);
        Object[][] cases = {
                {"5 MB description (YAML)", "c.yaml", valid.replace("    region: us-east-1", "    region: us-east-1\n    description: " + mb5)},
                {"8 MB comment line (YAML)", "c.yaml", valid + "# " + "z".repeat(8 * 1000 * 1000) + "\n"},
                {"5 MB description (JSON)", "c.json", "{\"version\": 1, \"workspaces\": [{\"id\": \"wrkspc_01AbCdEf23GhIj\", \"description\": \"" + mb5 + "\"}]}"},
                {"4 MiB - 1 KB description, under the file limit (YAML)", "c.yaml",
                        valid.replace("    region: us-east-1", "    region: us-east-1\n    description: " + justUnderFile.substring(0, justUnderFile.length() - 1024))},
                {"4 MiB - 1 KB description, under the file limit (JSON)", "c.json",
                        "{\"version\": 1, \"workspaces\": [{\"id\": \"wrkspc_01AbCdEf23GhIj\", \"description\": \"" + justUnderFile.substring(0, justUnderFile.length() - 1024) + "\"}]}"},
        };
        Path dir = Files.createTempDirectory("cb-oversized-");
        System.out.printf("%-56s %10s %10s  %s%n", "input", "ms", "heap MiB", "refusal");
        for (int round = 0; round < 2; round++) {
            for (Object[] c : cases) {
                Path file = Files.writeString(dir.resolve((String) c[1]), (String) c[2], StandardCharsets.UTF_8);
                System.gc();
                long start = System.nanoTime();
                String outcome;
                try {
                    ConfigLoader.load(file);
                    outcome = "accepted";
                } catch (ConfigException e) {
                    outcome = e.problems().get(0).toString();
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                Runtime rt = Runtime.getRuntime();
                long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
                if (round == 1) {
                    System.out.printf("%-56s %10d %10d  %s%n", c[0], ms, heap,
                            outcome.length() > 110 ? outcome.substring(0, 110) + "..." : outcome);
                }
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}
