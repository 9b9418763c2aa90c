package io.claudebaseline.eval;

import java.util.List;

/**
 * The two ways AWS matches ARNs.
 *
 * <ul>
 *   <li>{@link #resourceMatches}: the {@code Resource}/{@code NotResource} element. Wildcards match across the
 *       whole ARN: a {@code *} expands over {@code /} and, at the end of a segment, beyond {@code :}
 *       (reference_policies_elements_resource.html). Case-sensitive ("the IAM user name is case sensitive").</li>
 *   <li>{@link #arnLike}: the {@code ArnEquals}/{@code ArnLike} condition operators (identical in AWS). Each of
 *       the six colon-delimited components is matched separately, so a {@code *} never spans a {@code :}
 *       except inside the last (resource) component, which keeps any further colons
 *       (reference_policies_elements_condition_operators.html, ARN condition operators). Case-sensitive. A
 *       value or pattern with fewer than six components matches nothing.</li>
 * </ul>
 */
public final class ArnMatcher {
    private static final int ARN_COMPONENTS = 6;

    private ArnMatcher() {}

    public static boolean resourceMatches(WildcardMatcher pattern, String resource) {
        return pattern.matches(resource, false);
    }

    public static boolean arnLike(WildcardMatcher pattern, String value) {
        return compileArnLike(pattern).matches(value);
    }

    /** {@link #arnLike} with the pattern split into its components once, for many values. */
    public static ArnLike compileArnLike(WildcardMatcher pattern) {
        List<WildcardMatcher> parts = pattern.matchesNothing() ? null : pattern.split(':', ARN_COMPONENTS);
        return new ArnLike(parts == null || parts.size() != ARN_COMPONENTS ? null : parts);
    }

    /** A compiled {@code ArnLike} pattern. */
    public static final class ArnLike {
        private final List<WildcardMatcher> parts;

        private ArnLike(List<WildcardMatcher> parts) {
            this.parts = parts;
        }

        public boolean matches(String value) {
            if (parts == null || value == null) {
                return false;
            }
            // Component by component in place (as value.split(":", 6) would cut it: the last keeps any further colons).
            int start = 0;
            for (int i = 0; i < ARN_COMPONENTS - 1; i++) {
                int colon = value.indexOf(':', start);
                if (colon < 0 || !parts.get(i).matches(value, start, colon, false)) {
                    return false;
                }
                start = colon + 1;
            }
            return parts.get(ARN_COMPONENTS - 1).matches(value, start, value.length(), false);
        }
    }

    /** {@link #arnLike} for a pattern with no policy variables. */
    public static boolean arnLike(String pattern, String value) {
        return arnLike(WildcardMatcher.compile(pattern), value);
    }
}
