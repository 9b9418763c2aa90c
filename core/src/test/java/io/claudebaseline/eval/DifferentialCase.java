package io.claudebaseline.eval;

import java.util.List;

/**
 * One request for both evaluators of {@link DifferentialEvaluatorTest}.
 *
 * @param id        stable name, e.g. {@code conformance:action-exact}, {@code scenario:claude-baseline:<check>},
 *                  {@code mutation:claude-baseline:17}
 * @param origin    how it was made, in words (the conformance rule, the scenario's description, the mutations applied)
 * @param policySet name of the SCP set it runs against (cases share sets so the peer parses each once)
 * @param levels    the SCPs by org level, root first; our evaluator takes their union (a deny at any level denies)
 * @param request   the request
 */
record DifferentialCase(String id, String origin, String policySet, List<List<NamedPolicy>> levels, Request request) {

    /** Every SCP of every level, root first. */
    List<NamedPolicy> policies() {
        return levels.stream().flatMap(List::stream).toList();
    }
}
