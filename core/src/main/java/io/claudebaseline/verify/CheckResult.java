package io.claudebaseline.verify;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One check of verify or simulate: control id ({@link io.claudebaseline.model.Control#id()} or
 * {@code organization}/{@code scenario}), a short stable name of the check (e.g.
 * {@code scp-attached:claude-baseline-1:ou-ab12-11111111}), PASS/WARN/FAIL/EXCEPTED, one sentence a reviewer can
 * act on (the message), the evidence it is based on (ids, ARNs, differing statements; never secrets) and how long
 * the check alone took (null when it has no separable duration: verify's comparisons all rest on one read of the
 * live state, so only the run as a whole is timed).
 *
 * <p>A check holds its message and evidence, or — a {@linkplain #deferred deferred} check — a {@link Details}
 * that builds them each time they are asked for. simulate makes tens of thousands of checks whose text the
 * terminal never shows; built at once they were most of the run's memory (a message of ~740 characters and an
 * evidence map each). Both kinds look alike through every accessor, {@code equals}, {@code hashCode} and
 * {@code toString} (which read as a record's would, since this class was one).
 */
public final class CheckResult {

    /**
     * What builds a deferred check's message and evidence. It must build the same texts every time (it holds
     * everything they are made of) and may be asked from several threads.
     */
    public interface Details {
        String message();

        /** The evidence, in the order reports show it; a new map each time (the check does not copy it). */
        Map<String, Object> evidence();

        /** One evidence value ({@code evidence().get(key)}); override it when that is cheaper to answer alone. */
        default Object evidenceValue(String key) {
            return evidence().get(key);
        }
    }

    private final String control;
    private final String check;
    private final CheckStatus status;
    private final String message;
    private final Map<String, Object> evidence;
    private final Details details;
    private final Duration duration;

    private CheckResult(String control, String check, CheckStatus status, String message, Map<String, Object> evidence,
                        Details details, Duration duration) {
        this.control = control;
        this.check = check;
        this.status = status;
        this.message = message;
        this.evidence = evidence;
        this.details = details;
        this.duration = duration;
    }

    /**
     * @param control  control id
     * @param check    short stable name of the check
     * @param status   PASS, WARN, FAIL or EXCEPTED
     * @param message  one sentence a reviewer can act on
     * @param evidence what the message is based on (copied; null is none)
     * @param duration how long this check alone took; null when it has no separable duration
     */
    public CheckResult(String control, String check, CheckStatus status, String message, Map<String, Object> evidence,
                       Duration duration) {
        this(control, check, status, message, evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence)),
                null, duration);
    }

    /** A check without a duration of its own. */
    public CheckResult(String control, String check, CheckStatus status, String message, Map<String, Object> evidence) {
        this(control, check, status, message, evidence, null);
    }

    /** A check whose message and evidence {@code details} builds when they are asked for (never kept). */
    public static CheckResult deferred(String control, String check, CheckStatus status, Details details, Duration duration) {
        return new CheckResult(control, check, status, null, null, Objects.requireNonNull(details, "details"), duration);
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

    public String control() {
        return control;
    }

    public String check() {
        return check;
    }

    public CheckStatus status() {
        return status;
    }

    /** The message; a deferred check builds it anew on every call. */
    public String message() {
        return details == null ? message : details.message();
    }

    /** The evidence (unmodifiable); a deferred check builds it anew on every call. */
    public Map<String, Object> evidence() {
        return details == null ? evidence : Collections.unmodifiableMap(details.evidence());
    }

    /** {@code evidence().get(key)}, without building the whole evidence of a deferred check when it need not. */
    public Object evidenceValue(String key) {
        return details == null ? evidence.get(key) : details.evidenceValue(key);
    }

    public Duration duration() {
        return duration;
    }

    /** What builds this check's message and evidence; null when the check holds them. */
    public Details details() {
        return details;
    }

    public CheckResult withEvidence(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(evidence());
        merged.putAll(more);
        return new CheckResult(control, check, status, message(), merged, duration);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CheckResult c && Objects.equals(control, c.control) && Objects.equals(check, c.check)
                && status == c.status && Objects.equals(message(), c.message()) && evidence().equals(c.evidence())
                && Objects.equals(duration, c.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(control, check, status, message(), evidence(), duration);
    }

    @Override
    public String toString() {
        return "CheckResult[control=" + control + ", check=" + check + ", status=" + status + ", message=" + message()
                + ", evidence=" + evidence() + ", duration=" + duration + "]";
    }
}
