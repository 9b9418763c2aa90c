package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.Request;

/**
 * One condition operator family's positive-sense comparison of ONE policy value with ONE request value.
 * Negation, {@code IfExists}, set qualifiers and missing keys are handled once, in {@link ConditionEvaluator}.
 */
public interface ValueComparator {

    /**
     * @param policyValue the value as written in the policy (variables unresolved)
     * @param requestValue one value of the key from the request
     * @param request     the whole request, for policy variables
     * @param variables   whether the policy language version supports variables
     */
    boolean matches(String policyValue, String requestValue, Request request, boolean variables);

    /**
     * Compiles one policy value for many comparisons. The default compares through {@link #matches} each time;
     * families whose values are patterns or ranges parse them here, once.
     */
    default ValueMatcher compile(String policyValue, boolean variables) {
        return (requestValue, request) -> matches(policyValue, requestValue, request, variables);
    }

    /** Rejects a policy value this family cannot compare (so bad policies fail at parse time, not silently). */
    default void checkPolicyValue(String policyValue) {}
}
