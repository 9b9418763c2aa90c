package io.claudebaseline.simulate;

import io.claudebaseline.eval.Decision;
import io.claudebaseline.eval.Request;
import io.claudebaseline.eval.ScpEvaluator;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates one scenario and turns the decision into a check naming request, expectation and deciding statement. */
final class ScenarioChecker {
    private ScenarioChecker() {}

    /**
     * The near misses of one run as the evidence lists them. The evaluator hands out one NearMiss object per
     * statement clause, so the text of a single near miss (the allowed principals of a workspace all miss its deny
     * the same way) is made once and shared by every check that shows it, instead of held once per check.
     */
    static final class NearMissTexts {
        private final Map<Decision.NearMiss, List<String>> single = new IdentityHashMap<>();

        List<String> of(List<Decision.NearMiss> misses) {
            if (misses.size() == 1) {
                return single.computeIfAbsent(misses.get(0), m -> List.of(m.toString()));
            }
            return misses.stream().map(Decision.NearMiss::toString).toList();
        }
    }

    /** The check carries how long evaluating the scenario and explaining its decision took (junit.xml's time). */
    static CheckResult check(Scenario scenario, ScpEvaluator evaluator, NearMissTexts nearMissTexts) {
        long start = System.nanoTime();
        if (scenario.request() == null) {
            return new CheckResult(scenario.control(), scenario.check(), CheckStatus.WARN,
                    "Scenario not evaluated: " + scenario.description() + " — " + scenario.note() + ".",
                    Map.of("reason", scenario.note()), Duration.ofNanos(System.nanoTime() - start));
        }
        Request request = scenario.request();
        Decision decision = evaluator.evaluate(request);
        boolean expectedDenied = scenario.expect() == Scenario.Expect.DENIED;
        boolean ok = decision.isDenied() == expectedDenied;
        String actual = decision.isDenied() ? "denied" : "not denied";
        String message = (ok ? "As expected: " : "NOT as expected: ") + scenario.description()
                + ". Request " + request.describe() + "; expected " + scenario.expect().words() + ", got " + actual
                + " — " + decision.explain() + "."
                + (scenario.note() == null ? "" : " (" + scenario.note() + ")");
        return new CheckResult(scenario.control(), scenario.check(), ok ? CheckStatus.PASS : CheckStatus.FAIL, message,
                evidence(scenario, decision, nearMissTexts), Duration.ofNanos(System.nanoTime() - start));
    }

    private static Map<String, Object> evidence(Scenario scenario, Decision decision, NearMissTexts nearMissTexts) {
        Request r = scenario.request();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("principal", r.principal());
        ev.put("action", r.action());
        ev.put("resource", r.resource());
        Map<String, Object> context = new LinkedHashMap<>();
        r.context().forEach((k, v) -> context.put(k, v.size() == 1 ? v.get(0) : v));
        ev.put("context", context);
        ev.put("expected", scenario.expect() == Scenario.Expect.DENIED ? "DENIED" : "NOT_DENIED");
        ev.put("decision", decision.outcome().name());
        decision.decidingStatement().ifPresent(s -> {
            ev.put("decidingPolicy", s.policyName());
            if (s.policyId() != null) {
                ev.put("decidingPolicyId", s.policyId());
            }
            ev.put("decidingStatement", s.sid() == null ? "#" + s.index() : s.sid());
            ev.put("decidingStatementIndex", s.index());
        });
        if (!decision.isDenied() && !decision.nearMisses().isEmpty()) {
            ev.put("nearMisses", nearMissTexts.of(decision.nearMisses()));
        }
        if (scenario.note() != null) {
            ev.put("note", scenario.note());
        }
        return ev;
    }
}
