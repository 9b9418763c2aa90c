package io.claudebaseline.eval.condition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed condition operator name such as {@code ForAnyValue:StringNotLikeIfExists}: set qualifier, operator
 * family (its {@link ValueComparator}), whether it is negated, whether it ends in {@code IfExists}. {@code Null}
 * has no comparator: it only tests whether the key is present.
 *
 * @param name       the operator as written
 * @param qualifier  ForAnyValue/ForAllValues/none
 * @param comparator the family's positive comparison; null for {@code Null}
 * @param negated    the Not form (StringNotEquals, ArnNotLike, NumericNotEquals, DateNotEquals, ...)
 * @param ifExists   the {@code ...IfExists} form
 */
public record ConditionOperator(String name, SetQualifier qualifier, ValueComparator comparator, boolean negated, boolean ifExists) {

    private static final String IF_EXISTS = "IfExists";
    private static final String NULL = "Null";

    /** Base operator name → (comparator, negated). */
    private static final Map<String, Base> BASES = new LinkedHashMap<>();

    private record Base(ValueComparator comparator, boolean negated) {}

    static {
        base("StringEquals", StringComparator.EQUALS, false);
        base("StringNotEquals", StringComparator.EQUALS, true);
        base("StringEqualsIgnoreCase", StringComparator.EQUALS_IGNORE_CASE, false);
        base("StringNotEqualsIgnoreCase", StringComparator.EQUALS_IGNORE_CASE, true);
        base("StringLike", StringComparator.LIKE, false);
        base("StringNotLike", StringComparator.LIKE, true);
        base("NumericEquals", NumericComparator.EQUALS, false);
        base("NumericNotEquals", NumericComparator.EQUALS, true);
        base("NumericLessThan", NumericComparator.LESS_THAN, false);
        base("NumericLessThanEquals", NumericComparator.LESS_THAN_EQUALS, false);
        base("NumericGreaterThan", NumericComparator.GREATER_THAN, false);
        base("NumericGreaterThanEquals", NumericComparator.GREATER_THAN_EQUALS, false);
        base("DateEquals", DateComparator.EQUALS, false);
        base("DateNotEquals", DateComparator.EQUALS, true);
        base("DateLessThan", DateComparator.LESS_THAN, false);
        base("DateLessThanEquals", DateComparator.LESS_THAN_EQUALS, false);
        base("DateGreaterThan", DateComparator.GREATER_THAN, false);
        base("DateGreaterThanEquals", DateComparator.GREATER_THAN_EQUALS, false);
        base("Bool", BoolComparator.INSTANCE, false);
        base("BinaryEquals", BinaryComparator.INSTANCE, false);
        base("ArnEquals", ArnComparator.INSTANCE, false);
        base("ArnLike", ArnComparator.INSTANCE, false);
        base("ArnNotEquals", ArnComparator.INSTANCE, true);
        base("ArnNotLike", ArnComparator.INSTANCE, true);
        base("IpAddress", IpAddressComparator.INSTANCE, false);
        base("NotIpAddress", IpAddressComparator.INSTANCE, true);
    }

    private static void base(String name, ValueComparator comparator, boolean negated) {
        BASES.put(name, new Base(comparator, negated));
    }

    /** True for the {@code Null} existence check. */
    public boolean isNullCheck() {
        return comparator == null;
    }

    /**
     * Parses an operator name.
     *
     * @throws IllegalArgumentException naming what is wrong (unknown operator, IP operators not modelled, a
     *                                  qualifier or IfExists on Null)
     */
    public static ConditionOperator parse(String name) {
        String rest = name;
        SetQualifier qualifier = SetQualifier.NONE;
        for (SetQualifier q : SetQualifier.values()) {
            if (q != SetQualifier.NONE && rest.startsWith(q.prefix())) {
                qualifier = q;
                rest = rest.substring(q.prefix().length());
            }
        }
        if (rest.equals(NULL)) {
            if (qualifier != SetQualifier.NONE) {
                throw new IllegalArgumentException("the Null operator takes no set qualifier (" + name + ")");
            }
            return new ConditionOperator(name, qualifier, null, false, false);
        }
        boolean ifExists = rest.endsWith(IF_EXISTS);
        String baseName = ifExists ? rest.substring(0, rest.length() - IF_EXISTS.length()) : rest;
        if (baseName.equals(NULL)) {
            throw new IllegalArgumentException("IfExists cannot be added to the Null operator (" + name + ")");
        }
        Base base = BASES.get(baseName);
        if (base == null) {
            SetQualifier q = qualifier;
            String hint = BASES.keySet().stream().filter(k -> k.equalsIgnoreCase(baseName)).findFirst()
                    .map(k -> " (operator names are case-sensitive: did you mean " + q.prefix() + k + (ifExists ? IF_EXISTS : "") + "?)")
                    .orElse("");
            throw new IllegalArgumentException("unknown condition operator " + name + hint);
        }
        return new ConditionOperator(name, qualifier, base.comparator(), base.negated(), ifExists);
    }
}
