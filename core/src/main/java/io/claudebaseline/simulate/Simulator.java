package io.claudebaseline.simulate;

import io.claudebaseline.eval.NamedPolicy;
import io.claudebaseline.eval.ParsedPolicy;
import io.claudebaseline.eval.PolicyParseException;
import io.claudebaseline.eval.PolicyParser;
import io.claudebaseline.eval.ScpEvaluator;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the built-in scenarios (derived from the config) and the user's scenarios against a set of SCPs,
 * offline, and reports one check per scenario. Used by {@code simulate} with the rendered SCPs and by
 * {@code verify} with the live content of the attached SCPs.
 */
public final class Simulator {
    private Simulator() {}

    /**
     * @param baseline the desired state (scenarios are derived from its config)
     * @param policies the SCPs to evaluate: the rendered ones (simulate) or the live attached ones (verify)
     * @return one check per scenario; plus one FAIL per policy that cannot be parsed (the scenarios are then
     *         evaluated against the remaining policies, so the run is non-compliant either way)
     */
    public static List<CheckResult> check(Baseline baseline, List<NamedPolicy> policies) {
        List<CheckResult> out = new ArrayList<>();
        List<ParsedPolicy> parsed = new ArrayList<>();
        for (NamedPolicy policy : policies) {
            try {
                parsed.add(PolicyParser.parse(policy));
            } catch (PolicyParseException e) {
                out.add(new CheckResult(UserScenarios.CONTROL, "scenario:policy-readable:" + policy.name(), CheckStatus.FAIL,
                        "The SCP cannot be evaluated, so no scenario can rely on it: " + e.getMessage() + ".",
                        policy.id() == null ? Map.of("policy", policy.name()) : Map.of("policy", policy.name(), "policyId", policy.id())));
            }
        }
        ScpEvaluator evaluator = ScpEvaluator.ofParsed(parsed);
        ScenarioChecker.NearMissTexts nearMissTexts = new ScenarioChecker.NearMissTexts();
        for (Scenario scenario : scenarios(baseline)) {
            out.add(ScenarioChecker.check(scenario, evaluator, nearMissTexts));
        }
        return out;
    }

    /** Built-in scenarios first (in control order), then the user's, in config order. */
    public static List<Scenario> scenarios(Baseline baseline) {
        List<Scenario> all = new ArrayList<>(BuiltInScenarios.derive(baseline.config()));
        all.addAll(UserScenarios.from(baseline.config()));
        return all;
    }
}
