package io.claudebaseline.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.config.ConfigValidator;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.PolicyStatement;
import io.claudebaseline.policy.PolicySemantics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed parity (issue 2): configured like the published hardening guide (all-services, AeaApiKey-????????, root
 * path only, no exemptions), the rendered statements mean exactly what the guide's four SCPs mean.
 */
class SeedParityTest {

    /** The guide's SCPs as published, with its two placeholders filled in with the config's values below. */
    static final String[] GUIDE = {
        """
        {"Version":"2012-10-17","Statement":[{"Sid":"DenyUnauthorizedAccessToWorkspace","Effect":"Deny",
         "Action":"aws-external-anthropic:*","Resource":"arn:aws:aws-external-anthropic:*:*:workspace/<workspace_id>",
         "Condition":{"ArnNotLike":{"aws:PrincipalArn":["<permitted_identities>"]}}}]}""",
        """
        {"Version":"2012-10-17","Statement":[{"Sid":"DenyServiceSpecificCredential","Effect":"Deny",
         "Action":["iam:CreateServiceSpecificCredential"],"Resource":["*"]}]}""",
        """
        {"Version":"2012-10-17","Statement":[{"Sid":"DenyShadowIamUserCreation","Effect":"Deny",
         "Action":["iam:CreateUser"],"Resource":["arn:aws:iam::*:user/AeaApiKey-????????"]}]}""",
        """
        {"Version":"2012-10-17","Statement":[{"Sid":"DenyWhenLongTermBearerTokenUsed","Effect":"Deny",
         "Action":"aws-external-anthropic:CallWithBearerToken","Resource":"*",
         "Condition":{"StringEquals":{"aws-external-anthropic:BearerTokenType":"LONG_TERM"}}}]}"""
    };

    static final String GUIDE_KEY_ACTIONS = "\"Action\":[\"iam:CreateServiceSpecificCredential\"]";
    static final String OUR_KEY_ACTIONS = "\"Action\":[\"iam:CreateServiceSpecificCredential\",\"iam:ResetServiceSpecificCredential\","
            + "\"iam:UpdateServiceSpecificCredential\"]";

    static final String WORKSPACE = "wrkspc_01AbCdEf23GhIj";
    static final String PERMITTED = "arn:aws:iam::111122223333:role/claude-prod-deployer";

    static final String CONFIG = """
            version: 1
            targets: [r-ab12]
            workspaces:
              - id: %s
                allowedPrincipals: [%s]
            controls:
              denyLongTermKeyCreation: {scope: all-services}
              denyShadowUsers: {userNamePattern: "AeaApiKey-????????", anyPath: false}
            """.formatted(WORKSPACE, PERMITTED);

    @Test
    void renderedStatementsMeanWhatTheGuideSays() throws Exception {
        BaselineConfig config = ConfigLoader.parse(CONFIG, false, "seed.yaml");
        assertThat(ConfigValidator.validate(config)).noneMatch(p -> p.isError());
        Baseline baseline = BaselineBuilder.build(config, Templates.bundled());

        List<JsonNode> guide = new ArrayList<>();
        for (String doc : GUIDE) {
            String filled = doc.replace("<workspace_id>", WORKSPACE).replace("<permitted_identities>", PERMITTED)
                    // The one documented widening (docs/controls.md, "Key lifecycle"): resetting a key and
                    // re-activating one are denied with creating it.
                    .replace(GUIDE_KEY_ACTIONS, OUR_KEY_ACTIONS);
            PolicySemantics.parse(filled).path("Statement").forEach(guide::add);
        }
        List<JsonNode> rendered = new ArrayList<>();
        baseline.scps().forEach(scp -> scp.statements().stream().map(PolicyStatement::json).forEach(rendered::add));

        // The workspace statement's Sid carries the workspace id so several can coexist; Sids do not change
        // what a statement denies, so compare without them, and check the other Sids separately.
        assertThat(PolicySemantics.equivalent(withoutSids(guide), withoutSids(rendered)))
                .as("guide:\n%s\nrendered:\n%s", PolicySemantics.canonicalString(withoutSids(guide)),
                        PolicySemantics.canonicalString(withoutSids(rendered)))
                .isTrue();
        assertThat(rendered).extracting(s -> s.path("Sid").asText()).containsExactly(
                "DenyUnauthorizedAccessToWorkspace01AbCdEf23GhIj", "DenyServiceSpecificCredential",
                "DenyShadowIamUserCreation", "DenyWhenLongTermBearerTokenUsed");
        // And the documents are valid SCPs: one combined document within the size limit.
        assertThat(baseline.scps()).hasSize(1);
        assertThat(baseline.scps().get(0).content()).isEqualTo(PolicySemantics.minify(PolicySemantics.parse(baseline.scps().get(0).content())));
    }

    @Test
    void ourDefaultsDifferFromTheGuideWhereDocumented() throws Exception {
        BaselineConfig config = ConfigLoader.parse(CONFIG.replace("  denyLongTermKeyCreation: {scope: all-services}\n", "")
                .replace("  denyShadowUsers: {userNamePattern: \"AeaApiKey-????????\", anyPath: false}\n", ""), false, "defaults.yaml");
        Baseline baseline = BaselineBuilder.build(config, Templates.bundled());
        List<PolicyStatement> statements = baseline.scps().get(0).statements();
        JsonNode creation = statements.get(1).json();
        assertThat(creation.path("Condition").path("StringEquals").path("iam:ServiceSpecificCredentialServiceName").asText())
                .isEqualTo("aws-external-anthropic.amazonaws.com");
        assertThat(statements.get(2).json().path("Resource").toString())
                .isEqualTo("[\"arn:aws:iam::*:user/AeaApiKey-*\",\"arn:aws:iam::*:user/*/AeaApiKey-*\"]");
    }

    private static JsonNode withoutSids(List<JsonNode> statements) {
        var array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (JsonNode s : statements) {
            ObjectNode copy = s.deepCopy();
            copy.remove("Sid");
            array.add(copy);
        }
        return array;
    }
}
