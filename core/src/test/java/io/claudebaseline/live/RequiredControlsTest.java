package io.claudebaseline.live;

import static io.claudebaseline.live.PlannerTest.CONTENT;
import static io.claudebaseline.live.PlannerTest.DATA;
import static io.claudebaseline.live.VerifierTest.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ControlsConfig;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * verify --require: a gate that names the controls it depends on fails when one of them is switched off in the
 * config or not in place live, so weakening the config cannot silently weaken the gate.
 */
class RequiredControlsTest {

    private static List<CheckResult> verify(Baseline baseline, LiveState live, List<String> require) {
        List<CheckResult> checks = new ArrayList<>(Verifier.check(baseline, live));
        checks.addAll(RequiredControls.check(baseline, checks, RequiredControls.parse(require)));
        return checks;
    }

    private static Baseline withoutKeyUseControl() {
        Baseline b = VerifierTest.baseline("111122223333", "us-east-1", null);
        BaselineConfig c = b.config();
        BaselineConfig off = new BaselineConfig(c.version(), c.policyNamePrefix(), c.targets(), c.workspaces(), c.exemptPrincipals(),
                new ControlsConfig(c.controls().protectWorkspaces(), c.controls().denyLongTermKeyCreation(), c.controls().denyShadowUsers(),
                        new ControlsConfig.Toggle(false), c.controls().cloudTrailDataEvents(), c.controls().restrictPlatformAdministration()),
                c.layout(), c.limits(), c.tags(), c.partition(), c.scenarios(), c.audit());
        return new Baseline(off, List.of(), b.targets(), b.trail(), b.tags());
    }

    @Test
    void aRequiredControlInPlacePasses() {
        LiveState live = VerifierTest.live(PlannerTest.trail(true, List.of(DATA), List.of()), null);
        List<CheckResult> checks = verify(VerifierTest.baseline("111122223333", "us-east-1", null), live,
                List.of("deny-long-term-key-use", "cloudtrail-data-events"));
        assertThat(check(checks, "required-control:deny-long-term-key-use").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(checks, "required-control:cloudtrail-data-events").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aRequiredControlSwitchedOffInTheConfigFailsTheGate() {
        // The live organisation still has the SCP, but the config no longer wants it: without --require this
        // config verifies the trail only.
        LiveState live = VerifierTest.live(PlannerTest.trail(true, List.of(DATA), List.of()), null);
        List<CheckResult> checks = verify(withoutKeyUseControl(), live, List.of("deny-long-term-key-use"));
        CheckResult required = check(checks, "required-control:deny-long-term-key-use");
        assertThat(required.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(required.control()).isEqualTo(Control.DENY_LONG_TERM_KEY_USE.id());
        assertThat(required.message()).contains("not enabled in the config", "controls.denyLongTermKeyUse");
    }

    @Test
    void aRequiredControlNotInPlaceLiveFailsTheGate() {
        LiveState.Trail notLogging = PlannerTest.trail(false, List.of(DATA), List.of());
        var owned = Map.of("claude-baseline-1", new LiveState.Scp("p-1", "claude-baseline-1", "baseline", CONTENT, PlannerTest.OWNED_TAGS,
                List.of(PlannerTest.OU)));
        LiveState live = new LiveState(new LiveState.Organization("o-1", VerifierTest.MANAGEMENT, "ALL", "r-1", true), owned, List.of(), Map.of(),
                java.util.Optional.of(new LiveState.TrailLookup("org-trail", "us-east-1", notLogging, null)), java.util.Optional.empty());
        List<CheckResult> checks = verify(VerifierTest.baseline("111122223333", "us-east-1", null), live,
                List.of("deny-long-term-key-use", "cloudtrail-data-events"));
        CheckResult scp = check(checks, "required-control:deny-long-term-key-use");
        assertThat(scp.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(scp.message()).contains("not in place", "scp-attached:claude-baseline-1:" + PlannerTest.ACCOUNT);
        CheckResult trail = check(checks, "required-control:cloudtrail-data-events");
        assertThat(trail.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(trail.message()).contains("trail-logging");
    }

    @Test
    void aRequiredControlNothingProvesFails() {
        // protect-workspaces is on by default but the baseline carries no statement of it (no SCP here has it).
        LiveState live = VerifierTest.live(PlannerTest.trail(true, List.of(DATA), List.of()), null);
        Baseline b = VerifierTest.baseline("111122223333", "us-east-1", null);
        List<CheckResult> checks = new ArrayList<>(Verifier.check(b, live));
        checks.removeIf(c -> c.control().equals(Control.PROTECT_WORKSPACES.id()));
        checks.addAll(RequiredControls.check(b, checks, List.of(Control.PROTECT_WORKSPACES)));
        CheckResult required = check(checks, "required-control:protect-workspaces");
        assertThat(required.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(required.message()).contains("no check");
    }

    @Test
    void unknownControlIdsAreRefusedNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> RequiredControls.parse(List.of("protect-workspaces", "deny-everything")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'deny-everything'")
                .hasMessageContaining("protect-workspaces, deny-long-term-key-creation, deny-shadow-users, deny-long-term-key-use,"
                        + " platform-administration, cloudtrail-data-events");
        assertThat(RequiredControls.parse(List.of(" cloudtrail-data-events ", "cloudtrail-data-events"))).containsExactly(Control.CLOUDTRAIL_DATA_EVENTS);
        assertThat(RequiredControls.parse(null)).isEmpty();
    }
}
