package io.claudebaseline.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.config.ConfigValidator;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.policy.PolicySemantics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every Terraform file every template variant can render parses with HashiCorp's HCL parser and is exactly
 * what {@code terraform fmt} (hclwrite.Format) leaves. One Node process checks all of them.
 */
// Runs beside the moto tests (core/pom.xml): its time goes to Node.
@Execution(ExecutionMode.CONCURRENT)
class TerraformHclTest {

    static final String BASE = """
            version: 1
            targets: [r-ab12, ou-ab12-11111111, "111122223333"]
            workspaces:
              - id: wrkspc_01AbCdEf23GhIj
                region: us-east-1
                account: "111122223333"
                allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer]
              - id: wrkspc_02AbCdEf23GhIj
                region: eu-west-1
                account: "111122223333"
                allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer]
            """;

    static final Map<String, String> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("combined-with-trail", BASE + """
                exemptPrincipals: [arn:aws:iam::*:role/BreakGlassAdmin]
                controls:
                  cloudTrailDataEvents: {enabled: true, trailName: org-trail, homeRegion: us-east-1}
                tags: {owner: platform-security}
                """);
        VARIANTS.put("per-control-listed", BASE + """
                layout: per-control
                controls:
                  cloudTrailDataEvents: {enabled: true, trailName: org-trail, homeRegion: us-east-1, scope: listed-workspaces, includeManagementEvents: false}
                """);
        VARIANTS.put("create-trail-full", BASE + """
                controls:
                  cloudTrailDataEvents:
                    enabled: true
                    trailName: claude-data
                    homeRegion: eu-west-1
                    scope: listed-workspaces
                    createTrail:
                      s3BucketName: my-trail-bucket
                      organizationTrail: true
                      kmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
                      cloudWatchLogsGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:claude:*"
                      cloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/cloudtrail-to-logs
                tags: {owner: x, team: y}
                """);
        VARIANTS.put("create-trail-minimal", BASE + """
                controls:
                  cloudTrailDataEvents:
                    trailName: claude-data
                    homeRegion: eu-west-1
                    createTrail: {s3BucketName: my-trail-bucket, multiRegion: false, logFileValidation: false}
                """);
        VARIANTS.put("guide-form-no-trail", BASE + """
                controls:
                  denyLongTermKeyCreation: {scope: all-services}
                  denyShadowUsers: {userNamePattern: "AeaApiKey-????????", anyPath: false}
                """);
        // Issue 11's closed holes: lifecycle + maxAgeDays, platform administration, protect by tag (per-control: one SCP each).
        VARIANTS.put("closed-holes-per-control", BASE + """
                exemptPrincipals: [arn:aws:iam::*:role/BreakGlassAdmin]
                layout: per-control
                controls:
                  protectWorkspaces: {byTag: {key: criticality, values: [critical, tier-0], allowedPrincipals: [arn:aws:iam::111122223333:role/claude-critical-*]}}
                  denyLongTermKeyCreation: {maxAgeDays: 30}
                  restrictPlatformAdministration: {platformAdmins: [arn:aws:iam::111122223333:role/claude-platform-admin]}
                """);
        VARIANTS.put("trail-only", """
                version: 1
                controls:
                  protectWorkspaces: false
                  denyLongTermKeyCreation: false
                  denyShadowUsers: false
                  denyLongTermKeyUse: false
                  cloudTrailDataEvents: {trailName: org-trail, homeRegion: us-east-1}
                """);
    }

    static Map<String, String> renderVariant(String yaml) throws Exception {
        BaselineConfig config = ConfigLoader.parse(yaml, false, "variant");
        assertThat(ConfigValidator.validate(config)).filteredOn(p -> p.isError()).isEmpty();
        Baseline baseline = BaselineBuilder.build(config, Templates.bundled());
        return ArtifactWriter.render(baseline, Templates.bundled(), "variant.yaml");
    }

    @Test
    void everyVariantParsesAndIsTerraformFmtClean() throws Exception {
        Map<String, String> tf = new LinkedHashMap<>();
        Map<String, Map<String, String>> rendered = new LinkedHashMap<>();
        for (Map.Entry<String, String> v : VARIANTS.entrySet()) {
            Map<String, String> files = renderVariant(v.getValue());
            rendered.put(v.getKey(), files);
            files.forEach((path, text) -> {
                if (path.endsWith(".tf")) tf.put(v.getKey() + "/" + path, text);
            });
        }
        RenderGoldenTest.renderExample().forEach((path, text) -> {
            if (path.endsWith(".tf")) tf.put("example/" + path, text);
        });
        assertThat(tf).hasSizeGreaterThan(25);

        JsonNode result = HclTool.check(tf);
        for (JsonNode file : result.path("files")) {
            assertThat(file.has("parseError")).as("%s parses: %s\n%s", file.path("name").asText(), file.path("parseError").asText(),
                    tf.get(file.path("name").asText())).isFalse();
            assertThat(file.path("formatted").asBoolean()).as("%s is terraform-fmt clean; fmt would give:\n%s",
                    file.path("name").asText(), file.path("expected").asText()).isTrue();
        }
        assertThat(result.path("files").size()).isEqualTo(tf.size());
        assertThat(result.path("ok").asBoolean()).isTrue();

        // The SCP content in scps.tf is exactly the string AWS receives.
        JsonNode scps = parsed(result, "combined-with-trail/terraform/scps.tf").path("locals").get(0).path("scps");
        assertThat(scps.size()).isEqualTo(1);
        String content = scps.path("claude-baseline-1").path("content").asText();
        assertThat(content).isEqualTo(PolicySemantics.minify(PolicySemantics.parse(rendered.get("combined-with-trail").get("scp/claude-baseline-1.json"))));

        // The created trail carries one advanced_event_selector block per selector, with the workspace prefixes.
        JsonNode trail = parsed(result, "create-trail-full/terraform/cloudtrail.tf").path("resource").path("aws_cloudtrail").path("claude").get(0);
        assertThat(trail.path("name").asText()).isEqualTo("claude-data");
        assertThat(trail.path("is_organization_trail").asBoolean()).isTrue();
        assertThat(trail.path("advanced_event_selector").size()).isEqualTo(2);
        assertThat(trail.path("advanced_event_selector").get(0).path("field_selector").get(2).path("starts_with").toString())
                .contains("workspace/wrkspc_01AbCdEf23GhIj").contains("workspace/wrkspc_02AbCdEf23GhIj");
        // The new controls reach Terraform as their own SCPs (per-control), each content the exact minified JSON.
        JsonNode holes = parsed(result, "closed-holes-per-control/terraform/scps.tf").path("locals").get(0).path("scps");
        assertThat(holes.has("claude-baseline-platform-administration")).isTrue();
        String admin = holes.path("claude-baseline-platform-administration").path("content").asText();
        assertThat(admin).isEqualTo(PolicySemantics.minify(PolicySemantics.parse(
                rendered.get("closed-holes-per-control").get("scp/claude-baseline-platform-administration.json"))));
        assertThat(admin).contains("\"aws-external-anthropic:CreateWorkspace\"", "\"aws-external-anthropic:AssumeConsole\"");
        assertThat(holes.path("claude-baseline-protect-workspaces").path("content").asText())
                .contains("aws:ResourceTag/criticality", "ForAnyValue:StringEqualsIgnoreCase");
        assertThat(holes.path("claude-baseline-deny-long-term-key-creation").path("content").asText())
                .contains("NumericGreaterThanIfExists", "iam:ResetServiceSpecificCredential");
        assertThat(parsed(result, "trail-only/terraform/variables.tf").path("variable").has("target_ids")).isFalse();
        assertThat(tf).doesNotContainKey("trail-only/terraform/scps.tf");
    }

    private static JsonNode parsed(JsonNode result, String name) {
        for (JsonNode f : result.path("files")) {
            if (f.path("name").asText().equals(name)) return f.path("parsed");
        }
        throw new AssertionError("no result for " + name);
    }
}
