package io.claudebaseline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchema SCHEMA = loadSchema();

    @TempDir
    Path dir;

    static JsonSchema loadSchema() {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Schema violations of a SARIF document, empty when it is valid. */
    static Set<ValidationMessage> violations(JsonNode sarif) {
        return SCHEMA.validate(sarif);
    }

    private Path config() throws Exception {
        Path file = dir.resolve("claude-baseline.yaml");
        Files.writeString(file, String.join("\n", "version: 1", "targets:", "  - ou-ab12-11111111",
                "workspaces:", "  - id: wrkspc_a", "    region: us-east-1", "    allowedPrincipals:",
                "      - arn:aws:iam::111122223333:role/a", "  - id: wrkspc_b", "    region: '*'", "    allowedPrincipals:",
                "      - arn:aws:sts::111122223333:assumed-role/x/y", "controls:", "  protectWorkspaces: true",
                "  cloudTrailDataEvents:", "    enabled: true", "    trailName: org-trail", ""));
        return file;
    }

    private JsonNode sarif(EngineResult result, Path config) throws Exception {
        Reports.write(result, dir.resolve("out"), config);
        return JSON.readTree(dir.resolve("out").resolve(Reports.SARIF).toFile());
    }

    @Test
    void verifysSarifIsValidAgainstTheOfficialSchemaAndTheValidatorCatchesABrokenLog() throws Exception {
        JsonNode sarif = sarif(ReportFixtures.verifyWithDrift(), config());

        assertThat(violations(sarif)).isEmpty();
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        ObjectNode broken = sarif.deepCopy();
        ((ObjectNode) broken.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        ((ObjectNode) broken.get("runs").get(0).get("results").get(1)).remove("message");
        assertThat(violations(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void everyFailAndWarnIsAResultWithItsLevelAndARuleThatSaysHowToFixIt() throws Exception {
        EngineResult result = ReportFixtures.verifyWithDrift();
        JsonNode run = sarif(result, config()).get("runs").get(0);
        JsonNode results = run.get("results");
        JsonNode rules = run.get("tool").get("driver").get("rules");

        List<String> expected = new ArrayList<>();
        result.warnings().forEach(w -> expected.add("warning"));
        result.checks().stream().filter(c -> c.status() != io.claudebaseline.verify.CheckStatus.PASS)
                .forEach(c -> expected.add(c.status() == io.claudebaseline.verify.CheckStatus.FAIL ? "error" : "warning"));
        List<String> levels = new ArrayList<>();
        results.forEach(r -> levels.add(r.get("level").asText()));
        assertThat(levels).isEqualTo(expected);
        for (JsonNode r : results) {
            JsonNode rule = rules.get(r.get("ruleIndex").asInt());
            assertThat(rule.get("id").asText()).isEqualTo(r.get("ruleId").asText());
            assertThat(rule.get("help").get("text").asText()).contains("Fix: ");
        }
        JsonNode drift = find(results, "protect-workspaces/scp-content");
        JsonNode driftRule = rules.get(drift.get("ruleIndex").asInt());
        assertThat(driftRule.get("help").get("text").asText()).contains("run claude-baseline apply");
        assertThat(drift.get("message").get("text").asText()).startsWith("SCP claude-baseline-1 (p-1) differs");
        // Rule ids are per kind of check, not per instance: the scp name and the target are not in them.
        List<String> ruleIds = new ArrayList<>();
        rules.forEach(r -> ruleIds.add(r.get("id").asText()));
        assertThat(ruleIds).contains("cloudtrail-data-events/trail-logging", "organization/org-coverage:accounts",
                "deny-long-term-key-use/scenario", "config/workspaces[].region");
    }

    @Test
    void configProblemsPointAtTheLineAndColumnOfTheirField() throws Exception {
        Path config = config();
        List<Problem> problems = List.of(
                Problem.error("workspaces[1].allowedPrincipals[0]", "an sts assumed-role session ARN is not a principal ARN"),
                Problem.warning("workspaces[1].region", "region is '*'"),
                Problem.error("", "the whole file"));
        Path out = dir.resolve("validate.sarif");
        Reports.writeSarif(out, Action.VALIDATE, List.of(), problems, config);
        JsonNode sarif = JSON.readTree(out.toFile());

        assertThat(violations(sarif)).isEmpty();
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertThat(region(results.get(0))).isEqualTo("12:9");
        assertThat(region(results.get(1))).isEqualTo("10:5");
        assertThat(region(results.get(2))).isEqualTo("1:1");
        assertThat(results.get(0).get("level").asText()).isEqualTo("error");
        assertThat(results.get(1).get("level").asText()).isEqualTo("warning");
        String uri = results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText();
        assertThat(uri).endsWith("claude-baseline.yaml");
        assertThat(results.get(0).get("ruleId").asText()).isEqualTo("config/workspaces[].allowedPrincipals[]");
    }

    @Test
    void liveFindingsNameTheirResourcesAndTheControlsLine() throws Exception {
        JsonNode results = sarif(ReportFixtures.verifyWithDrift(), config()).get("runs").get(0).get("results");

        JsonNode drift = find(results, "protect-workspaces/scp-content");
        List<String> names = new ArrayList<>();
        drift.get("locations").get(0).get("logicalLocations").forEach(l -> names.add(l.get("fullyQualifiedName").asText()));
        assertThat(names).containsExactly("scp/claude-baseline-1", "policy/p-1");
        assertThat(region(drift)).isEqualTo("14:3"); // controls.protectWorkspaces
        JsonNode trail = find(results, "cloudtrail-data-events/trail-logging");
        assertThat(trail.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText())
                .isEqualTo("trail/arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail");
        assertThat(region(trail)).isEqualTo("15:3");
    }

    @Test
    void fingerprintsFollowTheFindingNotItsMessageSoNewAndFixedCanBeToldApart() throws Exception {
        CheckResult before = CheckResult.warn("organization", "org-coverage:accounts", "3 of 10 accounts lack an SCP.");
        CheckResult after = CheckResult.warn("organization", "org-coverage:accounts", "4 of 11 accounts lack an SCP.");
        CheckResult other = CheckResult.fail("protect-workspaces", "scp-attached:claude-baseline-1:ou-b", "not attached");
        CheckResult sameKindOtherTarget = CheckResult.fail("protect-workspaces", "scp-attached:claude-baseline-1:ou-c", "not attached");

        List<String> first = fingerprints(List.of(before, other));
        List<String> second = fingerprints(List.of(after, sameKindOtherTarget));
        assertThat(second.get(0)).isEqualTo(first.get(0));
        assertThat(second.get(1)).isNotEqualTo(first.get(1));
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void hostileTextRoundTripsAndAnEmptyRunIsStillValid() throws Exception {
        JsonNode results = sarif(ReportFixtures.verifyWithDrift(), null).get("runs").get(0).get("results");
        JsonNode hostile = find(results, ReportFixtures.HOSTILE + "/" + ReportFixtures.HOSTILE.split(":")[0]);
        assertThat(hostile.get("message").get("text").asText()).isEqualTo(ReportFixtures.HOSTILE.replace('\u0001', '\uFFFD'));
        assertThat(hostile.get("locations").get(0).has("physicalLocation")).isFalse();

        Path out = dir.resolve("empty.sarif");
        Reports.writeSarif(out, Action.VALIDATE, List.of(), List.of(), null);
        JsonNode empty = JSON.readTree(out.toFile());
        assertThat(violations(empty)).isEmpty();
        assertThat(empty.get("runs").get(0).get("results")).isEmpty();
    }

    private List<String> fingerprints(List<CheckResult> checks) throws Exception {
        EngineResult r = new EngineResult(Action.VERIFY, false, 0, checks, List.of(), List.of(), null, "s", Map.of());
        List<String> out = new ArrayList<>();
        sarif(r, null).get("runs").get(0).get("results")
                .forEach(x -> out.add(x.get("partialFingerprints").get(SarifReport.FINGERPRINT).asText()));
        return out;
    }

    private static JsonNode find(JsonNode results, String ruleId) {
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result of rule " + ruleId + " in " + results);
    }

    private static String region(JsonNode result) {
        JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
        return region.get("startLine").asInt() + ":" + region.get("startColumn").asInt();
    }
}
