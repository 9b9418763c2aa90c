package io.claudebaseline.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Semantic rules for a parsed config. Returns every problem at once (errors and warnings), each naming the
 * field path and the fix. Runs before anything touches AWS.
 */
public final class ConfigValidator {
    private ConfigValidator() {}

    // STUB: the render helper replaces this with the full rule set (issue #2).
    public static List<Problem> validate(BaselineConfig config) {
        List<Problem> problems = new ArrayList<>();
        if (config.version() == null || config.version() != 1) {
            problems.add(Problem.error("version", "must be 1 (the only config schema version); add 'version: 1'"));
        }
        return problems;
    }
}
