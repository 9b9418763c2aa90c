package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.PolicyVariables;
import io.claudebaseline.eval.Request;
import io.claudebaseline.eval.WildcardMatcher;

/**
 * String condition operators (reference_policies_elements_condition_operators.html, String): Equals is exact and
 * case-sensitive, EqualsIgnoreCase ignores case, Like is case-sensitive with {@code *}/{@code ?} wildcards
 * anywhere. Policy variables are supported.
 */
public enum StringComparator implements ValueComparator {
    EQUALS(false, false),
    EQUALS_IGNORE_CASE(false, true),
    LIKE(true, false);

    private final boolean wildcards;
    private final boolean ignoreCase;

    StringComparator(boolean wildcards, boolean ignoreCase) {
        this.wildcards = wildcards;
        this.ignoreCase = ignoreCase;
    }

    @Override
    public boolean matches(String policyValue, String requestValue, Request request, boolean variables) {
        WildcardMatcher pattern = PolicyVariables.resolve(policyValue, request, variables);
        if (wildcards) {
            return pattern.matches(requestValue, ignoreCase);
        }
        String literal = pattern.literalText();
        if (literal == null) {
            return false;
        }
        return ignoreCase ? literal.equalsIgnoreCase(requestValue) : literal.equals(requestValue);
    }
}
