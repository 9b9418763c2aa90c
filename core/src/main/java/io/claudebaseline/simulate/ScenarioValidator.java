package io.claudebaseline.simulate;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.Problem;
import java.util.List;

/** Field rules for user scenarios ({@code scenarios[i]...}); called by ConfigValidator. STUB. */
public final class ScenarioValidator {
    private ScenarioValidator() {}

    public static List<Problem> validate(BaselineConfig config) {
        return List.of();
    }
}
