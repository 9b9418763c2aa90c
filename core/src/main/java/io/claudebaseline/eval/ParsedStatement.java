package io.claudebaseline.eval;

import io.claudebaseline.eval.condition.ConditionClause;
import java.util.List;

/**
 * One statement, validated and ready to evaluate.
 *
 * @param ref               which statement this is
 * @param deny              Effect is Deny (Allow statements are kept but never decide)
 * @param actions           the Action list, or null when the statement uses NotAction
 * @param notActions        the NotAction list, or null
 * @param resources         the Resource list, or null when the statement uses NotResource
 * @param notResources      the NotResource list, or null
 * @param conditions        the Condition clauses (all must hold)
 * @param variablesEnabled  policy variables are substituted (Version 2012-10-17)
 */
public record ParsedStatement(
        StatementRef ref,
        boolean deny,
        List<String> actions,
        List<String> notActions,
        List<String> resources,
        List<String> notResources,
        List<ConditionClause> conditions,
        boolean variablesEnabled) {}
