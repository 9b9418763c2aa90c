package io.claudebaseline.eval.condition;

import java.util.List;

/**
 * One operator/key pair of a Condition block with its policy values (OR-ed, or NOR-ed for negated operators).
 *
 * @param operator the operator
 * @param key      the condition key as written (matched case-insensitively)
 * @param values   the policy values, as strings
 */
public record ConditionClause(ConditionOperator operator, String key, List<String> values) {
    public ConditionClause {
        values = List.copyOf(values);
    }

    /** {@code ArnNotLike aws:PrincipalArn [a, b]}. */
    public String describe() {
        return operator.name() + " " + key + " " + (values.size() == 1 ? values.get(0) : values.toString());
    }
}
