package io.claudebaseline.eval;

import io.claudebaseline.eval.condition.CompiledCondition;
import java.util.List;
import java.util.Locale;

/**
 * A Deny statement with its Action, Resource and Condition patterns compiled once, for {@link ScpEvaluator}.
 * Matching follows {@link ActionMatcher} (case-insensitive, wildcards anywhere) and {@link ArnMatcher#resourceMatches}.
 */
final class CompiledStatement {
    final ParsedStatement source;
    /** Position among all statements of the evaluator: decisions list statements in policy and statement order. */
    final int ordinal;
    private final List<WildcardMatcher> actions;
    private final boolean notAction;
    private final List<PolicyPattern> resources;
    private final boolean notResource;
    private final CompiledCondition condition;
    /**
     * The near miss this statement reports when clause i is the first that does not hold, one per clause, made
     * once: every allowed request of a protected workspace is a near miss of its deny, and a simulate run has tens
     * of thousands of them, which now share one reason text per clause.
     */
    private final Decision.NearMiss[] nearMisses;

    CompiledStatement(ParsedStatement source, int ordinal) {
        this.source = source;
        this.ordinal = ordinal;
        this.notAction = source.actions() == null;
        this.actions = (notAction ? source.notActions() : source.actions()).stream().map(WildcardMatcher::compile).toList();
        this.notResource = source.resources() == null;
        this.resources = (notResource ? source.notResources() : source.resources()).stream()
                .map(r -> PolicyPattern.of(r, source.variablesEnabled())).toList();
        this.condition = CompiledCondition.of(source.conditions(), source.variablesEnabled());
        this.nearMisses = new Decision.NearMiss[condition.size()];
        for (int i = 0; i < nearMisses.length; i++) {
            nearMisses[i] = new Decision.NearMiss(source.ref(), "condition " + condition.clause(i).describe() + " is false for this request");
        }
    }

    boolean actionMatches(String action) {
        boolean any = false;
        for (int i = 0; i < actions.size() && !any; i++) { // indexed: no iterator per request (see ConditionEvaluator)
            any = actions.get(i).matches(action, true);
        }
        return notAction != any;
    }

    boolean resourceMatches(Request request) {
        boolean any = false;
        for (int i = 0; i < resources.size() && !any; i++) {
            any = ArnMatcher.resourceMatches(resources.get(i).resolve(request), request.resource());
        }
        return notResource != any;
    }

    /** Null when every condition clause holds (the statement applies); otherwise the near miss of the first that does not. */
    Decision.NearMiss nearMiss(Request request) {
        int failing = condition.firstFailingIndex(request);
        return failing < 0 ? null : nearMisses[failing];
    }

    /**
     * The lower-case service prefixes this statement's actions can match, or null when it may match an action
     * of any service (NotAction, {@code *}, a wildcard or non-ASCII character before the colon).
     */
    List<String> servicePrefixes() {
        if (notAction) {
            return null;
        }
        List<String> out = new java.util.ArrayList<>();
        for (String pattern : source.actions()) {
            String prefix = servicePrefix(pattern);
            if (prefix == null || prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0) {
                return null;
            }
            out.add(prefix);
        }
        return out;
    }

    /** The resources this statement can match, when each is a literal ARN; null when it may match others. */
    List<String> literalResources() {
        if (notResource) {
            return null;
        }
        List<String> out = new java.util.ArrayList<>();
        for (PolicyPattern p : resources) {
            if (!p.isLiteral()) {
                return null;
            }
            out.add(p.text());
        }
        return out;
    }

    /**
     * The lower-cased text before the first colon of an action, or null when there is no colon or it is not
     * plain ASCII (where lower-casing a whole string and matching character by character could disagree).
     */
    static String servicePrefix(String action) {
        int colon = action.indexOf(':');
        if (colon < 0) {
            return null;
        }
        for (int i = 0; i < colon; i++) {
            if (action.charAt(i) > 127) {
                return null;
            }
        }
        return action.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
