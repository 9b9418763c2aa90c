package io.claudebaseline.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's four control changes applied to moto and verified there: verify runs their scenarios on the LIVE SCP
 * content, so a live SCP weakened back to the published guide's form (Create-only, a plain NumericGreaterThan, no
 * platform-administration statement, no tag guard) fails by name, and apply heals it.
 */
@ExtendWith(MotoServer.class)
class LiveClosedHolesTest {

    @TempDir
    Path dir;
    LiveWorld world;

    @BeforeEach
    void world(MotoServer server, MotoFixtures moto) throws Exception {
        world = new LiveWorld(server, moto, dir);
        world.writeConfig("targets: [" + world.ou + "]\n", "");
        String yaml = Files.readString(world.config);
        Files.writeString(world.config, yaml.replace("controls:\n", "controls:\n"
                + "  denyLongTermKeyCreation: {maxAgeDays: 30}\n"
                + "  restrictPlatformAdministration: {platformAdmins: [\"arn:aws:iam::" + world.prodAccount + ":role/claude-platform-admin\"]}\n"
                + "  protectWorkspaces: {byTag: {key: criticality, values: [critical], allowedPrincipals: [\"arn:aws:iam::"
                + world.prodAccount + ":role/claude-critical-*\"]}}\n"));
    }

    static final List<String> NEW_SCENARIOS = List.of(
            "scenario:deny-long-term-key-creation:ResetServiceSpecificCredential",
            "scenario:deny-long-term-key-creation:UpdateServiceSpecificCredential",
            "scenario:deny-long-term-key-creation:max-age:within:30",
            "scenario:deny-long-term-key-creation:max-age:never-expires",
            "scenario:platform-administration:unlisted:CreateWorkspace",
            "scenario:platform-administration:unlisted:AssumeConsole:admin",
            "scenario:platform-administration:platform-admin[0]:RegisterKey",
            "scenario:protect-workspaces:by-tag:unlisted:tagged[critical]:CreateInference",
            "scenario:protect-workspaces:by-tag:unlisted:tag-untagged");

    @Test
    void theNewControlsApplyVerifyOnLiveContentAndWeakeningIsNamedAndHealed() throws Exception {
        assertThat(world.run(Action.APPLY).compliant()).isTrue();
        String name = world.scpNames().get(0);
        String id = world.scpId(name);
        String live = world.moto.policyContent(id);
        assertThat(live).contains("iam:ResetServiceSpecificCredential", "NumericGreaterThanIfExists", "DenyPlatformAdministration",
                "aws:ResourceTag/criticality", "DenyChangingWorkspaceProtectionTag");

        EngineResult verify = world.run(Action.VERIFY);
        assertThat(failed(verify)).isEmpty();
        for (String check : NEW_SCENARIOS) {
            assertThat(status(verify, check)).as(check).isEqualTo(CheckStatus.PASS);
        }

        // Weaken the live SCP to the guide's forms: the lifecycle, missing-expiry, administration and tag-guard holes reopen.
        String weakened = dropStatement(live.replace(",\"iam:ResetServiceSpecificCredential\",\"iam:UpdateServiceSpecificCredential\"", "")
                .replace("NumericGreaterThanIfExists", "NumericGreaterThan").replace("\"aws:TagKeys\"", "\"aws:TagKeysTypo\""),
                "DenyPlatformAdministration");
        String tampered = weakened;
        world.moto.organizations().updatePolicy(r -> r.policyId(id).content(tampered));

        EngineResult drift = world.run(Action.VERIFY);
        assertThat(drift.compliant()).isFalse();
        assertThat(failed(drift)).contains("scp-content:" + name,
                "scenario:deny-long-term-key-creation:ResetServiceSpecificCredential",
                "scenario:deny-long-term-key-creation:UpdateServiceSpecificCredential",
                "scenario:deny-long-term-key-creation:max-age:never-expires",
                "scenario:platform-administration:unlisted:CreateWorkspace",
                "scenario:platform-administration:unlisted:DisableKey",
                "scenario:protect-workspaces:by-tag:unlisted:tag-untagged")
                .doesNotContain("scenario:platform-administration:unlisted:AssumeConsole:admin",
                        "scenario:protect-workspaces:by-tag:unlisted:tagged[critical]:CreateInference");

        assertThat(world.run(Action.APPLY).changes()).isEqualTo(1);
        assertThat(failed(world.run(Action.VERIFY))).isEmpty();
    }

    @Test
    void withMaxAgeDaysVerifyAcceptsLiveKeysThatExpireInTimeAndFailsTheRest() throws Exception {
        world.run(Action.APPLY);
        world.moto.createUser("ci-bot", "/");
        String shortKey = key("ci-bot", 30);
        String longKey = key("ci-bot", 90);
        world.moto.createUser("ci-bot-2", "/");
        String forever = world.moto.createServiceSpecificCredential("ci-bot-2", AwsFacts.SERVICE_NAME);
        String acct = world.org.managementAccountId();

        EngineResult verify = world.run(Action.VERIFY);
        assertThat(status(verify, "long-term-key:" + acct + ":" + shortKey)).isEqualTo(CheckStatus.PASS);
        assertThat(status(verify, "long-term-key:" + acct + ":" + longKey)).isEqualTo(CheckStatus.FAIL);
        assertThat(status(verify, "long-term-key:" + acct + ":" + forever)).isEqualTo(CheckStatus.FAIL);
        CheckResult never = verify.checks().stream().filter(c -> c.check().endsWith(forever)).findFirst().orElseThrow();
        assertThat(never.message()).contains("never expires", "maxAgeDays = 30", "DeleteServiceSpecificCredential");
        assertThat(never.evidence()).containsEntry("expires", "never");
    }

    private String key(String user, int days) {
        return world.moto.iam().createServiceSpecificCredential(r -> r.userName(user).serviceName(AwsFacts.SERVICE_NAME)
                .credentialAgeDays(days)).serviceSpecificCredential().serviceSpecificCredentialId();
    }

    /** The policy without the statement of that Sid (parsed, so the JSON stays valid). */
    private static String dropStatement(String policy, String sid) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(policy);
        var statements = (com.fasterxml.jackson.databind.node.ArrayNode) doc.get("Statement");
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (sid.equals(statements.get(i).path("Sid").asText())) {
                statements.remove(i);
            }
        }
        return mapper.writeValueAsString(doc);
    }

    private static CheckStatus status(EngineResult r, String check) {
        return r.checks().stream().filter(c -> c.check().equals(check)).map(CheckResult::status).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + check));
    }

    private static List<String> failed(EngineResult r) {
        return r.checks().stream().filter(c -> c.status() == CheckStatus.FAIL).map(CheckResult::check).toList();
    }
}
