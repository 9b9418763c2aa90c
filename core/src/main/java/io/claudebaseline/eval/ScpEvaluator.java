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
        // The lists are made only when something matches, and candidates are walked by index: most requests of a
        // simulate run match one statement, and the launcher's C1 compiler keeps every allocation it is given.
        List<StatementRef> denies = null;
        List<Decision.NearMiss> nearMisses = null;
        List<CompiledStatement> candidates = index.candidates(request);
        for (int i = 0; i < candidates.size(); i++) {
            CompiledStatement st = candidates.get(i);
            if (!st.actionMatches(request.action()) || !st.resourceMatches(request)) {
                continue;
            }
            Decision.NearMiss miss = st.nearMiss(request);
            if (miss == null) {
                denies = denies == null ? new ArrayList<>(2) : denies;
                denies.add(st.source.ref());
            } else {
                nearMisses = nearMisses == null ? new ArrayList<>(2) : nearMisses;
                nearMisses.add(miss);
            }
        }
        return new Decision(denies == null ? Decision.Outcome.NOT_DENIED : Decision.Outcome.DENIED, request,
                denies == null ? List.of() : denies, nearMisses == null ? List.of() : nearMisses);
    }
}
