package io.claudebaseline.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a set of SCPs DENIES a request, as AWS evaluates the Deny statements of SCPs: a request is
 * denied when any Deny statement of any policy applies (explicit deny always wins,
 * orgs_manage_policies_scps_evaluation.html). A statement applies when its Action (or NotAction) matches the
 * action, its Resource (or NotResource) matches the resource and every Condition clause holds.
 *
 * <p>Allow statements never decide here: the evaluator assumes FullAWSAccess (or an equivalent Allow) is
 * attached so that SCPs allow everything they do not deny. It does not model identity, resource-based,
 * permission-boundary or session policies; see docs/simulation.md.
 */
public final class ScpEvaluator {
    private final List<ParsedPolicy> policies;
    private final StatementIndex index;

    private ScpEvaluator(List<ParsedPolicy> policies) {
        this.policies = List.copyOf(policies);
        List<CompiledStatement> compiled = new ArrayList<>();
        for (ParsedPolicy policy : this.policies) {
            for (ParsedStatement st : policy.statements()) {
                // Allow statements never decide (see above), so they are not compiled at all.
                if (st.deny()) {
                    compiled.add(new CompiledStatement(st, compiled.size()));
                }
            }
        }
        this.index = new StatementIndex(compiled);
    }

    /**
     * Parses the policies once for many requests.
     *
     * @throws PolicyParseException when one of them cannot be parsed (naming it and the element)
     */
    public static ScpEvaluator of(List<NamedPolicy> policies) {
        return new ScpEvaluator(policies.stream().map(PolicyParser::parse).toList());
    }

    /** An evaluator over already parsed policies. */
    public static ScpEvaluator ofParsed(List<ParsedPolicy> policies) {
        return new ScpEvaluator(policies);
    }

    /**
     * Evaluates one request. Only the statements that can apply to its action's service and its resource are
     * examined ({@link StatementIndex}); the outcome is the same as examining every statement.
     */
    public Decision evaluate(Request request) {
        // Candidates are walked by index and a decision's lists are immutable from the start (one element, the usual
        // case, is the list Decision keeps): the launcher's C1 compiler removes none of these allocations itself.
        List<StatementRef> denies = List.of();
        List<Decision.NearMiss> nearMisses = List.of();
        List<CompiledStatement> candidates = index.candidates(request);
        for (int i = 0; i < candidates.size(); i++) {
            CompiledStatement st = candidates.get(i);
            if (!st.actionMatches(request.action()) || !st.resourceMatches(request)) {
                continue;
            }
            Decision.NearMiss miss = st.nearMiss(request);
            if (miss == null) {
                denies = plus(denies, st.source.ref());
            } else {
                nearMisses = plus(nearMisses, miss);
            }
        }
        return new Decision(denies.isEmpty() ? Decision.Outcome.NOT_DENIED : Decision.Outcome.DENIED, request, denies, nearMisses);
    }

    /** {@code list} (immutable) with {@code item} appended, as a new immutable list. */
    private static <T> List<T> plus(List<T> list, T item) {
        if (list.isEmpty()) {
            return List.of(item);
        }
        List<T> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(item);
        return List.copyOf(out);
    }
}
