package io.claudebaseline.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.eval.NamedPolicy;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The simulator against hand-written SCPs (independent of the renderer): correct SCPs pass every built-in
 * scenario, and each classic mistake (typo, wrong operator, over-broad exemption, blanket deny, missing
 * exemption) makes the scenario that guards against it FAIL with a message naming the deciding statement.
 */
class SimulatorTest {
    static final String CONFIG = """
            version: 1
            targets: ["111122223333"]
            workspaces:
              - id: wrkspc_01AbCdEf23GhIj
                allowedPrincipals:
                  - arn:aws:iam::111122223333:role/claude-prod-deployer
                  - arn:aws:iam::111122223333:role/team-*
            exemptPrincipals:
              - arn:aws:iam::*:role/BreakGlassAdmin
            """;

    static final String PROTECT = """
            {"Sid":"Protect","Effect":"Deny","Action":"aws-external-anthropic:*",
             "Resource":["arn:aws:aws-external-anthropic:*:*:workspace/wrkspc_01AbCdEf23GhIj"],
             "Condition":{"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::111122223333:role/claude-prod-deployer",
               "arn:aws:iam::111122223333:role/team-*","arn:aws:iam::*:role/BreakGlassAdmin"]}}}""";
    static final String KEY_CREATION = """
            {"Sid":"DenyServiceSpecificCredential","Effect":"Deny","Action":["iam:CreateServiceSpecificCredential",
             "iam:ResetServiceSpecificCredential","iam:UpdateServiceSpecificCredential"],"Resource":["*"],
             "Condition":{"StringEquals":{"iam:ServiceSpecificCredentialServiceName":"aws-external-anthropic.amazonaws.com"},
               "ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/BreakGlassAdmin"]}}}""";
    static final String SHADOW = """
            {"Sid":"DenyShadow","Effect":"Deny","Action":["iam:CreateUser"],
             "Resource":["arn:aws:iam::*:user/AeaApiKey-*","arn:aws:iam::*:user/*/AeaApiKey-*"],
             "Condition":{"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/BreakGlassAdmin"]}}}""";
    static final String KEY_USE = """
            {"Sid":"DenyLongTermUse","Effect":"Deny","Action":"aws-external-anthropic:CallWithBearerToken","Resource":"*",
             "Condition":{"StringEquals":{"aws-external-anthropic:BearerTokenType":"LONG_TERM"},
               "ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/BreakGlassAdmin"]}}}""";

    static Baseline baseline(String yaml) throws Exception {
        BaselineConfig config = ConfigLoader.parse(yaml, false, "test");
        return new Baseline(config, List.of(), config.targets(), Optional.empty(), Map.of());
    }

    static List<NamedPolicy> scp(String... statements) {
        String content = "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
        return List.of(new NamedPolicy("claude-baseline-1", null, content));
    }

    static List<CheckResult> run(String yaml, List<NamedPolicy> policies) throws Exception {
        return Simulator.check(baseline(yaml), policies);
    }

    static CheckResult check(List<CheckResult> checks, String name) {
        return SimulatorBaselineTest.byName(checks, name);
    }

    static final String P = "scenario:protect-workspaces:wrkspc_01AbCdEf23GhIj";

    @Test
    void correctScpsPassEveryBuiltInScenario() throws Exception {
        List<CheckResult> checks = run(CONFIG, scp(PROTECT, KEY_CREATION, SHADOW, KEY_USE));
        assertThat(checks).allSatisfy(c -> assertThat(c.status()).as(c.message()).isEqualTo(CheckStatus.PASS));
        // (2 allowed + 1 unlisted + 1 exempt) x every workspace action of the reference; key creation 3, reset/update
        // 2 x (claude + codecommit) + exempt, a one-day key 1; shadow users 4; key use 3
        int actions = BuiltInScenarios.WORKSPACE_ACTIONS.size();
        assertThat(actions).isEqualTo(65);
        assertThat(checks).hasSize(4 * actions + 16);
        assertThat(checks).filteredOn(c -> c.control().equals(Control.PROTECT_WORKSPACES.id())).hasSize(4 * actions);
        assertThat(checks).extracting(CheckResult::check).contains(P + ":unlisted:ProcessEnvironmentWork",
                P + ":unlisted:TagResource", P + ":exempt[0]:RotateWebhookSecret", P + ":allowed[1]:CountTokens");
        assertThat(check(checks, P + ":unlisted:CreateInference").evidence())
                .containsEntry("decision", "DENIED").containsEntry("decidingPolicy", "claude-baseline-1")
                .containsEntry("decidingStatement", "Protect").containsEntry("expected", "DENIED");
    }

    @Test
    void wildcardPrincipalAndOpenRegionAreReplacedByExamplesAndSaidSo() throws Exception {
        List<CheckResult> checks = run(CONFIG, scp(PROTECT, KEY_CREATION, SHADOW, KEY_USE));
        CheckResult team = check(checks, P + ":allowed[1]:UpdateSkill");
        assertThat(team.evidence()).containsEntry("principal", "arn:aws:iam::111122223333:role/team-example")
                .containsEntry("resource", "arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj");
        assertThat(team.message()).contains("example principal arn:aws:iam::111122223333:role/team-example derived from the pattern "
                + "arn:aws:iam::111122223333:role/team-*").contains("the config leaves the region and the account open");
    }

    @Test
    void typoInTheProtectActionFailsTheUnlistedScenario() throws Exception {
        List<CheckResult> checks = run(CONFIG, scp(PROTECT.replace("aws-external-anthropic:*", "aws-external-antropic:*"),
                KEY_CREATION, SHADOW, KEY_USE));
        CheckResult unlisted = check(checks, P + ":unlisted:CreateInference");
        assertThat(unlisted.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(unlisted.message()).contains("expected denied, got not denied")
                .contains("aws-external-anthropic:CreateInference on arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj")
                .contains("by arn:aws:iam::111122223333:role/Administrator")
                .contains("no Deny statement matches this action and resource");
        assertThat(check(checks, P + ":allowed[0]:CreateInference").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void wrongOperatorDeniesTheAllowedAndLetsTheUnlistedIn() throws Exception {
        List<CheckResult> checks = run(CONFIG, scp(PROTECT.replace("ArnNotLike", "ArnLike"), KEY_CREATION, SHADOW, KEY_USE));
        CheckResult allowed = check(checks, P + ":allowed[0]:CreateInference");
        assertThat(allowed.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(allowed.message()).contains("expected not denied (allowed), got denied")
                .contains("denied by policy 'claude-baseline-1' statement 'Protect' (#0)");
        assertThat(check(checks, P + ":unlisted:UpdateEnvironment").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void overBroadExemptionLetsTheUnlistedAdministratorIn() throws Exception {
        List<CheckResult> checks = run(CONFIG, scp(PROTECT.replace("arn:aws:iam::*:role/BreakGlassAdmin", "arn:aws:iam::*:role/*"),
                KEY_CREATION, SHADOW, KEY_USE));
        CheckResult unlisted = check(checks, P + ":unlisted:UpdateSkill");
        assertThat(unlisted.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(unlisted.message()).contains("statement 'Protect' (#0) did not apply: condition ArnNotLike aws:PrincipalArn");
        assertThat(unlisted.evidence()).containsKey("nearMisses");
    }

    @Test
    void blanketKeyCreationDenyFailsTheCodeCommitScenarioUnderTheDefaultScope() throws Exception {
        String blanket = "{\"Sid\":\"DenyServiceSpecificCredential\",\"Effect\":\"Deny\",\"Action\":[\"iam:CreateServiceSpecificCredential\"],\"Resource\":[\"*\"]}";
        List<CheckResult> checks = run(CONFIG, scp(PROTECT, blanket, SHADOW, KEY_USE));
        CheckResult codecommit = check(checks, "scenario:deny-long-term-key-creation:other-service:codecommit.amazonaws.com");
        assertThat(codecommit.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(codecommit.message()).contains("statement 'DenyServiceSpecificCredential'");
        // the same blanket deny is exactly what scope: all-services asks for, so there it passes
        List<CheckResult> allServices = run(CONFIG + "controls: {denyLongTermKeyCreation: {scope: all-services}}\n",
                scp(PROTECT, blanket, SHADOW, KEY_USE));
        assertThat(check(allServices, "scenario:deny-long-term-key-creation:other-service:codecommit.amazonaws.com").status())
                .isEqualTo(CheckStatus.PASS);
        // ...but then the break-glass role is no longer exempt
        assertThat(check(allServices, "scenario:deny-long-term-key-creation:exempt[0]").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void missingExemptionAndWrongValueAreCaughtInKeyUse() throws Exception {
        String noExemption = "{\"Sid\":\"DenyLongTermUse\",\"Effect\":\"Deny\",\"Action\":\"aws-external-anthropic:CallWithBearerToken\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws-external-anthropic:BearerTokenType\":\"LONG_TERM\"}}}";
        List<CheckResult> checks = run(CONFIG, scp(PROTECT, KEY_CREATION, SHADOW, noExemption));
        assertThat(check(checks, "scenario:deny-long-term-key-use:exempt[0]").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check(checks, "scenario:deny-long-term-key-use:long-term").status()).isEqualTo(CheckStatus.PASS);

        List<CheckResult> wrongValue = run(CONFIG, scp(PROTECT, KEY_CREATION, SHADOW, KEY_USE.replace("LONG_TERM", "LONG-TERM")));
        CheckResult longTerm = check(wrongValue, "scenario:deny-long-term-key-use:long-term");
        assertThat(longTerm.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(longTerm.message()).contains("condition StringEquals aws-external-anthropic:BearerTokenType LONG-TERM is false");
    }

    @Test
    void rootPathOnlyShadowDenyFailsTheUnderPathScenarioWhenAnyPathIsOn() throws Exception {
        List<CheckResult> checks = run(CONFIG, scp(PROTECT, KEY_CREATION, SHADOW.replace(",\"arn:aws:iam::*:user/*/AeaApiKey-*\"", ""), KEY_USE));
        assertThat(check(checks, "scenario:deny-shadow-users:shadow-user").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(checks, "scenario:deny-shadow-users:shadow-user-under-path").status()).isEqualTo(CheckStatus.FAIL);
        // with anyPath: false there is no under-path scenario
        List<CheckResult> rootOnly = run(CONFIG + "controls: {denyShadowUsers: {anyPath: false}}\n",
                scp(PROTECT, KEY_CREATION, SHADOW.replace(",\"arn:aws:iam::*:user/*/AeaApiKey-*\"", ""), KEY_USE));
        assertThat(rootOnly).extracting(CheckResult::check).doesNotContain("scenario:deny-shadow-users:shadow-user-under-path");
        assertThat(rootOnly).allSatisfy(c -> assertThat(c.status()).as(c.message()).isEqualTo(CheckStatus.PASS));
    }

    @Test
    void overBroadShadowPatternDeniesOrdinaryUsers() throws Exception {
        List<CheckResult> checks = run(CONFIG, scp(PROTECT, KEY_CREATION, SHADOW.replace("user/AeaApiKey-*", "user/*"), KEY_USE));
        CheckResult ordinary = check(checks, "scenario:deny-shadow-users:ordinary-user");
        assertThat(ordinary.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(ordinary.message()).contains("creating the ordinary user alice").contains("statement 'DenyShadow'");
    }

    @Test
    void disabledControlsHaveNoScenarios() throws Exception {
        String yaml = CONFIG + "controls: {protectWorkspaces: false, denyLongTermKeyCreation: false, denyShadowUsers: false}\n";
        List<CheckResult> checks = run(yaml, scp(KEY_USE));
        assertThat(checks).extracting(CheckResult::control).containsOnly(Control.DENY_LONG_TERM_KEY_USE.id());
        assertThat(checks).hasSize(3).allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckStatus.PASS));
    }

    @Test
    void noScpsAtAllFailsEveryMustDenyScenario() throws Exception {
        List<CheckResult> checks = run(CONFIG, List.of());
        assertThat(checks).filteredOn(c -> c.status() == CheckStatus.FAIL).extracting(CheckResult::check)
                .contains(P + ":unlisted:CreateInference", "scenario:deny-long-term-key-creation:claude-service",
                        "scenario:deny-shadow-users:shadow-user", "scenario:deny-long-term-key-use:long-term",
                        "scenario:deny-long-term-key-creation:ResetServiceSpecificCredential",
                        "scenario:deny-long-term-key-creation:UpdateServiceSpecificCredential",
                        "scenario:deny-long-term-key-creation:max-age:expiring-key-without-max-age");
        // every workspace action for the unlisted administrator, creation, reset, update, a one-day key, 2 shadow users,
        // long-term use
        assertThat(checks).filteredOn(c -> c.status() == CheckStatus.FAIL).hasSize(BuiltInScenarios.WORKSPACE_ACTIONS.size() + 7);
    }

    @Test
    void unreadablePolicyIsAFailingCheckAndTheOthersAreStillEvaluated() throws Exception {
        List<NamedPolicy> policies = List.of(new NamedPolicy("broken", "p-broken1", "{\"Statement\":[{\"Effect\":\"Deny\",}"),
                scp(PROTECT, KEY_CREATION, SHADOW, KEY_USE).get(0));
        List<CheckResult> checks = run(CONFIG, policies);
        CheckResult broken = check(checks, "scenario:policy-readable:broken");
        assertThat(broken.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(broken.message()).contains("policy 'broken'").contains("not valid JSON");
        assertThat(broken.evidence()).containsEntry("policyId", "p-broken1");
        assertThat(checks).filteredOn(c -> c.status() == CheckStatus.FAIL).hasSize(1);
    }

    @Test
    void liveDecisionsCarryThePolicyId() throws Exception {
        List<NamedPolicy> live = List.of(new NamedPolicy("claude-baseline-1", "p-0123456789",
                scp(PROTECT, KEY_CREATION, SHADOW, KEY_USE).get(0).content()));
        CheckResult c = check(run(CONFIG, live), "scenario:deny-shadow-users:shadow-user");
        assertThat(c.evidence()).containsEntry("decidingPolicyId", "p-0123456789");
        assertThat(c.message()).contains("policy 'claude-baseline-1' (p-0123456789) statement 'DenyShadow' (#2)");
    }

    @Test
    void userScenariosPassOrFailOnTheirExpectation() throws Exception {
        String yaml = CONFIG + """
                scenarios:
                  - name: deployer may run inference
                    principal: arn:aws:iam::111122223333:role/claude-prod-deployer
                    action: aws-external-anthropic:CreateInference
                    resource: arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj
                    expect: allowed
                  - name: wrong expectation on purpose
                    principal: arn:aws:iam::111122223333:role/claude-prod-deployer
                    action: aws-external-anthropic:CreateInference
                    resource: arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_01AbCdEf23GhIj
                    expect: denied
                  - name: multivalued context
                    principal: arn:aws:iam::111122223333:role/dev
                    action: aws-external-anthropic:CallWithBearerToken
                    context:
                      aws-external-anthropic:BearerTokenType: [SHORT_TERM]
                    expect: allowed
                """;
        List<CheckResult> checks = run(yaml, scp(PROTECT, KEY_CREATION, SHADOW, KEY_USE));
        assertThat(check(checks, "scenario:user:deployer may run inference").status()).isEqualTo(CheckStatus.PASS);
        CheckResult wrong = check(checks, "scenario:user:wrong expectation on purpose");
        assertThat(wrong.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(wrong.control()).isEqualTo("scenario");
        assertThat(wrong.message()).contains("wrong expectation on purpose").contains("expected denied, got not denied")
                .contains("statement 'Protect' (#0) did not apply");
        CheckResult multi = check(checks, "scenario:user:multivalued context");
        assertThat(multi.status()).isEqualTo(CheckStatus.PASS);
        assertThat(multi.evidence()).containsEntry("resource", "*");
    }

    @Test
    void allowListThatCoversEveryAdministratorIsAWarningNotASilentPass() throws Exception {
        String yaml = CONFIG.replace("arn:aws:iam::111122223333:role/team-*", "arn:aws:iam::*:*");
        List<CheckResult> checks = run(yaml, scp(PROTECT, KEY_CREATION, SHADOW, KEY_USE));
        CheckResult unlisted = check(checks, P + ":unlisted:*");
        assertThat(unlisted.status()).isEqualTo(CheckStatus.WARN);
        assertThat(unlisted.message()).contains("allow-list may be too broad");
    }
}
