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

    /**
     * The check carries how long evaluating the scenario took (junit.xml's time). Its message and evidence are
     * deferred ({@link ScenarioDetails}): a run holds tens of thousands of these checks for its reports, and the
     * texts are built only when a report or the terminal shows them.
     */
    static CheckResult check(Scenario scenario, ScpEvaluator evaluator, NearMissTexts nearMissTexts) {
        long start = System.nanoTime();
        if (scenario.request() == null) {
            return new CheckResult(scenario.control(), scenario.check(), CheckStatus.WARN,
                    "Scenario not evaluated: " + scenario.description() + " — " + scenario.note() + ".",
                    Map.of("reason", scenario.note()), Duration.ofNanos(System.nanoTime() - start));
        }
        Decision decision = evaluator.evaluate(scenario.request());
        boolean ok = decision.isDenied() == (scenario.expect() == Scenario.Expect.DENIED);
        List<String> nearMisses = !decision.isDenied() && !decision.nearMisses().isEmpty() ? nearMissTexts.of(decision.nearMisses()) : null;
        return CheckResult.deferred(scenario.control(), scenario.check(), ok ? CheckStatus.PASS : CheckStatus.FAIL,
                new ScenarioDetails(scenario, decision, nearMisses), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * An evaluated scenario's message and evidence, built from the scenario and its decision when asked for.
     *
     * @param nearMisses the evidence's near-miss texts (shared between checks, see {@link NearMissTexts}); null when
     *                   the evidence lists none
     */
    record ScenarioDetails(Scenario scenario, Decision decision, List<String> nearMisses) implements CheckResult.Details {
        @Override
        public String message() {
            boolean ok = decision.isDenied() == (scenario.expect() == Scenario.Expect.DENIED);
            String actual = decision.isDenied() ? "denied" : "not denied";
            // String.join sizes the text once; the build's inline concatenation would grow a StringBuilder from 16
            // characters and copy it to UTF-16 at the dash, several times the text in garbage on every build.
            return String.join("", ok ? "As expected: " : "NOT as expected: ", scenario.description(),
                    ". Request ", scenario.request().describe(), "; expected ", scenario.expect().words(), ", got ", actual,
                    " — ", decision.explain(), ".", scenario.note() == null ? "" : " (", scenario.note() == null ? "" : scenario.note(),
                    scenario.note() == null ? "" : ")");
        }

        @Override
        public Map<String, Object> evidence() {
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
            if (nearMisses != null) {
                ev.put("nearMisses", nearMisses);
            }
            if (scenario.note() != null) {
                ev.put("note", scenario.note());
            }
            return ev;
        }

        /** The summary groups every check by its action: answered without building the evidence. */
        @Override
        public Object evidenceValue(String key) {
            return switch (key) {
                case "principal" -> scenario.request().principal();
                case "action" -> scenario.request().action();
                case "resource" -> scenario.request().resource();
                default -> evidence().get(key);
            };
        }
    }
}
