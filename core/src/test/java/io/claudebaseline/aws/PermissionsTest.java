package io.claudebaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claudebaseline.config.AuditConfig;
import io.claudebaseline.config.BaselineConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed policies come from the operation table and grant exactly what each command calls. */
class PermissionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> actions(String policy) throws Exception {
        JsonNode doc = JSON.readTree(policy);
        assertThat(doc.path("Version").asText()).isEqualTo("2012-10-17");
        List<String> out = new ArrayList<>();
        doc.path("Statement").forEach(s -> {
            assertThat(s.path("Effect").asText()).isEqualTo("Allow");
            s.path("Action").forEach(a -> out.add(a.asText()));
            if (s.path("Action").isTextual()) {
                out.add(s.path("Action").asText());
            }
        });
        return out;
    }

    @Test
    void verifyIsReadOnly() throws Exception {
        List<String> verify = actions(Permissions.policyFor("verify"));
        assertThat(verify).contains("organizations:DescribeOrganization", "organizations:ListTargetsForPolicy", "cloudtrail:GetEventSelectors",
                "iam:ListServiceSpecificCredentials", "iam:ListUsers");
        for (String a : verify) {
            assertThat(AwsOperation.byIamAction(a)).hasValueSatisfying(op -> assertThat(op.mutating()).as(a).isFalse());
        }
    }

    @Test
    void applyHasTheWritesAndUpdatesOnlyOwnedPolicies() throws Exception {
        String policy = Permissions.policyFor("apply");
        assertThat(actions(policy)).contains("organizations:CreatePolicy", "organizations:AttachPolicy", "organizations:TagResource",
                "cloudtrail:PutEventSelectors", "cloudtrail:StartLogging", "organizations:UpdatePolicy", "organizations:DeletePolicy")
                .doesNotContain("iam:ListServiceSpecificCredentials");
        JsonNode guarded = null;
        for (JsonNode s : JSON.readTree(policy).path("Statement")) {
            if (s.path("Sid").asText().equals("ClaudeBaselineOwnedPoliciesOnly")) {
                guarded = s;
            }
        }
        assertThat(guarded).isNotNull();
        assertThat(guarded.path("Action").toString()).contains("organizations:UpdatePolicy", "organizations:DeletePolicy");
        assertThat(guarded.path("Condition").path("StringEquals").path("aws:ResourceTag/managed-by").asText()).isEqualTo("claude-baseline");
    }

    @Test
    void planReadsButNeverWrites() throws Exception {
        assertThat(actions(Permissions.policyFor("plan"))).contains("organizations:ListPoliciesForTarget", "cloudtrail:DescribeTrails")
                .noneMatch(a -> AwsOperation.byIamAction(a).orElseThrow().mutating());
    }

    @Test
    void everyOperationIsGrantedToEveryCommandThatUsesIt() throws Exception {
        for (AwsOperation op : AwsOperation.values()) {
            if (op == AwsOperation.ASSUME_ROLE || op == AwsOperation.GET_CALLER_IDENTITY) {
                continue; // AssumeRole: granted to the caller for --role-arn, per config for the member audit; GetCallerIdentity needs none
            }
            for (AwsOperation.Command c : op.commands()) {
                assertThat(actions(Permissions.policyFor(c.id()))).as("%s for %s", op, c).contains(op.iamAction());
            }
        }
    }

    @Test
    void memberAuditAddsAssumeRoleOnTheAuditRoleOnly() throws Exception {
        BaselineConfig config = new BaselineConfig(1, null, null, null, null, null, null, null, null, null, null,
                new AuditConfig(null, true, "AuditRole", null, null));
        String policy = Permissions.policyFor("verify", config);
        assertThat(policy).contains("arn:aws:iam::*:role/AuditRole");
        assertThat(actions(policy)).contains("sts:AssumeRole");
        assertThat(actions(Permissions.policyFor("verify"))).doesNotContain("sts:AssumeRole");
        assertThat(actions(Permissions.memberAuditRolePolicy())).containsExactly("iam:ListServiceSpecificCredentials", "iam:ListUsers");
    }

    @Test
    void unknownCommand() {
        assertThatThrownBy(() -> Permissions.policyFor("render")).hasMessageContaining("plan, apply, verify");
    }
}
