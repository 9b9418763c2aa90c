package io.claudebaseline.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares rendered artifacts with reviewed files under {@code core/src/test/resources/golden/<name>/}.
 * Regenerate after an intended change with {@code -Dgolden.update=true} (see docs/configuration.md), then review
 * the diff before committing: the golden files are the reviewed output, the code generates them.
 */
final class GoldenFiles {
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private GoldenFiles() {}

    static Path dir(String name) {
        return HclTool.repoRoot().resolve("core/src/test/resources/golden").resolve(name);
    }

    static void assertMatches(String name, Map<String, String> rendered) throws IOException {
        Path dir = dir(name);
        if (UPDATE) {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
            for (Map.Entry<String, String> e : rendered.entrySet()) {
                Path file = dir.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
        }
        assertThat(Files.isDirectory(dir)).as("golden dir %s exists (create it with -Dgolden.update=true)", dir).isTrue();
        TreeSet<String> present = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> present.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        assertThat(present).as("files of golden %s (regenerate with -Dgolden.update=true)", name)
                .isEqualTo(new TreeSet<>(rendered.keySet()));
        for (Map.Entry<String, String> e : rendered.entrySet()) {
            assertThat(e.getValue()).as("%s/%s differs from the golden file (regenerate with -Dgolden.update=true and review)", name, e.getKey())
                    .isEqualTo(Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8));
        }
    }
}
