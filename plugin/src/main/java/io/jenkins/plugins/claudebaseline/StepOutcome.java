package io.jenkins.plugins.claudebaseline;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.io.Serializable;
import java.util.List;

/**
 * How one completed engine run ends the step: SUCCESS, UNSTABLE or FAIL, with the short message for the build log
 * and the failure cause. Decided from the result and the {@link DriftPolicy}; the Jenkins glue only carries it out
 * (throws {@code AbortException}, or sets the run and stage UNSTABLE).
 *
 * @param kind    what to do with the build
 * @param message one line plus at most {@link #MAX_LISTED_CHECKS} failing checks; null on a clean SUCCESS
 */
public record StepOutcome(Kind kind, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The build-level effect. */
    public enum Kind { SUCCESS, UNSTABLE, FAIL }

    /** More failing checks than this are counted, not listed: the log keeps the full list and report.json all of it. */
    static final int MAX_LISTED_CHECKS = 5;

    /**
     * @param result   what the engine returned
     * @param explicit the user's {@code onDrift}, or null for the action's default
     */
    public static StepOutcome decide(EngineResult result, DriftPolicy explicit) {
        if (result.compliant()) {
            return new StepOutcome(Kind.SUCCESS, null);
        }
        DriftPolicy policy = DriftPolicy.effective(result.action(), explicit);
        String message = describeDrift(result);
        return switch (policy) {
            case FAIL -> new StepOutcome(Kind.FAIL, message);
            case UNSTABLE -> new StepOutcome(Kind.UNSTABLE, message);
            case IGNORE -> new StepOutcome(Kind.SUCCESS, message + " (onDrift: ignore)");
        };
    }

    /** "claude-baseline verify: not compliant (2 of 9 checks failed)" and the first failing checks. */
    static String describeDrift(EngineResult result) {
        StringBuilder sb = new StringBuilder("claude-baseline ").append(result.action().id()).append(": ");
        Action action = result.action();
        if (action == Action.PLAN || action == Action.APPLY || action == Action.DESTROY) {
            sb.append(result.changes()).append(result.changes() == 1 ? " change" : " changes")
                    .append(" pending");
        } else {
            long failed = result.count(CheckStatus.FAIL);
            sb.append("not compliant (").append(failed).append(" of ").append(result.checks().size())
                    .append(action == Action.SIMULATE ? " scenarios" : " checks").append(" failed)");
        }
        if (result.summary() != null && !result.summary().isBlank()) {
            sb.append(". ").append(firstLine(result.summary()));
        }
        List<CheckResult> failing = result.checks().stream().filter(c -> c.status() == CheckStatus.FAIL).toList();
        failing.stream().limit(MAX_LISTED_CHECKS).forEach(c -> sb.append("\n  FAIL ").append(c.control())
                .append(" / ").append(c.check()).append(": ").append(c.message()));
        if (failing.size() > MAX_LISTED_CHECKS) {
            sb.append("\n  … and ").append(failing.size() - MAX_LISTED_CHECKS).append(" more (see the report)");
        }
        return sb.toString();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }
}
