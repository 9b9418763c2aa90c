package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.PolicyPattern;
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
        return compare(PolicyVariables.resolve(policyValue, request, variables), requestValue);
    }

    @Override
    public ValueMatcher compile(String policyValue, boolean variables) {
        PolicyPattern pattern = PolicyPattern.of(policyValue, variables);
        if (!pattern.isFixed()) {
            return (requestValue, request) -> compare(pattern.resolve(request), requestValue);
        }
        WildcardMatcher fixed = pattern.resolve(null);
        if (wildcards) {
            return (requestValue, request) -> fixed.matches(requestValue, ignoreCase);
        }
        String literal = fixed.literalText();
        return ignoreCase ? (requestValue, request) -> literal.equalsIgnoreCase(requestValue)
                : (requestValue, request) -> literal.equals(requestValue);
    }

    private boolean compare(WildcardMatcher pattern, String requestValue) {
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
