package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.Request;
import java.math.BigDecimal;

/**
 * Numeric condition operators (integers or decimals; no wildcards, no policy variables). A request value that is
 * not a number matches nothing.
 */
public enum NumericComparator implements ValueComparator {
    EQUALS, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS;

    @Override
    public boolean matches(String policyValue, String requestValue, Request request, boolean variables) {
        BigDecimal policy = parse(policyValue);
        BigDecimal actual = parse(requestValue);
        if (policy == null || actual == null) {
            return false;
        }
        return Ordering.holds(this.ordinal(), actual.compareTo(policy));
    }

    @Override
    public void checkPolicyValue(String policyValue) {
        if (parse(policyValue) == null) {
            throw new IllegalArgumentException("'" + policyValue + "' is not a number");
        }
    }

    private static BigDecimal parse(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    /** Shared by numeric and date comparison: ordinal order is EQUALS, LT, LTE, GT, GTE. */
    static final class Ordering {
        private Ordering() {}

        static boolean holds(int op, int cmp) {
            switch (op) {
                case 0: return cmp == 0;
                case 1: return cmp < 0;
                case 2: return cmp <= 0;
                case 3: return cmp > 0;
                default: return cmp >= 0;
            }
        }
    }
}
