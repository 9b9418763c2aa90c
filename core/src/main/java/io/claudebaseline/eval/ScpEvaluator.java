package io.claudebaseline.eval;

import io.claudebaseline.eval.condition.ConditionClause;
import io.claudebaseline.eval.condition.ConditionEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    private ScpEvaluator(List<ParsedPolicy> policies) {
        this.policies = List.copyOf(policies);
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

    /** Evaluates one request. */
    public Decision evaluate(Request request) {
        List<StatementRef> denies = new ArrayList<>();
        List<Decision.NearMiss> nearMisses = new ArrayList<>();
        for (ParsedPolicy policy : policies) {
            for (ParsedStatement st : policy.statements()) {
                if (!st.deny() || !actionMatches(st, request.action()) || !resourceMatches(st, request)) {
                    continue;
                }
                Optional<ConditionClause> failing = ConditionEvaluator.firstFailing(st.conditions(), request, st.variablesEnabled());
                if (failing.isEmpty()) {
                    denies.add(st.ref());
                } else {
                    nearMisses.add(new Decision.NearMiss(st.ref(), "condition " + failing.get().describe() + " is false for this request"));
                }
            }
        }
        return new Decision(denies.isEmpty() ? Decision.Outcome.NOT_DENIED : Decision.Outcome.DENIED, request, denies, nearMisses);
    }

    static boolean actionMatches(ParsedStatement st, String action) {
        if (st.actions() != null) {
            return st.actions().stream().anyMatch(p -> ActionMatcher.matches(p, action));
        }
        return st.notActions().stream().noneMatch(p -> ActionMatcher.matches(p, action));
    }

    static boolean resourceMatches(ParsedStatement st, Request request) {
        List<String> patterns = st.resources() != null ? st.resources() : st.notResources();
        boolean any = patterns.stream().anyMatch(p ->
                ArnMatcher.resourceMatches(PolicyVariables.resolve(p, request, st.variablesEnabled()), request.resource()));
        return st.resources() != null ? any : !any;
    }
}
