package io.claudebaseline.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.config.AuditConfig;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ControlsConfig;
import io.claudebaseline.config.LimitsConfig;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.policy.PolicySemantics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Output is injection-proof: 1,000 generated configs whose free text (tags, descriptions, names, ids, ARNs,
 * patterns) holds quotes, backslashes, newlines, control characters, unicode, {@code ${}, {@code %{} and
 * {@code {{}. Every artifact parses (Jackson for JSON; HashiCorp's HCL parser for Terraform, which must also
 * be fmt-clean), and every value comes back exactly. The generator is seeded ({@code -Dproperty.seed=N} picks
 * another run), so a failure reproduces; the failing iteration's seed is in the assertion message. These configs deliberately skip ConfigValidator
 * (which would reject most of them): escaping must hold on its own.
 */
// Runs beside the moto tests (core/pom.xml): CPU-bound, no shared state.
@Execution(ExecutionMode.CONCURRENT)
class InjectionPropertyTest {

    static final int CONFIGS = 1000;
    static final long SEED = Long.getLong("property.seed", 20261128L);

    static final String[] HOSTILE = {
        "\"", "\\", "\n", "\r\n", "\t", "${x}", "${", "%{if true}", "%{", "{{name}}", "{{{raw}}}", "}}", "$${", "%%{", "$$", "%%",
        "é", "日本語", "😀", "\u2028", "\u0000", "\u001b", "\u007f", "<script>&amp;", "'", "#", "//", "/*", "*/", "EOT", "<<EOT",
        "\\u0041", "\\n", "=", ",", " ", "[", "]", "{", "}", ":", "*", "?", "/"
    };

    record Case(long seed, BaselineConfig config, Baseline baseline, Map<String, String> files) {}

    @Test
    void everyArtifactParsesAndEveryValueRoundTrips() throws Exception {
        Random seeds = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        Map<String, String> terraform = new LinkedHashMap<>();
        for (int i = 0; i < CONFIGS; i++) {
            long seed = seeds.nextLong();
            BaselineConfig config = generate(new Random(seed), i);
            Baseline baseline = BaselineBuilder.build(config, Templates.bundled());
            Map<String, String> files = ArtifactWriter.render(baseline, Templates.bundled(), text(new Random(seed), 3) + ".yaml");
            Case c = new Case(seed, config, baseline, files);
            cases.add(c);
            checkJson(c);
            int index = i;
            files.forEach((path, body) -> {
                if (path.endsWith(".tf")) terraform.put(index + "/" + path, body);
            });
        }

        // Many files are byte-identical across configs (versions.tf, outputs.tf, ...): HCL parses each distinct text
        // once and every file gets the result of its text, so nothing goes unchecked and nothing is parsed twice.
        Map<String, String> distinct = new LinkedHashMap<>();
        Map<String, String> firstNameOf = new HashMap<>();
        terraform.forEach((name, body) -> {
            if (firstNameOf.putIfAbsent(body, name) == null) distinct.put(name, body);
        });
        JsonNode result = HclTool.check(distinct);
        Map<String, JsonNode> byFirstName = new LinkedHashMap<>();
        for (JsonNode f : result.path("files")) {
            String name = f.path("name").asText();
            assertThat(f.has("parseError")).as("%s parses: %s", name, f.path("parseError").asText()).isFalse();
            assertThat(f.path("formatted").asBoolean()).as("%s is fmt-clean; expected:\n%s\nactual:\n%s", name,
                    f.path("expected").asText(), terraform.get(name)).isTrue();
            byFirstName.put(name, f.path("parsed"));
        }
        assertThat(byFirstName).hasSize(distinct.size());
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        terraform.forEach((name, body) -> parsed.put(name, byFirstName.get(firstNameOf.get(body))));
        assertThat(parsed).hasSize(terraform.size()).doesNotContainValue(null);
        for (int i = 0; i < cases.size(); i++) {
            checkTerraform(cases.get(i), i, parsed);
        }
    }

    /** JSON artifacts: parse, and every value the config put in comes back exactly. */
    private static void checkJson(Case c) {
        BaselineConfig config = c.config();
        String why = "seed " + c.seed();
        Set<String> sids = new HashSet<>();
        Set<String> principals = new LinkedHashSet<>();
        Set<String> resources = new LinkedHashSet<>();
        for (ScpDocument scp : c.baseline().scps()) {
            String file = c.files().get("scp/" + ArtifactWriter.fileName(scp.name()) + ".json");
            assertThat(file).as(why).isNotNull();
            JsonNode doc = PolicySemantics.parse(file);
            assertThat(doc).as(why).isEqualTo(PolicySemantics.parse(scp.content()));
            for (JsonNode s : doc.path("Statement")) {
                assertThat(sids.add(s.path("Sid").asText())).as("%s: unique Sid %s", why, s.path("Sid")).isTrue();
                assertThat(s.path("Sid").asText()).matches("[A-Za-z0-9]+");
                s.path("Condition").path("ArnNotLike").path("aws:PrincipalArn").forEach(v -> principals.add(v.asText()));
                JsonNode res = s.path("Resource");
                if (res.isArray()) res.forEach(v -> resources.add(v.asText()));
                else resources.add(res.asText());
            }
        }
        Set<String> expectedPrincipals = new LinkedHashSet<>();
        config.workspaces().forEach(w -> expectedPrincipals.addAll(w.allowedPrincipals()));
        expectedPrincipals.addAll(config.exemptPrincipals());
        assertThat(principals).as(why).containsExactlyInAnyOrderElementsOf(expectedPrincipals);
        for (WorkspaceConfig w : config.workspaces()) {
            assertThat(resources).as(why).contains(AwsFacts.workspaceArn(config.partition(), w.region(), w.account(), w.id()));
        }
        if (config.controls().denyShadowUsers().isEnabled()) {
            assertThat(resources).as(why).containsAll(StatementRenderer.shadowUserResources(config));
        }

        JsonNode manifest = PolicySemantics.parse(c.files().get("manifest.json"));
        assertThat(manifest.path("policyNamePrefix").asText()).as(why).isEqualTo(config.policyNamePrefix());
        for (JsonNode a : manifest.path("artifacts")) {
            assertThat(Manifest.sha256(c.files().get(a.path("path").asText()))).as(why).isEqualTo(a.path("sha256").asText());
        }
        for (JsonNode s : manifest.path("scps")) {
            ScpDocument scp = c.baseline().scp(s.path("name").asText()).orElseThrow();
            assertThat(s.path("characters").asInt()).as(why).isEqualTo(scp.content().length());
        }
        c.baseline().trail().ifPresent(t -> {
            JsonNode selectors = PolicySemantics.parse(c.files().get(manifest.path("trail").path("file").asText()));
            assertThat(selectors.size()).as(why).isEqualTo(t.selectors().size());
            List<String> arns = new ArrayList<>();
            selectors.get(0).path("FieldSelectors").forEach(f -> f.path("StartsWith").forEach(v -> arns.add(v.asText())));
            if (config.controls().cloudTrailDataEvents().scope() == ControlsConfig.CloudTrailDataEvents.Scope.LISTED_WORKSPACES) {
                assertThat(arns).as(why).containsExactlyElementsOf(config.workspaces().stream()
                        .map(w -> AwsFacts.workspaceArn(config.partition(), w.region(), w.account(), w.id())).distinct().toList());
            }
        });
    }

    /** Terraform: strings come back from the HCL parser in template form ({@code $${}, {@code %%{}). */
    private static void checkTerraform(Case c, int i, Map<String, JsonNode> parsed) {
        String why = "seed " + c.seed();
        Baseline b = c.baseline();
        if (!b.scps().isEmpty()) {
            JsonNode locals = parsed.get(i + "/terraform/scps.tf").path("locals").get(0);
            Map<String, String> tags = new LinkedHashMap<>();
            locals.path("scp_tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
            Map<String, String> expectedTags = new LinkedHashMap<>();
            b.tags().forEach((k, v) -> expectedTags.put(tmpl(k), tmpl(v)));
            assertThat(tags).as(why).isEqualTo(expectedTags);
            for (ScpDocument scp : b.scps()) {
                JsonNode s = locals.path("scps").path(tmpl(scp.name()));
                assertThat(s.path("content").asText()).as(why).isEqualTo(tmpl(scp.content()));
                assertThat(s.path("description").asText()).as(why).isEqualTo(tmpl(scp.description()));
            }
            assertThat(locals.path("scps").size()).as(why).isEqualTo(b.scps().size());
            JsonNode ws = locals.path("protected_workspaces");
            for (WorkspaceConfig w : c.config().workspaces()) {
                JsonNode item = ws.path(tmpl(w.id()));
                assertThat(item.path("description").asText()).as(why).isEqualTo(w.description() == null ? "" : tmpl(w.description()));
                assertThat(item.path("arn").asText()).as(why)
                        .isEqualTo(tmpl(AwsFacts.workspaceArn(c.config().partition(), w.region(), w.account(), w.id())));
            }
            JsonNode targets = parsed.get(i + "/terraform/variables.tf").path("variable").path("target_ids").get(0).path("default");
            List<String> t = new ArrayList<>();
            targets.forEach(v -> t.add(v.asText()));
            assertThat(t).as(why).isEqualTo(b.targets().stream().map(InjectionPropertyTest::tmpl).toList());
        }
        b.trail().ifPresent(trail -> {
            JsonNode tf = parsed.get(i + "/terraform/cloudtrail.tf");
            JsonNode selectors = tf.path("locals").get(0).path("claude_advanced_event_selectors");
            assertThat(selectors.size()).as(why).isEqualTo(trail.selectors().size());
            for (int k = 0; k < selectors.size(); k++) {
                assertThat(selectors.get(k).path("name").asText()).isEqualTo(tmpl(trail.selectors().get(k).path("Name").asText()));
                List<String> values = new ArrayList<>();
                selectors.get(k).path("field_selectors").forEach(f -> f.properties().forEach(e -> {
                    if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
                }));
                List<String> expected = new ArrayList<>();
                trail.selectors().get(k).path("FieldSelectors").forEach(f -> f.properties().forEach(e -> {
                    if (e.getValue().isArray()) e.getValue().forEach(v -> expected.add(tmpl(v.asText())));
                }));
                assertThat(values).as(why).isEqualTo(expected);
            }
            ControlsConfig.CreateTrail create = c.config().controls().cloudTrailDataEvents().createTrail();
            if (create != null) {
                JsonNode res = tf.path("resource").path("aws_cloudtrail").path("claude").get(0);
                assertThat(res.path("name").asText()).as(why).isEqualTo(tmpl(trail.trailName()));
                assertThat(res.path("s3_bucket_name").asText()).as(why).isEqualTo(tmpl(create.s3BucketName()));
                assertThat(res.path("kms_key_id").isNull() ? null : res.path("kms_key_id").asText()).as(why)
                        .isEqualTo(create.kmsKeyId() == null ? null : tmpl(create.kmsKeyId()));
                assertThat(res.path("advanced_event_selector").size()).as(why).isEqualTo(trail.selectors().size());
                Map<String, String> tags = new LinkedHashMap<>();
                res.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
                Map<String, String> expectedTags = new LinkedHashMap<>();
                b.tags().forEach((k, v) -> expectedTags.put(tmpl(k), tmpl(v)));
                assertThat(tags).as(why).isEqualTo(expectedTags);
            }
        });
    }

    /** How the HCL parser reports a literal string: Terraform's JSON template form. */
    static String tmpl(String value) {
        return value == null ? null : value.replace("${", "$${").replace("%{", "%%{");
    }

    static String text(Random r, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        int pieces = 1 + r.nextInt(maxPieces);
        for (int i = 0; i < pieces; i++) {
            if (r.nextInt(3) == 0) {
                sb.append((char) ('a' + r.nextInt(26)));
            } else {
                sb.append(HOSTILE[r.nextInt(HOSTILE.length)]);
            }
        }
        return sb.toString();
    }

    static BaselineConfig generate(Random r, int index) {
        List<WorkspaceConfig> workspaces = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            List<String> allowed = new ArrayList<>();
            int p = 1 + r.nextInt(3);
            for (int j = 0; j < p; j++) allowed.add("arn:aws:iam::111122223333:role/" + text(r, 4));
            workspaces.add(new WorkspaceConfig("wrkspc_" + text(r, 3) + "_" + index + "_" + i,
                    r.nextInt(4) == 0 ? text(r, 2) : "us-east-1",
                    r.nextInt(4) == 0 ? text(r, 2) : "111122223333",
                    allowed,
                    r.nextBoolean() ? text(r, 6) : null));
        }
        List<String> exempt = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) exempt.add("arn:aws:iam::*:role/" + text(r, 3));
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) tags.put(text(r, 3) + i, r.nextInt(5) == 0 ? "" : text(r, 5));
        ControlsConfig.CreateTrail create = r.nextBoolean() ? null : new ControlsConfig.CreateTrail(text(r, 3), r.nextBoolean(),
                r.nextBoolean(), r.nextBoolean(), r.nextBoolean() ? text(r, 3) : null, r.nextBoolean() ? text(r, 3) : null,
                r.nextBoolean() ? text(r, 3) : null);
        ControlsConfig controls = new ControlsConfig(
                new ControlsConfig.Toggle(true),
                new ControlsConfig.KeyCreation(r.nextBoolean(), r.nextBoolean() ? ControlsConfig.KeyCreation.Scope.ALL_SERVICES : null),
                new ControlsConfig.ShadowUsers(r.nextBoolean(), r.nextBoolean() ? text(r, 3) : null, r.nextBoolean()),
                new ControlsConfig.Toggle(r.nextBoolean()),
                new ControlsConfig.CloudTrailDataEvents(r.nextInt(10) < 7, text(r, 3), text(r, 2),
                        r.nextBoolean() ? ControlsConfig.CloudTrailDataEvents.Scope.LISTED_WORKSPACES : null, r.nextBoolean(), create));
        return new BaselineConfig(1, text(r, 4), List.of("r-ab12", text(r, 2)), workspaces, exempt, controls,
                r.nextBoolean() ? BaselineConfig.Layout.PER_CONTROL : BaselineConfig.Layout.COMBINED,
                new LimitsConfig(1_000_000, 1_000, 100_000), tags, r.nextInt(4) == 0 ? "aws-us-gov" : "aws", List.of(),
                AuditConfig.defaults());
    }
}
