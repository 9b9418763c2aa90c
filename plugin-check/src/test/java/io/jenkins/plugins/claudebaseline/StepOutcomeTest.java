package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepOutcomeTest {

    static EngineResult verify(boolean compliant, List<CheckResult> checks) {
        return new EngineResult(Action.VERIFY, compliant, 0, checks, List.of(), List.of(), null,
                compliant ? "Compliant." : "Not compliant: see the report.\nsecond line");
    }

    static final List<CheckResult> DRIFT = List.of(
            CheckResult.pass("protect-workspaces", "scp-exists:claude-baseline-1", "SCP exists."),
            CheckResult.fail("protect-workspaces", "scp-attached:claude-baseline-1:ou-ab12-11111111", "SCP is not attached to ou-ab12-11111111."),
            CheckResult.warn("cloudtrail-data-events", "trail-logging:org-trail", "Trail logs only in us-east-1."),
            CheckResult.fail("deny-long-term-key-use", "scp-content:claude-baseline-1", "Statement DenyWhenLongTermBearerTokenUsed differs."));

    @Test
    void compliantRunsSucceedQuietly() {
        StepOutcome o = StepOutcome.decide(verify(true, List.of(DRIFT.get(0))), DriftPolicy.FAIL);
        assertThat(o.kind()).isEqualTo(StepOutcome.Kind.SUCCESS);
        assertThat(o.message()).isNull();
    }

    @Test
    void verifyDriftFailsByDefaultWithAShortSummary() {
        StepOutcome o = StepOutcome.decide(verify(false, DRIFT), null);
        assertThat(o.kind()).isEqualTo(StepOutcome.Kind.FAIL);
        assertThat(o.message()).isEqualTo("claude-baseline verify: not compliant (2 of 4 checks failed). Not compliant: see the report."
                + "\n  FAIL protect-workspaces / scp-attached:claude-baseline-1:ou-ab12-11111111: SCP is not attached to ou-ab12-11111111."
                + "\n  FAIL deny-long-term-key-use / scp-content:claude-baseline-1: Statement DenyWhenLongTermBearerTokenUsed differs.");
    }

    @Test
    void unstableAndIgnoreAreHonoured() {
        assertThat(StepOutcome.decide(verify(false, DRIFT), DriftPolicy.UNSTABLE).kind()).isEqualTo(StepOutcome.Kind.UNSTABLE);
        StepOutcome ignored = StepOutcome.decide(verify(false, DRIFT), DriftPolicy.IGNORE);
        assertThat(ignored.kind()).isEqualTo(StepOutcome.Kind.SUCCESS);
        assertThat(ignored.message()).startsWith("claude-baseline verify: not compliant").endsWith("(onDrift: ignore)");
    }

    @Test
    void longListsOfFailuresAreCountedNotListed() {
        List<CheckResult> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(CheckResult.fail("protect-workspaces", "check-" + i, "failure " + i));
        }
        String message = StepOutcome.decide(verify(false, many), null).message();
        assertThat(message).contains("failure 4").doesNotContain("failure 5").endsWith("… and 3 more (see the report)");
    }

    @Test
    void pendingPlanChangesOnlyMatterWhenOnDriftIsGiven() {
        EngineResult plan = new EngineResult(Action.PLAN, false, 3, List.of(), List.of(), List.of(), null, "3 changes.");
        assertThat(StepOutcome.decide(plan, null).kind()).isEqualTo(StepOutcome.Kind.SUCCESS);
        StepOutcome gated = StepOutcome.decide(plan, DriftPolicy.FAIL);
        assertThat(gated.kind()).isEqualTo(StepOutcome.Kind.FAIL);
        assertThat(gated.message()).isEqualTo("claude-baseline plan: 3 changes pending. 3 changes.");
        EngineResult one = new EngineResult(Action.APPLY, false, 1, List.of(), List.of(), List.of(), null, null);
        assertThat(StepOutcome.decide(one, DriftPolicy.UNSTABLE).message()).isEqualTo("claude-baseline apply: 1 change pending");
    }

    @Test
    void failingScenariosFailSimulateByDefault() {
        EngineResult sim = new EngineResult(Action.SIMULATE, false, 0, List.of(CheckResult.fail("scenario", "deny-key-creation", "was allowed")),
                List.of(), List.of(), null, "1 of 1 scenarios did not behave as expected.");
        StepOutcome o = StepOutcome.decide(sim, null);
        assertThat(o.kind()).isEqualTo(StepOutcome.Kind.FAIL);
        assertThat(o.message()).startsWith("claude-baseline simulate: not compliant (1 of 1 scenarios failed)");
    }

    @Test
    void defaultsPerAction() {
        assertThat(DriftPolicy.effective(Action.VERIFY, null)).isEqualTo(DriftPolicy.FAIL);
        assertThat(DriftPolicy.effective(Action.SIMULATE, null)).isEqualTo(DriftPolicy.FAIL);
        assertThat(DriftPolicy.effective(Action.PLAN, null)).isEqualTo(DriftPolicy.IGNORE);
        assertThat(DriftPolicy.effective(Action.APPLY, null)).isEqualTo(DriftPolicy.IGNORE);
        assertThat(DriftPolicy.effective(Action.PLAN, DriftPolicy.UNSTABLE)).isEqualTo(DriftPolicy.UNSTABLE);
        assertThat(DriftPolicy.parse(" Ignore ")).isEqualTo(DriftPolicy.IGNORE);
    }
}
