package io.claudebaseline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.render.ArtifactWriter;
import io.claudebaseline.render.BaselineBuilder;
import io.claudebaseline.render.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every config under examples/ loads, validates without errors and renders. */
class ExamplesTest {

    static Path examples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("examples/ above the working directory").isNotNull();
        return dir.resolve("examples");
    }

    @Test
    void everyExampleIsValidAndRenders() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(examples())) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("claude-baseline.yaml", "guide-parity.yaml", "legacy-limits-per-control.yaml");
        for (Path file : files) {
            BaselineConfig config = ConfigLoader.load(file);
            List<Problem> problems = ConfigValidator.validate(config);
            assertThat(problems).as(file + ": " + problems).noneMatch(Problem::isError);
            var baseline = BaselineBuilder.build(config, Templates.bundled());
            assertThat(ArtifactWriter.render(baseline, Templates.bundled(), file.getFileName().toString())).containsKey("manifest.json");
        }
    }

    @Test
    void theGuideExampleWarnsAboutWhatTheGuideDoes() throws Exception {
        List<Problem> problems = ConfigValidator.validate(ConfigLoader.load(examples().resolve("guide-parity.yaml")));
        assertThat(problems).extracting(Problem::path)
                .containsExactlyInAnyOrder("controls.denyShadowUsers.userNamePattern", "workspaces[0]");
    }

    @Test
    void theLegacyExampleSharesOneStatementAcrossWorkspacesAndFitsTheOldLimits() throws Exception {
        var baseline = BaselineBuilder.build(ConfigLoader.load(examples().resolve("legacy-limits-per-control.yaml")), Templates.bundled());
        assertThat(baseline.scps()).extracting(s -> s.name()).containsExactly("claude-guard-protect-workspaces",
                "claude-guard-deny-long-term-key-creation", "claude-guard-deny-shadow-users", "claude-guard-deny-long-term-key-use");
        assertThat(baseline.scps().get(0).statements()).hasSize(1);
        assertThat(baseline.scps()).allMatch(s -> s.characters() <= 5120);
    }
}
