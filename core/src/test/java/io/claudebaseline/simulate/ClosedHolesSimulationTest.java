package io.claudebaseline.simulate;

import static io.claudebaseline.simulate.SimulatorBaselineTest.build;
import static io.claudebaseline.simulate.SimulatorBaselineTest.byName;
import static io.claudebaseline.simulate.SimulatorBaselineTest.failures;
import static io.claudebaseline.simulate.SimulatorBaselineTest.rendered;
import static io.claudebaseline.simulate.SimulatorBaselineTest.renderedWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.PolicyStatement;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The four controls of issue 11's "Close the holes", rendered by the real templates and proved by their built-in
 * scenarios; each test also breaks the rendered text the way a careless edit would and shows a scenario FAIL.
 */
class ClosedHolesSimulationTest {
    static final String ADMIN = "arn:aws:iam::111122223333:role/claude-platform-admin";
    static final String TAG_ALLOWED = "arn:aws:iam::111122223333:role/claude-critical-*";

    static String config(String controls) {
        return """
                version: 1
                targets: [r-ab12]
                workspaces:
                  - id: wrkspc_01AbCdEf23GhIj
                    region: us-east-1
                    account: "111122223333"
                    allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer]
                exemptPrincipals: [arn:aws:iam::*:role/BreakGlassAdmin]
                controls:
                """ + controls;
    }

    static JsonNode statement(Baseline b, String sid) {
        return b.scps().stream().flatMap(s -> s.statements().stream()).filter(s -> s.sid().equals(sid)).map(PolicyStatement::json)
                .findFirst().orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    static List<CheckResult> passing(Baseline b) {
        List<CheckResult> checks = Simulator.check(b, rendered(b));
        assertThat(failures(checks)).as("every built-in scenario passes on the rendered SCPs").isEmpty();
        return checks;
    }

    // ------------------------------------------------------------------ 1. key lifecycle

    @Test
    void keyCreationAlsoDeniesResetAndUpdateOfClaudeKeysOnly() throws Exception {
        Baseline b = build(config("  denyLongTermKeyCreation: true\n"));
        JsonNode s = statement(b, "DenyServiceSpecificCredential");
        assertThat(s.path("Action").toString()).isEqualTo("[\"iam:CreateServiceSpecificCredential\","
                + "\"iam:ResetServiceSpecificCredential\",\"iam:UpdateServiceSpecificCredential\"]");
        assertThat(s.path("Condition").path("StringEquals").path("iam:ServiceSpecificCredentialServiceName").asText())
                .isEqualTo("aws-external-anthropic.amazonaws.com");
        List<CheckResult> checks = passing(b);
        for (String action : List.of("ResetServiceSpecificCredential", "UpdateServiceSpecificCredential")) {
            assertThat(byName(checks, "scenario:deny-long-term-key-creation:" + action).evidence()).containsEntry("decision", "DENIED");
            assertThat(byName(checks, "scenario:deny-long-term-key-creation:" + action + ":other-service:codecommit.amazonaws.com")
                    .evidence()).containsEntry("decision", "NOT_DENIED");
        }
        assertThat(byName(checks, "scenario:deny-long-term-key-creation:exempt[0]:ResetServiceSpecificCredential").status())
                .isEqualTo(CheckStatus.PASS);

        // The guide's Create-only statement leaves the reset and the re-activation open: the scenarios say so.
        List<CheckResult> createOnly = Simulator.check(b, renderedWith(b, c -> c.replace(
                ",\"iam:ResetServiceSpecificCredential\",\"iam:UpdateServiceSpecificCredential\"", "")));
        assertThat(failures(createOnly)).extracting(CheckResult::check).containsExactlyInAnyOrder(
                "scenario:deny-long-term-key-creation:ResetServiceSpecificCredential",
                "scenario:deny-long-term-key-creation:UpdateServiceSpecificCredential");
    }

    @Test
    void allServicesScopeDeniesResetAndUpdateOfEveryCredential() throws Exception {
        Baseline b = build(config("  denyLongTermKeyCreation: {scope: all-services}\n"));
        List<CheckResult> checks = passing(b);
        assertThat(statement(b, "DenyServiceSpecificCredential").path("Condition").has("StringEquals")).isFalse();
        assertThat(byName(checks, "scenario:deny-long-term-key-creation:UpdateServiceSpecificCredential:other-service:codecommit.amazonaws.com")
                .evidence()).containsEntry("decision", "DENIED");
    }

    // ------------------------------------------------------------------ 2. expiring keys

    @Test
    void maxAgeDaysAllowsShortKeysAndDeniesLongerAndNeverExpiringOnes() throws Exception {
        Baseline b = build(config("  denyLongTermKeyCreation: {maxAgeDays: 30}\n"));
        JsonNode condition = statement(b, "DenyServiceSpecificCredential").path("Condition");
        assertThat(condition.path("NumericGreaterThanIfExists").path("iam:ServiceSpecificCredentialAgeDays").asText()).isEqualTo("30");
        List<CheckResult> checks = passing(b);
        assertThat(byName(checks, "scenario:deny-long-term-key-creation:max-age:within:30").evidence()).containsEntry("decision", "NOT_DENIED");
        assertThat(byName(checks, "scenario:deny-long-term-key-creation:max-age:beyond:31").evidence()).containsEntry("decision", "DENIED");
        assertThat(byName(checks, "scenario:deny-long-term-key-creation:max-age:never-expires").evidence()).containsEntry("decision", "DENIED");
        // Reset and Update carry no age, so ...IfExists keeps them denied.
        assertThat(byName(checks, "scenario:deny-long-term-key-creation:ResetServiceSpecificCredential").status()).isEqualTo(CheckStatus.PASS);

        // The published Bedrock sample's form (a plain NumericGreaterThan) lets a key with no expiry through, and
        // with it every reset and re-activation: the scenarios catch both.
        List<CheckResult> sample = Simulator.check(b, renderedWith(b, c -> c.replace("NumericGreaterThanIfExists", "NumericGreaterThan")));
        assertThat(failures(sample)).extracting(CheckResult::check).contains(
                "scenario:deny-long-term-key-creation:max-age:never-expires",
                "scenario:deny-long-term-key-creation:claude-service",
                "scenario:deny-long-term-key-creation:ResetServiceSpecificCredential",
                "scenario:deny-long-term-key-creation:UpdateServiceSpecificCredential")
                .doesNotContain("scenario:deny-long-term-key-creation:max-age:beyond:31");
    }

    @Test
    void withoutMaxAgeDaysEvenAOneDayKeyIsDenied() throws Exception {
        Baseline b = build(config("  denyLongTermKeyCreation: true\n"));
        assertThat(byName(passing(b), "scenario:deny-long-term-key-creation:max-age:expiring-key-without-max-age").evidence())
                .containsEntry("decision", "DENIED");
        assertThat(statement(b, "DenyServiceSpecificCredential").path("Condition").has("NumericGreaterThanIfExists")).isFalse();
    }

    @Test
    void maxAgeDaysWithAllServicesAndNoExemptionsRendersOnlyTheAgeCondition() throws Exception {
        Baseline b = build(config("  denyLongTermKeyCreation: {scope: all-services, maxAgeDays: 7}\n").replace(
                "exemptPrincipals: [arn:aws:iam::*:role/BreakGlassAdmin]\n", ""));
        JsonNode condition = statement(b, "DenyServiceSpecificCredential").path("Condition");
        assertThat(condition.size()).isEqualTo(1);
        assertThat(condition.path("NumericGreaterThanIfExists").path("iam:ServiceSpecificCredentialAgeDays").asText()).isEqualTo("7");
        passing(b);
    }

    // ------------------------------------------------------------------ 3. platform administration

    @Test
    void platformAdministrationIsDeniedToAllButThePlatformAdminsAndExemptPrincipals() throws Exception {
        Baseline b = build(config("  restrictPlatformAdministration: {platformAdmins: [" + ADMIN + "]}\n"));
        JsonNode admin = statement(b, "DenyPlatformAdministration");
        assertThat(admin.path("Action").toString()).isEqualTo("[\"aws-external-anthropic:CreateWorkspace\","
                + "\"aws-external-anthropic:RegisterKey\",\"aws-external-anthropic:UpdateKey\",\"aws-external-anthropic:DisableKey\"]");
        assertThat(admin.path("Resource").toString()).as("resource-less actions need *").isEqualTo("[\"*\"]");
        assertThat(admin.path("Condition").path("ArnNotLike").path("aws:PrincipalArn").toString())
                .isEqualTo("[\"" + ADMIN + "\",\"arn:aws:iam::*:role/BreakGlassAdmin\"]");
        JsonNode console = statement(b, "DenyAdminConsole");
        assertThat(console.path("Action").toString()).isEqualTo("[\"aws-external-anthropic:AssumeConsole\"]");
        assertThat(console.path("Condition").path("StringEqualsIgnoreCase").path("aws-external-anthropic:Capability").asText()).isEqualTo("admin");

        List<CheckResult> checks = passing(b);
        String p = "scenario:platform-administration:";
        for (String action : List.of("CreateWorkspace", "RegisterKey", "UpdateKey", "DisableKey")) {
            assertThat(byName(checks, p + "unlisted:" + action).evidence()).containsEntry("decision", "DENIED");
            assertThat(byName(checks, p + "platform-admin[0]:" + action).evidence()).containsEntry("decision", "NOT_DENIED");
        }
        assertThat(byName(checks, p + "unlisted:AssumeConsole:admin").evidence()).containsEntry("decision", "DENIED");
        assertThat(byName(checks, p + "unlisted:AssumeConsole:developer").evidence()).containsEntry("decision", "NOT_DENIED");
        assertThat(byName(checks, p + "platform-admin[0]:AssumeConsole:admin").evidence()).containsEntry("decision", "NOT_DENIED");
        assertThat(byName(checks, p + "exempt[0]").evidence()).containsEntry("decision", "NOT_DENIED");

        // A workspace ARN instead of "*" matches none of these resource-less actions: every deny scenario fails.
        List<CheckResult> scoped = Simulator.check(b, renderedWith(b, c -> c.replace(
                "\"aws-external-anthropic:DisableKey\"],\"Resource\":[\"*\"]",
                "\"aws-external-anthropic:DisableKey\"],\"Resource\":[\"arn:aws:aws-external-anthropic:*:*:workspace/*\"]")));
        assertThat(failures(scoped)).extracting(CheckResult::check).containsExactlyInAnyOrder(
                p + "unlisted:CreateWorkspace", p + "unlisted:RegisterKey", p + "unlisted:UpdateKey", p + "unlisted:DisableKey");
    }

    @Test
    void platformAdministrationIsOffByDefault() throws Exception {
        Baseline b = build(config("  denyLongTermKeyUse: true\n"));
        assertThat(b.scps().stream().flatMap(s -> s.statements().stream()).map(PolicyStatement::sid))
                .doesNotContain("DenyPlatformAdministration", "DenyAdminConsole");
        assertThat(Simulator.check(b, rendered(b))).noneMatch(c -> c.check().startsWith("scenario:platform-administration"));
    }

    // ------------------------------------------------------------------ 4. protect by tag

    @Test
    void taggedWorkspacesAreProtectedAndTheTagCannotBeChangedByOutsiders() throws Exception {
        Baseline b = build(config("  protectWorkspaces: {byTag: {key: criticality, values: [critical, tier-0], allowedPrincipals: ["
                + TAG_ALLOWED + "]}}\n"));
        JsonNode access = statement(b, "DenyUnauthorizedAccessByWorkspaceTag");
        assertThat(access.path("Resource").toString()).isEqualTo("[\"arn:aws:aws-external-anthropic:*:*:workspace/*\"]");
        assertThat(access.path("Condition").path("StringEquals").path("aws:ResourceTag/criticality").toString())
                .isEqualTo("[\"critical\",\"tier-0\"]");
        JsonNode guard = statement(b, "DenyChangingWorkspaceProtectionTag");
        assertThat(guard.path("Condition").path("ForAnyValue:StringEqualsIgnoreCase").path("aws:TagKeys").toString())
                .isEqualTo("[\"criticality\"]");

        List<CheckResult> checks = passing(b);
        String p = "scenario:protect-workspaces:by-tag:";
        assertThat(byName(checks, p + "unlisted:tagged[tier-0]:UpdateSkill").evidence()).containsEntry("decision", "DENIED");
        assertThat(byName(checks, p + "allowed[0]:CreateInference").evidence()).containsEntry("decision", "NOT_DENIED");
        assertThat(byName(checks, p + "unlisted:untagged:CreateInference").evidence()).containsEntry("decision", "NOT_DENIED");
        assertThat(byName(checks, p + "unlisted:other-value:CreateInference").evidence()).containsEntry("decision", "NOT_DENIED");
        assertThat(byName(checks, p + "unlisted:untag").evidence()).containsEntry("decision", "DENIED");
        assertThat(byName(checks, p + "unlisted:tag-untagged").evidence()).containsEntry("decision", "DENIED");
        assertThat(byName(checks, p + "unlisted:untag-other-case").evidence()).containsEntry("decision", "DENIED");
        assertThat(byName(checks, p + "unlisted:tag-other-key").evidence()).containsEntry("decision", "NOT_DENIED");
        assertThat(byName(checks, p + "allowed[0]:UntagResource").evidence()).containsEntry("decision", "NOT_DENIED");
        assertThat(byName(checks, p + "exempt[0]").evidence()).containsEntry("decision", "NOT_DENIED");

        // Without the guard, the untagged workspace can be tagged (and so claimed) by anyone; with a case-sensitive
        // guard, CRITICALITY slips past it.
        List<CheckResult> noGuard = Simulator.check(b, renderedWith(b, c -> c.replace("\"aws:TagKeys\"", "\"aws:TagKeysTypo\"")));
        assertThat(failures(noGuard)).extracting(CheckResult::check).containsExactlyInAnyOrder(
                p + "unlisted:tag-untagged", p + "unlisted:untag-other-case");
        List<CheckResult> caseSensitive = Simulator.check(b, renderedWith(b, c -> c.replace("ForAnyValue:StringEqualsIgnoreCase",
                "ForAnyValue:StringEquals")));
        assertThat(failures(caseSensitive)).extracting(CheckResult::check).containsExactly(p + "unlisted:untag-other-case");
    }

    @Test
    void byTagStatementsDoNotGrowWithTheNumberOfTaggedWorkspacesAndNeedNoListedWorkspace() throws Exception {
        String yaml = config("  protectWorkspaces: {byTag: {key: criticality, values: [critical], allowedPrincipals: [" + TAG_ALLOWED + "]}}\n")
                .replaceAll("(?s)workspaces:\n.*?exemptPrincipals", "exemptPrincipals");
        assertThat(io.claudebaseline.config.ConfigValidator.validate(io.claudebaseline.config.ConfigLoader.parse(yaml, false, "t")))
                .noneMatch(io.claudebaseline.config.Problem::isError);
        Baseline b = build(yaml);
        assertThat(b.scps().stream().flatMap(s -> s.statements().stream()).map(PolicyStatement::sid))
                .contains("DenyUnauthorizedAccessByWorkspaceTag", "DenyChangingWorkspaceProtectionTag")
                .noneMatch(sid -> sid.startsWith("DenyUnauthorizedAccessToWorkspace"));
        passing(b);
    }
}
