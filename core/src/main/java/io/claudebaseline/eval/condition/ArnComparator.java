package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.ArnMatcher;
import io.claudebaseline.eval.PolicyPattern;
import io.claudebaseline.eval.PolicyVariables;
import io.claudebaseline.eval.Request;

/**
 * ARN condition operators: {@code ArnEquals} and {@code ArnLike} behave identically, matching each of the six
 * colon-delimited components separately with wildcards (reference_policies_elements_condition_operators.html,
 * ARN). Policy variables are supported.
 */
public final class ArnComparator implements ValueComparator {
    public static final ArnComparator INSTANCE = new ArnComparator();

    private ArnComparator() {}

    @Override
    public boolean matches(String policyValue, String requestValue, Request request, boolean variables) {
        return ArnMatcher.arnLike(PolicyVariables.resolve(policyValue, request, variables), requestValue);
    }

    @Override
    public ValueMatcher compile(String policyValue, boolean variables) {
        PolicyPattern pattern = PolicyPattern.of(policyValue, variables);
        if (!pattern.isFixed()) {
            return (requestValue, request) -> ArnMatcher.arnLike(pattern.resolve(request), requestValue);
        }
        ArnMatcher.ArnLike compiled = ArnMatcher.compileArnLike(pattern.resolve(null));
        return (requestValue, request) -> compiled.matches(requestValue);
    }
}
