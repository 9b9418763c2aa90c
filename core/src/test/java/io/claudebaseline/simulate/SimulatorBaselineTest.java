package io.claudebaseline.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.eval.NamedPolicy;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.render.BaselineBuilder;
import io.claudebaseline.render.Templates;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The simulator against baselines built by the real renderer ({@link BaselineBuilder} + bundled templates): the
 * example config and variants must pass every scenario, and deliberately broken SCP text must make a built-in
 * scenario FAIL.
 */
class SimulatorBaselineTest {
    static final Path EXAMPLE = locate("examples/claude-baseline.yaml");

    static Path locate(String relative) {
        Path p = Path.of(relative);
        return Files.exists(p) ? p : Path.of("..").resolve(relative);
    }

    static Baseline build(String yaml) throws Exception {
        return BaselineBuilder.build(ConfigLoader.parse(yaml, false, "test"), Templates.bundled());
    }

    static String example() throws Exception {
        return Files.readString(EXAMPLE);
    }

    static List<NamedPolicy> rendered(Baseline b) {
        return b.scps().stream().map(s -> new NamedPolicy(s.name(), null, s.content())).toList();
    }

    static List<NamedPolicy> renderedWith(Baseline b, UnaryOperator<String> edit) {
        return b.scps().stream().map(s -> new NamedPolicy(s.name(), null, edit.apply(s.content()))).toList();
    }

    static List<CheckResult> failures(List<CheckResult> checks) {
        return checks.stream().filter(c -> c.status() != CheckStatus.PASS).toList();
    }

    static CheckResult byName(List<CheckResult> checks, String name) {
        return checks.stream().filter(c -> c.check().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + checks.stream().map(CheckResult::check).toList()));
    }

    @Test
    void exampleConfigPassesEveryBuiltInAndUserScenario() throws Exception {
        Baseline baseline = BaselineBuilder.build(ConfigLoader.load(EXAMPLE), Templates.bundled());
        List<CheckResult> checks = Simulator.check(baseline, rendered(baseline));
        assertThat(failures(checks)).isEmpty();
        // 2 workspaces x (3 allowed-or-pattern principals x 3 actions ...): just pin the families that must be there.
        assertThat(checks).extracting(CheckResult::check).contains(
                "scenario:protect-workspaces:wrkspc_01AbCdEf23GhIj:allowed[0]:CreateInference",
                "scenario:protect-workspaces:wrkspc_01AbCdEf23GhIj:unlisted:UpdateEnvironment",
                "scenario:protect-workspaces:wrkspc_09ZyXwVu87TsRq:exempt[0]:CreateInference",
                "scenario:deny-long-term-key-creation:claude-service",
                "scenario:deny-long-term-key-creation:other-service:codecommit.amazonaws.com",
                "scenario:deny-shadow-users:shadow-user-under-path",
                "scenario:deny-long-term-key-use:short-term",
                "scenario:user:research role may not touch prod");
        assertThat(checks).allSatisfy(c -> assertThat(c.evidence()).containsKeys("principal", "action", "resource", "decision"));
    }

    @Test
    void seedParityVariantPassesWithTheBlanketDenyExpectations() throws Exception {
        String yaml = """
                version: 1
                targets: [r-ab12]
                workspaces:
                  - id: wrkspc_01AbCdEf23GhIj
                    allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer]
                controls:
                  denyLongTermKeyCreation: {scope: all-services}
                  denyShadowUsers: {userNamePattern: "AeaApiKey-????????", anyPath: false}
                """;
        Baseline b = build(yaml);
        List<CheckResult> checks = Simulator.check(b, rendered(b));
        assertThat(failures(checks)).isEmpty();
        CheckResult codecommit = byName(checks, "scenario:deny-long-term-key-creation:other-service:codecommit.amazonaws.com");
        assertThat(codecommit.evidence()).containsEntry("expected", "DENIED").containsEntry("decision", "DENIED");
        assertThat(byName(checks, "scenario:deny-shadow-users:shadow-user").evidence())
                .containsEntry("resource", "arn:aws:iam::111122223333:user/AeaApiKey-a1b2c3d4");
        assertThat(checks).extracting(CheckResult::check)
                .noneMatch(c -> c.contains("exempt[")).doesNotContain("scenario:deny-shadow-users:shadow-user-under-path");
    }

    @Test
    void perControlLayoutPassesAndNamesThePerControlScp() throws Exception {
        Baseline b = build(example().replace("layout: combined", "layout: per-control"));
        assertThat(b.scps()).hasSizeGreaterThan(1);
        List<CheckResult> checks = Simulator.check(b, rendered(b));
        assertThat(failures(checks)).isEmpty();
        String keyUsePolicy = (String) byName(checks, "scenario:deny-long-term-key-use:long-term").evidence().get("decidingPolicy");
        assertThat(b.scps()).filteredOn(s -> s.name().equals(keyUsePolicy))
                .singleElement().extracting(ScpDocument::controls).asList().containsExactly(io.claudebaseline.model.Control.DENY_LONG_TERM_KEY_USE);
    }

    @Test
    void openRegionAndAccountSharedAllowListsAndSeveralExemptionsPass() throws Exception {
        String yaml = """
                version: 1
                targets: [ou-ab12-11111111]
                workspaces:
                  - id: wrkspc_01AbCdEf23GhIj
                    allowedPrincipals: [arn:aws:iam::*:role/claude-app, arn:aws:iam::222233334444:user/ci/deployer]
                  - id: wrkspc_02Second
                    region: eu-central-1
                    allowedPrincipals: [arn:aws:iam::*:role/claude-app, arn:aws:iam::222233334444:user/ci/deployer]
                exemptPrincipals: [arn:aws:iam::*:role/BreakGlassAdmin, "arn:aws:iam::999988887777:role/Security?udit"]
                """;
        Baseline b = build(yaml);
        List<CheckResult> checks = Simulator.check(b, rendered(b));
        assertThat(failures(checks)).isEmpty();
        assertThat(checks).extracting(CheckResult::check).contains(
                "scenario:protect-workspaces:wrkspc_02Second:exempt[1]:GetWorkspace", "scenario:deny-long-term-key-use:exempt[1]");
        assertThat(byName(checks, "scenario:protect-workspaces:wrkspc_02Second:exempt[1]:GetWorkspace").evidence())
                .containsEntry("principal", "arn:aws:iam::999988887777:role/Securityxudit");
    }

    @Test
    void typoInTheRenderedActionMakesABuiltInScenarioFail() throws Exception {
        Baseline b = build(example());
        List<CheckResult> checks = Simulator.check(b, renderedWith(b,
                c -> c.replace("\"aws-external-anthropic:*\"", "\"aws-external-antropic:*\"")));
        assertThat(failures(checks)).extracting(CheckResult::check).contains(
                "scenario:protect-workspaces:wrkspc_01AbCdEf23GhIj:unlisted:CreateInference",
                "scenario:protect-workspaces:wrkspc_09ZyXwVu87TsRq:unlisted:UpdateSkill",
                "scenario:user:research role may not touch prod");
    }

    @Test
    void wrongOperatorInTheRenderedScpMakesBuiltInScenariosFail() throws Exception {
        Baseline b = build(example());
        List<CheckResult> checks = Simulator.check(b, renderedWith(b, c -> c.replace("\"StringEquals\"", "\"StringNotEquals\"")));
        assertThat(failures(checks)).extracting(CheckResult::check).contains(
                "scenario:deny-long-term-key-creation:claude-service",
                "scenario:deny-long-term-key-creation:other-service:codecommit.amazonaws.com",
                "scenario:deny-long-term-key-use:long-term",
                "scenario:deny-long-term-key-use:short-term");
    }

    @Test
    void overBroadExemptionInTheRenderedScpMakesBuiltInScenariosFail() throws Exception {
        Baseline b = build(example());
        List<CheckResult> checks = Simulator.check(b, renderedWith(b, c -> c.replace("role/BreakGlassAdmin", "role/*")));
        List<CheckResult> failed = failures(checks);
        assertThat(failed).extracting(CheckResult::check).contains(
                "scenario:protect-workspaces:wrkspc_01AbCdEf23GhIj:unlisted:CreateInference",
                "scenario:deny-long-term-key-creation:claude-service",
                "scenario:deny-shadow-users:shadow-user");
        assertThat(failed).allSatisfy(c -> assertThat(c.message()).contains("expected denied, got not denied"));
    }

    @Test
    void simulateThroughTheEngineIsCompliantForTheExampleAndNotForAWrongExpectation(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        io.claudebaseline.engine.BaselineEngine engine = new io.claudebaseline.engine.BaselineEngine();
        io.claudebaseline.engine.api.EngineResult ok = engine.run(io.claudebaseline.engine.api.EngineRequest.builder(
                io.claudebaseline.engine.api.Action.SIMULATE, EXAMPLE).build(), line -> { });
        assertThat(ok.exitCode()).isEqualTo(0);
        assertThat(ok.count(CheckStatus.FAIL)).isZero();

        Path wrong = dir.resolve("wrong.yaml");
        String ws = "workspace/wrkspc_01AbCdEf23GhIj\n    expect: ";
        String edited = example().replaceFirst(java.util.regex.Pattern.quote(ws + "allowed"), ws + "denied");
        assertThat(edited).isNotEqualTo(example());
        Files.writeString(wrong, edited);
        io.claudebaseline.engine.api.EngineResult failed = engine.run(io.claudebaseline.engine.api.EngineRequest.builder(
                io.claudebaseline.engine.api.Action.SIMULATE, wrong).build(), line -> { });
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.checks()).filteredOn(c -> c.status() == CheckStatus.FAIL).extracting(CheckResult::check)
                .containsExactly("scenario:user:deployer may run inference in prod");
    }
}
