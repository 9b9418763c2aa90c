package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.Request;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a statement's Condition block against a request, the way IAM does
 * (reference_policies_elements_condition_operators.html and reference_policies_multi-value-conditions.html):
 *
 * <ul>
 *   <li>every clause must hold (AND across operators and across keys);</li>
 *   <li>within a clause the policy values are OR-ed; for a negated operator the clause holds only when the
 *       request value matches NONE of them (NOR);</li>
 *   <li>a key missing from the request: positive operators are false, negated operators are true,
 *       {@code ...IfExists} is true, {@code ForAllValues:} is true, {@code ForAnyValue:} is false, and
 *       {@code Null} is true for {@code "true"} and false for {@code "false"}. An empty value list counts as
 *       missing ("resolves to an empty data set");</li>
 *   <li>{@code ForAnyValue:}: at least one request value satisfies the operator; {@code ForAllValues:}: every
 *       request value does. With a negated operator, "satisfies" means matches none of the policy values;</li>
 *   <li>no qualifier with several request values (AWS advises against it): the positive form holds when any
 *       request value matches any policy value, and the negated form is its negation.</li>
 * </ul>
 */
public final class ConditionEvaluator {
    private ConditionEvaluator() {}

    /**
     * @param variables whether the policy's language version supports policy variables
     * @return empty when every clause holds; otherwise the first clause that does not
     */
    public static Optional<ConditionClause> firstFailing(List<ConditionClause> clauses, Request request, boolean variables) {
        return CompiledCondition.of(clauses, variables).firstFailing(request);
    }

    /** Whether one clause holds for the request. */
    public static boolean holds(ConditionClause clause, Request request, boolean variables) {
        return holds(clause, CompiledCondition.compile(clause, variables), request);
    }

    /** Whether one clause, whose policy values are compiled into {@code policyValues}, holds for the request. */
    static boolean holds(ConditionClause clause, List<ValueMatcher> policyValues, Request request) {
        ConditionOperator op = clause.operator();
        List<String> actual = request.values(clause.key());
        boolean present = actual != null && !actual.isEmpty();
        // Indexed loops, no streams or iterators: a simulate run evaluates tens of thousands of requests with the
        // launcher's C1 compiler, which does not remove their allocations.
        if (op.isNullCheck()) {
            List<String> expected = clause.values();
            for (int i = 0; i < expected.size(); i++) {
                if (Boolean.parseBoolean(expected.get(i).trim()) != present) {
                    return true;
                }
            }
            return false;
        }
        if (!present) {
            if (op.ifExists()) {
                return true;
            }
            switch (op.qualifier()) {
                case FOR_ALL_VALUES:
                    return true;
                case FOR_ANY_VALUE:
                    return false;
                default:
                    return op.negated();
            }
        }
        switch (op.qualifier()) {
            case FOR_ANY_VALUE:
                for (int i = 0; i < actual.size(); i++) {
                    if (op.negated() != matchesAny(policyValues, actual.get(i), request)) {
                        return true;
                    }
                }
                return false;
            case FOR_ALL_VALUES:
                for (int i = 0; i < actual.size(); i++) {
                    if (op.negated() == matchesAny(policyValues, actual.get(i), request)) {
                        return false;
                    }
                }
                return true;
            default:
                boolean any = false;
                for (int i = 0; i < actual.size() && !any; i++) {
                    any = matchesAny(policyValues, actual.get(i), request);
                }
                return op.negated() != any;
        }
    }

    private static boolean matchesAny(List<ValueMatcher> policyValues, String requestValue, Request request) {
        for (int i = 0; i < policyValues.size(); i++) {
            if (policyValues.get(i).matches(requestValue, request)) {
                return true;
            }
        }
        return false;
    }
}
