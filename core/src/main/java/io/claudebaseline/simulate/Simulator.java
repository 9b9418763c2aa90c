package io.claudebaseline.simulate;

import io.claudebaseline.eval.NamedPolicy;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.verify.CheckResult;
import java.util.List;

/** Evaluates built-in and user scenarios against a set of SCPs. STUB. */
public final class Simulator {
    private Simulator() {}

    /**
     * @param baseline the desired state (scenarios are derived from its config)
     * @param policies the SCPs to evaluate: the rendered ones (simulate) or the live attached ones (verify)
     */
    public static List<CheckResult> check(Baseline baseline, List<NamedPolicy> policies) {
        throw new UnsupportedOperationException("Simulator not implemented yet");
    }
}
