package io.claudebaseline.verify;

import java.time.Duration;
import java.util.Map;

/**
 * One check of verify or simulate.
 *
 * @param control  control id ({@link io.claudebaseline.model.Control#id()}) or {@code organization}/{@code scenario}
 * @param check    short stable name of the check, e.g. {@code scp-attached:claude-baseline-1:ou-ab12-11111111}
 * @param status   PASS, WARN or FAIL
 * @param message  one sentence a reviewer can act on
 * @param evidence ids, ARNs, differing statements: what the message is based on (never secrets)
 * @param duration how long this check alone took, measured; null when it has no separable duration (verify's
 *                 comparisons all rest on one read of the live state, so only the run as a whole is timed)
 */
public record CheckResult(String control, String check, CheckStatus status, String message, Map<String, Object> evidence,
                          Duration duration) {
    public CheckResult {
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }

    /** A check without a duration of its own. */
    public CheckResult(String control, String check, CheckStatus status, String message, Map<String, Object> evidence) {
        this(control, check, status, message, evidence, null);
    }

    public static CheckResult pass(String control, String check, String message) {
        return new CheckResult(control, check, CheckStatus.PASS, message, Map.of());
    }

    public static CheckResult fail(String control, String check, String message) {
        return new CheckResult(control, check, CheckStatus.FAIL, message, Map.of());
    }

    public static CheckResult warn(String control, String check, String message) {
        return new CheckResult(control, check, CheckStatus.WARN, message, Map.of());
    }

    public CheckResult withEvidence(Map<String, Object> more) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(evidence);
        merged.putAll(more);
        return new CheckResult(control, check, status, message, merged, duration);
    }
}
