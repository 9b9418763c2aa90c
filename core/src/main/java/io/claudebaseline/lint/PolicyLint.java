package io.claudebaseline.lint;

import io.claudebaseline.config.Problem;
import io.claudebaseline.eval.ParsedPolicy;
import io.claudebaseline.eval.ParsedStatement;
import io.claudebaseline.eval.condition.ConditionClause;
import io.claudebaseline.facts.ServiceReference;
import io.claudebaseline.facts.ServiceReference.ActionInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Offline lint of one SCP against the Service Authorization Reference, in the spirit of IAM Access Analyzer's
 * validate-policy: a misspelt action or a wildcard that matches no action is an ERROR (the statement silently denies
 * nothing); a condition key that applies to none of the statement's actions is an ERROR (the condition is always
 * false for them, so the deny never applies — or, under a negated operator, always applies); an operator that does
 * not fit the key's type and a resource that fits none of the actions' ARN formats are WARNINGs. Actions of services
 * the snapshot does not describe are not judged. Each problem's path names the policy, statement and field; its
 * message names the Sid.
 */
public final class PolicyLint {
    private final ServiceReference reference;
    private final ActionResolver resolver;

    public PolicyLint(ServiceReference reference) {
        this.reference = reference;
        this.resolver = new ActionResolver(reference);
    }

    /** Every problem of the policy (already parsed, so its grammar is sound). */
    public List<Problem> lint(ParsedPolicy policy) {
        List<Problem> problems = new ArrayList<>();
        for (ParsedStatement st : policy.statements()) {
            statement(problems, policy.source().name(), st);
        }
        return problems;
    }

    private void statement(List<Problem> problems, String policyName, ParsedStatement st) {
        String at = policyName + ".Statement[" + st.ref().index() + "]";
        String who = "statement " + (st.ref().sid() == null ? "#" + st.ref().index() : "'" + st.ref().sid() + "'")
                + " of SCP '" + policyName + "'";
        boolean notAction = st.actions() == null;
        String field = notAction ? "NotAction" : "Action";
        List<String> entries = notAction ? st.notActions() : st.actions();
        // The statement's actions, when the reference can name them all (no '*', no service outside the snapshot).
        Set<ActionInfo> actions = new LinkedHashSet<>();
        boolean allKnown = !notAction;
        for (int j = 0; j < entries.size(); j++) {
            String entry = entries.get(j);
            String path = at + "." + field + (entries.size() == 1 ? "" : "[" + j + "]");
            Optional<List<ActionInfo>> resolved = resolver.resolve(entry);
            if (resolved.isEmpty()) {
                allKnown = false;
                continue;
            }
            if (resolved.get().isEmpty()) {
                problems.add(Problem.error(path, who + ": " + unknownAction(entry)));
                continue;
            }
            actions.addAll(resolved.get());
        }
        if (!allKnown || actions.isEmpty()) {
            return;
        }
        conditions(problems, at, who, st, actions);
        resources(problems, at, who, st, actions);
    }

    private String unknownAction(String entry) {
        String service = entry.substring(0, entry.indexOf(':'));
        if (entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0) {
            return "the wildcard " + entry + " matches no action of " + service + " (Service Authorization Reference of "
                    + reference.dataDate() + "), so the statement covers nothing it was meant to; fix the pattern";
        }
        List<String> near = resolver.nearest(entry);
        return entry + " is not an action of " + service + " (Service Authorization Reference of " + reference.dataDate()
                + "), so it matches no request; "
                + (near.isEmpty() ? "check the spelling against the service's action list"
                        : "did you mean " + String.join(" or ", near) + "?");
    }

    private void conditions(List<Problem> problems, String at, String who, ParsedStatement st, Set<ActionInfo> actions) {
        for (ConditionClause c : st.conditions()) {
            String path = at + ".Condition." + c.operator().name() + "." + c.key();
            if (!reference.isGlobalKey(c.key()) && actions.stream().noneMatch(a -> a.hasConditionKey(c.key()))) {
                problems.add(Problem.error(path, who + ": the condition key " + c.key() + " applies to none of the statement's actions ("
                        + names(actions) + ") and is not a global condition key, so AWS never sets it for them and the"
                        + " condition is decided as if the key were missing; use a key the reference lists for these actions"));
                continue;
            }
            reference.keyType(c.key()).flatMap(type -> OperatorFit.misfit(c.operator().name(), type).map(family ->
                    Problem.warning(path, who + ": the " + family + " operator " + c.operator().name() + " does not fit the condition key "
                            + c.key() + " of type " + type + "; AWS compares the values as " + family.toLowerCase(java.util.Locale.ROOT)
                            + " values, which is probably not intended (use an operator for " + type + ")")))
                    .ifPresent(problems::add);
        }
    }

    private void resources(List<Problem> problems, String at, String who, ParsedStatement st, Set<ActionInfo> actions) {
        if (st.resources() == null) {
            return;
        }
        Set<String> formats = ArnFormats.of(reference, actions);
        List<String> resources = st.resources();
        for (int j = 0; j < resources.size(); j++) {
            String r = resources.get(j);
            if (r.equals("*") || formats.stream().anyMatch(f -> ArnFormats.fits(r, f))) {
                continue;
            }
            String path = at + ".Resource" + (resources.size() == 1 ? "" : "[" + j + "]");
            problems.add(Problem.warning(path, who + ": the resource " + r + " fits none of the resource formats of the statement's actions ("
                    + (formats.isEmpty() ? "they take no resource, so only \"*\" matches them" : String.join(", ", formats))
                    + "), so it matches no request"));
        }
    }

    private static String names(Set<ActionInfo> actions) {
        List<String> names = actions.stream().map(ActionInfo::qualified).toList();
        return names.size() <= 4 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
}
