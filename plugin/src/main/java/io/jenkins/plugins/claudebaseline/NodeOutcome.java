package io.jenkins.plugins.claudebaseline;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What comes back from the node after one engine run: plain values only.
 *
 * @param map     what the step returns to Groovy ({@link ResultMapper})
 * @param outcome how the step ends the build ({@link StepOutcome})
 * @param summary what the build page shows for this call ({@link BuildSummary})
 */
public record NodeOutcome(LinkedHashMap<String, Object> map, StepOutcome outcome, BuildSummary summary) implements Serializable {
    private static final long serialVersionUID = 1L;
}
