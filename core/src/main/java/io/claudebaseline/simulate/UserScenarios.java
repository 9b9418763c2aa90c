package io.claudebaseline.simulate;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ScenarioConfig;
import io.claudebaseline.eval.Request;
import java.util.ArrayList;
import java.util.List;

/** The config's {@code scenarios:} as {@link Scenario}s (already checked by {@link ScenarioValidator}). */
final class UserScenarios {
    static final String CONTROL = "scenario";

    private UserScenarios() {}

    static List<Scenario> from(BaselineConfig config) {
        List<Scenario> out = new ArrayList<>();
        List<ScenarioConfig> scenarios = config.scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            ScenarioConfig s = scenarios.get(i);
            String name = s.name() == null || s.name().isBlank() ? "scenarios[" + i + "]" : s.name();
            String check = "scenario:user:" + name;
            if (s.principal() == null || s.action() == null || s.expect() == null) {
                out.add(Scenario.underivable(CONTROL, check, name,
                        "scenarios[" + i + "] needs principal, action and expect (run validate for details)"));
                continue;
            }
            Scenario.Expect expect = s.expect() == ScenarioConfig.Expect.DENIED ? Scenario.Expect.DENIED : Scenario.Expect.ALLOWED;
            out.add(new Scenario(CONTROL, check, name,
                    new Request(s.principal(), s.action(), s.resource(), s.contextValues()), expect, null));
        }
        return out;
    }
}
