package io.claudebaseline.report;

import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the reports order and label check statuses. Only PASS, WARN and FAIL have a fixed meaning here; any other
 * status (others may add one, e.g. EXCEPTED) is shown by its name between WARN and PASS, so a writer never needs
 * to know every status to render it.
 */
final class Statuses {
    private Statuses() {}

    /** Higher is more urgent: FAIL 3, WARN 2, any other status 1, PASS 0. */
    static int rank(CheckStatus s) {
        return switch (s.name()) {
            case "FAIL" -> 3;
            case "WARN" -> 2;
            case "PASS" -> 0;
            default -> 1;
        };
    }

    static boolean needsAttention(CheckStatus s) {
        return rank(s) > 0;
    }

    /** Most urgent first; equal statuses keep their report order (the sort is stable). */
    static final Comparator<CheckResult> MOST_URGENT_FIRST = Comparator.comparingInt((CheckResult c) -> -rank(c.status()));

    /** The most urgent status among {@code checks}, or null when there are none. */
    static CheckStatus worst(Collection<CheckResult> checks) {
        return checks.stream().map(CheckResult::status).max(Comparator.comparingInt(Statuses::rank)).orElse(null);
    }

    /** A CSS class fragment, lower case letters only: {@code fail}, {@code warn}, {@code excepted}. */
    static String cssName(CheckStatus s) {
        return s.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Number of checks per status, every status listed (zeros included), most urgent first. */
    static Map<CheckStatus, Long> counts(Collection<CheckResult> checks) {
        Map<CheckStatus, Long> out = new LinkedHashMap<>();
        java.util.Arrays.stream(CheckStatus.values()).sorted(Comparator.comparingInt(s -> -rank(s)))
                .forEach(s -> out.put(s, checks.stream().filter(c -> c.status() == s).count()));
        return out;
    }
}
