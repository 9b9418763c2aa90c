package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.Request;
import java.util.Arrays;
import java.util.Base64;

/**
 * {@code BinaryEquals}: the policy holds base64; the request value (given base64-encoded too) must be the same
 * bytes. A request value that is not base64 matches nothing.
 */
public final class BinaryComparator implements ValueComparator {
    public static final BinaryComparator INSTANCE = new BinaryComparator();

    private BinaryComparator() {}

    @Override
    public boolean matches(String policyValue, String requestValue, Request request, boolean variables) {
        byte[] policy = decode(policyValue);
        byte[] actual = decode(requestValue);
        return policy != null && actual != null && Arrays.equals(policy, actual);
    }

    @Override
    public void checkPolicyValue(String policyValue) {
        if (decode(policyValue) == null) {
            throw new IllegalArgumentException("'" + policyValue + "' is not base64");
        }
    }

    private static byte[] decode(String s) {
        try {
            return Base64.getDecoder().decode(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
