package io.claudebaseline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.config.ConfigValidator;
import io.claudebaseline.config.Problem;
import io.claudebaseline.model.Baseline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Render of the bundled example against reviewed golden files. Regenerate: {@code -Dgolden.update=true}. */
class RenderGoldenTest {

    static Map<String, String> renderExample() throws Exception {
        BaselineConfig config = ConfigLoader.load(HclTool.repoRoot().resolve("examples/claude-baseline.yaml"));
        List<Problem> problems = ConfigValidator.validate(config);
        assertThat(problems).as("the example is valid and warning-free").isEmpty();
        Baseline baseline = BaselineBuilder.build(config, Templates.bundled());
        return ArtifactWriter.render(baseline, Templates.bundled(), "claude-baseline.yaml");
    }

    @Test
    void exampleRendersTheGoldenFiles() throws Exception {
        GoldenFiles.assertMatches("example", renderExample());
    }

    @Test
    void renderIsDeterministic() throws Exception {
        assertThat(renderExample()).isEqualTo(renderExample());
    }
}
