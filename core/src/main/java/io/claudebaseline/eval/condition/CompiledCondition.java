package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A statement's Condition block with every policy value compiled once ({@link ValueComparator#compile}); the
 * rules of evaluation are {@link ConditionEvaluator}'s.
 */
public final class CompiledCondition {
    private final List<ConditionClause> clauses;
    private final List<List<ValueMatcher>> values;

    private CompiledCondition(List<ConditionClause> clauses, List<List<ValueMatcher>> values) {
        this.clauses = clauses;
        this.values = values;
    }

    /**
     * @param variables whether the policy's language version supports policy variables
     */
    public static CompiledCondition of(List<ConditionClause> clauses, boolean variables) {
        List<List<ValueMatcher>> values = new ArrayList<>();
        for (ConditionClause clause : clauses) {
            values.add(compile(clause, variables));
        }
        return new CompiledCondition(List.copyOf(clauses), values);
    }

    static List<ValueMatcher> compile(ConditionClause clause, boolean variables) {
        ValueComparator comparator = clause.operator().comparator();
        if (comparator == null) {
            return List.of(); // Null only tests presence
        }
        return clause.values().stream().map(v -> comparator.compile(v, variables)).toList();
    }

    /** The number of clauses. */
    public int size() {
        return clauses.size();
    }

    /** The clause at {@code index}, in policy order. */
    public ConditionClause clause(int index) {
        return clauses.get(index);
    }

    /** -1 when every clause holds; otherwise the index of the first that does not. */
    public int firstFailingIndex(Request request) {
        for (int i = 0; i < clauses.size(); i++) {
            if (!ConditionEvaluator.holds(clauses.get(i), values.get(i), request)) {
                return i;
            }
        }
        return -1;
    }

    /** Empty when every clause holds; otherwise the first that does not. */
    public Optional<ConditionClause> firstFailing(Request request) {
        int failing = firstFailingIndex(request);
        return failing < 0 ? Optional.empty() : Optional.of(clauses.get(failing));
    }
}
