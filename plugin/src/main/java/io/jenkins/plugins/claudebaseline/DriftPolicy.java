package io.jenkins.plugins.claudebaseline;

import io.claudebaseline.engine.api.Action;
import java.util.Locale;

/**
 * What the step does with a run that found drift (verify), failing scenarios (simulate) or pending changes (plan,
 * dry-run apply): the {@code onDrift} parameter. Plain Java, so the policy is tested without Jenkins.
 */
public enum DriftPolicy {
    /** Fail the build with an {@code AbortException} carrying a short summary: a release gate. */
    FAIL,
    /** Mark the build (and the step's stage) UNSTABLE and go on: a scheduled check that should stay visible. */
    UNSTABLE,
    /** Only report: the returned map says what was found. */
    IGNORE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code fail}, {@code Unstable}, …; null or blank means "not given" (returns null) so that
     * {@link #effective} can choose the action's default.
     *
     * @throws IllegalArgumentException naming the parameter and the accepted values
     */
    public static DriftPolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (DriftPolicy p : values()) {
            if (p.id().equalsIgnoreCase(value.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("onDrift '" + value + "' is not one of: fail, unstable, ignore");
    }

    /**
     * The policy that applies when the user gave {@code explicit} (possibly null). Verify and simulate fail by default
     * because "not compliant" is exactly what a gate exists to stop. Plan, apply and destroy only report by default: pending
     * changes are the normal state before an apply, so they fail or destabilise the build only when asked to.
     */
    public static DriftPolicy effective(Action action, DriftPolicy explicit) {
        if (explicit != null) {
            return explicit;
        }
        return switch (action) {
            case PLAN, APPLY, DESTROY -> IGNORE;
            default -> FAIL;
        };
    }
}
