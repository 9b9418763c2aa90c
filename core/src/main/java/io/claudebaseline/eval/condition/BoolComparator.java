package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.Request;

/** The {@code Bool} operator: {@code true}/{@code false}, compared without regard to case. */
public final class BoolComparator implements ValueComparator {
    public static final BoolComparator INSTANCE = new BoolComparator();

    private BoolComparator() {}

    @Override
    public boolean matches(String policyValue, String requestValue, Request request, boolean variables) {
        return policyValue.trim().equalsIgnoreCase(requestValue.trim());
    }

    @Override
    public void checkPolicyValue(String policyValue) {
        String v = policyValue.trim();
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("'" + policyValue + "' is not true or false");
        }
    }
}
