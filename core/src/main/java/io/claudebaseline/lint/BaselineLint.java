package io.claudebaseline.lint;

import io.claudebaseline.config.Problem;
import io.claudebaseline.eval.NamedPolicy;
import io.claudebaseline.eval.PolicyParseException;
import io.claudebaseline.eval.PolicyParser;
import io.claudebaseline.facts.ServiceReference;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.ScpDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints everything a run is about to rely on: every rendered SCP (bundled or custom templates) and the config's
 * {@code scenarios:}. The engine calls it in validate, render, simulate, plan, apply and verify, before any output
 * or AWS call; its errors stop the run.
 */
public final class BaselineLint {
    private BaselineLint() {}

    public static List<Problem> check(Baseline baseline) {
        ServiceReference reference = ServiceReference.bundled();
        PolicyLint policies = new PolicyLint(reference);
        List<Problem> problems = new ArrayList<>();
        for (ScpDocument scp : baseline.scps()) {
            try {
                problems.addAll(policies.lint(PolicyParser.parse(new NamedPolicy(scp.name(), null, scp.content()))));
            } catch (PolicyParseException e) {
                problems.add(Problem.error(scp.name() + (e.path().isEmpty() ? "" : "." + e.path()), e.getMessage()));
            }
        }
        problems.addAll(new ScenarioLint(reference).lint(baseline.config().scenarios()));
        return problems;
    }
}
