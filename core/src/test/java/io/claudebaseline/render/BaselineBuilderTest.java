package io.claudebaseline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ConfigException;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.PolicyStatement;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.model.TrailSelectors;
import io.claudebaseline.policy.PolicySemantics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaselineBuilderTest {

    static final String BASE = """
            version: 1
            targets: [r-ab12]
            workspaces:
              - id: wrkspc_A1
                region: us-east-1
                account: "111122223333"
                allowedPrincipals: [arn:aws:iam::111122223333:role/a, arn:aws:iam::111122223333:role/b]
              - id: wrkspc_B2
                region: eu-west-1
                account: "111122223333"
                allowedPrincipals: [arn:aws:iam::111122223333:role/b, arn:aws:iam::111122223333:role/a]
              - id: wrkspc_C3
                region: us-east-1
                account: "444455556666"
                allowedPrincipals: [arn:aws:iam::444455556666:role/c]
            """;

    static Baseline build(String yaml) throws ConfigException {
        BaselineConfig config = ConfigLoader.parse(yaml, false, "t.yaml");
        return BaselineBuilder.build(config, Templates.bundled());
    }

    static List<PolicyStatement> statements(Baseline b) {
        return b.scps().stream().flatMap(s -> s.statements().stream()).toList();
    }

    @Test
    void workspacesWithTheSameAllowListShareAStatement() throws Exception {
        List<PolicyStatement> protect = statements(build(BASE)).stream().filter(s -> s.control() == Control.PROTECT_WORKSPACES).toList();
        assertThat(protect).hasSize(2);
        assertThat(protect.get(0).sid()).isEqualTo("DenyUnauthorizedAccessToWorkspaceA1");
        assertThat(protect.get(0).json().path("Resource").toString()).isEqualTo(
                "[\"arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_A1\","
                        + "\"arn:aws:aws-external-anthropic:eu-west-1:111122223333:workspace/wrkspc_B2\"]");
        assertThat(protect.get(1).json().path("Condition").path("ArnNotLike").path("aws:PrincipalArn").toString())
                .isEqualTo("[\"arn:aws:iam::444455556666:role/c\"]");
    }

    @Test
    void exemptPrincipalsAreExemptFromEveryDeny() throws Exception {
        Baseline b = build(BASE + "exemptPrincipals: [arn:aws:iam::*:role/BreakGlass]\n");
        List<PolicyStatement> all = statements(b);
        assertThat(all).hasSize(5);
        for (PolicyStatement s : all) {
            assertThat(s.json().path("Condition").path("ArnNotLike").path("aws:PrincipalArn").toString())
                    .as(s.sid()).contains("arn:aws:iam::*:role/BreakGlass");
        }
        // Without exemptions the key denies carry no ArnNotLike at all.
        for (PolicyStatement s : statements(build(BASE))) {
            if (s.control() != Control.PROTECT_WORKSPACES) {
                assertThat(s.json().path("Condition").has("ArnNotLike")).as(s.sid()).isFalse();
            }
        }
    }

    @Test
    void keyCreationIsScopedToClaudeUnlessAllServices() throws Exception {
        JsonNode scoped = statement(build(BASE), Control.DENY_LONG_TERM_KEY_CREATION);
        assertThat(scoped.path("Condition").path("StringEquals").path(AwsFacts.SSC_SERVICE_NAME_KEY).asText()).isEqualTo(AwsFacts.SERVICE_NAME);
        JsonNode blanket = statement(build(BASE + "controls: {denyLongTermKeyCreation: {scope: all-services}}\n"), Control.DENY_LONG_TERM_KEY_CREATION);
        assertThat(blanket.has("Condition")).isFalse();
        JsonNode blanketExempt = statement(build(BASE + "controls: {denyLongTermKeyCreation: {scope: all-services}}\n"
                + "exemptPrincipals: [arn:aws:iam::*:role/BreakGlass]\n"), Control.DENY_LONG_TERM_KEY_CREATION);
        assertThat(blanketExempt.path("Condition").fieldNames()).toIterable().containsExactly("ArnNotLike");
    }

    @Test
    void shadowUserResourcesCoverRootAndDeeperPathsButNotNameSuffixes() throws Exception {
        JsonNode any = statement(build(BASE), Control.DENY_SHADOW_USERS);
        assertThat(any.path("Resource").toString()).isEqualTo("[\"arn:aws:iam::*:user/AeaApiKey-*\",\"arn:aws:iam::*:user/*/AeaApiKey-*\"]");
        JsonNode root = statement(build(BASE + "controls: {denyShadowUsers: {anyPath: false}}\n"), Control.DENY_SHADOW_USERS);
        assertThat(root.path("Resource").toString()).isEqualTo("[\"arn:aws:iam::*:user/AeaApiKey-*\"]");
        JsonNode gov = statement(build(BASE + "partition: aws-us-gov\n"), Control.DENY_SHADOW_USERS);
        assertThat(gov.path("Resource").get(0).asText()).startsWith("arn:aws-us-gov:iam::*:user/");
    }

    @Test
    void keyUseDeniesLongTermBearerTokensOnEveryResource() throws Exception {
        JsonNode use = statement(build(BASE), Control.DENY_LONG_TERM_KEY_USE);
        assertThat(use.path("Action").toString()).isEqualTo("[\"aws-external-anthropic:CallWithBearerToken\"]");
        assertThat(use.path("Resource").toString()).isEqualTo("[\"*\"]");
        assertThat(use.path("Condition").path("StringEquals").path(AwsFacts.BEARER_TOKEN_TYPE_KEY).asText()).isEqualTo("LONG_TERM");
    }

    @Test
    void combinedLayoutPacksIntoOneScpNamedPrefixDash1() throws Exception {
        Baseline b = build(BASE);
        assertThat(b.scps()).extracting(ScpDocument::name).containsExactly("claude-baseline-1");
        assertThat(b.scps().get(0).controls()).containsExactly(Control.PROTECT_WORKSPACES, Control.DENY_LONG_TERM_KEY_CREATION,
                Control.DENY_SHADOW_USERS, Control.DENY_LONG_TERM_KEY_USE);
        assertThat(b.tags()).containsEntry(AwsFacts.OWNERSHIP_TAG_KEY, AwsFacts.OWNERSHIP_TAG_VALUE);
        assertThat(b.targets()).containsExactly("r-ab12");
    }

    @Test
    void perControlLayoutNamesScpsByControl() throws Exception {
        Baseline b = build(BASE + "layout: per-control\npolicyNamePrefix: org.claude\n");
        assertThat(b.scps()).extracting(ScpDocument::name).containsExactly("org.claude-protect-workspaces",
                "org.claude-deny-long-term-key-creation", "org.claude-deny-shadow-users", "org.claude-deny-long-term-key-use");
        b.scps().forEach(s -> assertThat(s.controls()).hasSize(1));
    }

    @Test
    void perControlLayoutContinuesALargeControlInNumberedScps() throws Exception {
        Baseline b = build(BASE + "layout: per-control\nlimits: {scpMaxCharacters: 500}\n");
        assertThat(b.scps()).extracting(ScpDocument::name).containsExactly("claude-baseline-protect-workspaces",
                "claude-baseline-protect-workspaces-2", "claude-baseline-deny-long-term-key-creation",
                "claude-baseline-deny-shadow-users", "claude-baseline-deny-long-term-key-use");
        assertThat(b.scps()).allMatch(s -> s.characters() <= 500);
    }

    @Test
    void packingSplitsOnlyWhenNeededAndKeepsEveryScpUnderTheLimit() throws Exception {
        StringBuilder ws = new StringBuilder("version: 1\ntargets: [r-ab12]\nlimits: {scpMaxCharacters: 2000}\nworkspaces:\n");
        for (int i = 0; i < 12; i++) {
            ws.append("  - id: wrkspc_W").append(i).append("\n    region: us-east-1\n    account: \"111122223333\"\n")
                    .append("    allowedPrincipals: [arn:aws:iam::111122223333:role/team-").append(i).append("-").append("x".repeat(i * 20)).append("]\n");
        }
        Baseline b = build(ws.toString());
        int total = statements(b).stream().mapToInt(PolicyStatement::minifiedLength).sum();
        assertThat(b.scps().size()).isGreaterThan(1);
        // First-fit decreasing never uses more than 2x the lower bound, and here it is optimal or near it.
        int lowerBound = (int) Math.ceil(total / 2000.0);
        assertThat(b.scps().size()).isBetween(lowerBound, lowerBound + 1);
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < b.scps().size(); i++) {
            ScpDocument scp = b.scps().get(i);
            assertThat(scp.name()).isEqualTo("claude-baseline-" + (i + 1));
            assertThat(scp.characters()).isLessThanOrEqualTo(2000);
            assertThat(scp.content()).isEqualTo(PolicySemantics.minify(PolicySemantics.parse(scp.content())));
            scp.statements().forEach(s -> assertThat(sids.add(s.sid())).as("unique Sid %s", s.sid()).isTrue());
        }
        assertThat(sids).hasSize(15);
        // Deterministic: the same config gives the same SCPs.
        assertThat(build(ws.toString()).scps()).isEqualTo(b.scps());
    }

    @Test
    void aStatementThatCannotFitAloneIsAConfigErrorNamingTheLargestStatements() {
        assertThatThrownBy(() -> build(BASE + "limits: {scpMaxCharacters: 300}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("workspaces[0].allowedPrincipals")
                .hasMessageContaining("even alone")
                .hasMessageContaining("largest statements: DenyUnauthorizedAccessToWorkspaceA1");
    }

    @Test
    void theOversizeAdviceNeverSuggestsSplittingAnAllowListOrRaisingTheLimitPastAwsMaximum() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 400; i++) many.append(", arn:aws:iam::444455556666:role/claude-team-role-number-").append(i);
        String huge = BASE.replace("[arn:aws:iam::444455556666:role/c]", "[arn:aws:iam::444455556666:role/c" + many + "]");
        assertThat(huge).isNotEqualTo(BASE);
        // At AWS's maximum, raising the limit is no fix; splitting one workspace's allow-list would lock people out.
        assertThatThrownBy(() -> build(huge)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("one wildcard ARN")
                .hasMessageNotContaining("split")
                .hasMessageNotContaining("raise limits.scpMaxCharacters")
                .hasMessageContaining("10240 characters is AWS's maximum");
        // Below it (legacy 5,120 organisations) raising is offered.
        assertThatThrownBy(() -> build(huge + "limits: {scpMaxCharacters: 5120}\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("raise limits.scpMaxCharacters to 10240");
    }

    @Test
    void theTooManyScpsAdviceOnlyOffersFixesThatApplyToTheConfig() {
        StringBuilder ws = new StringBuilder("version: 1\ntargets: [r-ab12]\nworkspaces:\n");
        for (int i = 0; i < 30; i++) {
            ws.append("  - id: wrkspc_W").append(i).append("\n    region: us-east-1\n    account: \"111122223333\"\n    allowedPrincipals: [");
            for (int j = 0; j < 40; j++) ws.append(j == 0 ? "" : ", ").append("arn:aws:iam::111122223333:role/team-").append(i).append("-member-with-long-name-").append(j);
            ws.append("]\n");
        }
        // Already combined, at AWS's maximum sizes: neither "use layout: combined" nor "raise" can help.
        assertThatThrownBy(() -> build(ws.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("limits.scpMaxPerTarget").hasMessageContaining("share a statement")
                // hundreds of SCPs are named by a range, not one by one
                .hasMessageMatching("(?s).*needs (\\d+) SCPs \\(claude-baseline-1, claude-baseline-2, claude-baseline-3, … claude-baseline-\\d+\\) but.*")
                .hasMessageNotContaining("claude-baseline-4,")
                .hasMessageNotContaining("use layout: combined").hasMessageNotContaining("raise limits");
        assertThatThrownBy(() -> build(ws + "layout: per-control\nlimits: {scpMaxCharacters: 5120, scpMaxPerTarget: 5}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("use layout: combined")
                .hasMessageContaining("raise limits.scpMaxCharacters to 10240").hasMessageContaining("raise limits.scpMaxPerTarget to 10");
    }

    @Test
    void selectorsForAllAndListedWorkspaces() throws Exception {
        String trail = "controls: {cloudTrailDataEvents: {trailName: org-trail, homeRegion: us-east-1%s}}\n";
        TrailSelectors all = build(BASE + trail.formatted("")).trail().orElseThrow();
        assertThat(all.trailName()).isEqualTo("org-trail");
        assertThat(all.selectors()).extracting(s -> s.path("Name").asText())
                .containsExactly(TrailSelectors.DATA_SELECTOR_NAME, TrailSelectors.MANAGEMENT_SELECTOR_NAME)
                .allMatch(TrailSelectors::isOurs);
        assertThat(all.selectors().get(0).path("FieldSelectors").toString()).isEqualTo(
                "[{\"Field\":\"eventCategory\",\"Equals\":[\"Data\"]},{\"Field\":\"resources.type\",\"Equals\":[\"AWS::AWSExternalAnthropic::Workspace\"]}]");
        assertThat(all.selectors().get(1).path("FieldSelectors").toString()).isEqualTo("[{\"Field\":\"eventCategory\",\"Equals\":[\"Management\"]}]");
        assertThat(all.valueCount()).isEqualTo(3);

        TrailSelectors listed = build(BASE + trail.formatted(", scope: listed-workspaces, includeManagementEvents: false")).trail().orElseThrow();
        assertThat(listed.selectors()).hasSize(1);
        assertThat(listed.selectors().get(0).path("FieldSelectors").get(2).toString()).isEqualTo(
                "{\"Field\":\"resources.ARN\",\"StartsWith\":[\"arn:aws:aws-external-anthropic:us-east-1:111122223333:workspace/wrkspc_A1\","
                        + "\"arn:aws:aws-external-anthropic:eu-west-1:111122223333:workspace/wrkspc_B2\","
                        + "\"arn:aws:aws-external-anthropic:us-east-1:444455556666:workspace/wrkspc_C3\"]}");
        assertThat(listed.valueCount()).isEqualTo(5);
        assertThat(build(BASE).trail()).isEmpty();
    }

    private static JsonNode statement(Baseline b, Control control) {
        return statements(b).stream().filter(s -> s.control() == control).findFirst().orElseThrow().json();
    }
}
