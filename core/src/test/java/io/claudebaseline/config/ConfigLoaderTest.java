package io.claudebaseline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding errors: each names its field path, none leaks an internal class or exception name, all are reported at once. */
class ConfigLoaderTest {

    static final String VALID = ConfigValidatorTest.VALID;

    static List<Problem> loadProblems(String yaml) {
        try {
            ConfigLoader.parse(yaml, false, "test.yaml");
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the config to be rejected");
    }

    static void assertNoInternals(List<Problem> problems) {
        assertThat(problems).allSatisfy(p -> assertThat(p.message())
                .doesNotContain("io.claudebaseline").doesNotContain("NullPointerException").doesNotContain("java.lang"));
    }

    @Test
    void anEmptyListEntryIsNamedNotAnInternalNullPointerException() {
        List<Problem> problems = loadProblems(VALID.replace("  - id: wrkspc_01AbCdEf23GhIj", "  -\n  - id: wrkspc_01AbCdEf23GhIj"));
        assertNoInternals(problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("workspaces[0]");
            assertThat(p.message()).contains("empty list entry").contains("remove it");
        });

        List<Problem> inPrincipals = loadProblems(VALID.replace("allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer]",
                "allowedPrincipals:\n      - arn:aws:iam::111122223333:role/claude-prod-deployer\n      -\n"));
        assertNoInternals(inPrincipals);
        assertThat(inPrincipals).extracting(Problem::path).containsExactly("workspaces[0].allowedPrincipals[1]");

        assertThat(loadProblems(VALID.replace("targets: [r-ab12, ou-ab12-11111111, \"111122223333\"]", "targets: [r-ab12, null]")))
                .extracting(Problem::path).containsExactly("targets[1]");
    }

    @Test
    void aFileThatIsNotUtf8OrIsADirectoryIsNamedAsSuch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path utf16 = java.nio.file.Files.write(dir.resolve("utf16.yaml"), VALID.getBytes(java.nio.charset.StandardCharsets.UTF_16));
        assertThatThrownBy(() -> ConfigLoader.load(utf16)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not UTF-8 text").hasMessageContaining("save it as UTF-8").hasMessageNotContaining("Input length");
        assertThatThrownBy(() -> ConfigLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is a directory").hasMessageNotContaining("not found");
        // A UTF-8 byte-order mark is fine.
        java.nio.file.Path bom = java.nio.file.Files.writeString(dir.resolve("bom.yaml"), "\uFEFF" + VALID);
        assertThat(ConfigLoader.load(bom).version()).isEqualTo(1);
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        assertThat(loadProblems(VALID.replace("version: 1", "version: 1.5"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("version");
            assertThat(p.message()).contains("expected a whole number");
        });
        assertThat(loadProblems(VALID + "limits: {scpMaxPerTarget: 9.9}\n")).extracting(Problem::path)
                .containsExactly("limits.scpMaxPerTarget");
    }

    @Test
    void everyUnknownFieldAndEnumValueIsReportedAtOnce() {
        String yaml = VALID.replace("    region: us-east-1", "    regoin: us-east-1")
                .replace("tags: {owner: platform-security}", "tags: {owner: platform-security}\nlayout: stacked\ncontrol:\n  x: 1\n")
                .replace("homeRegion: us-east-1}", "homeRegion: us-east-1, scope: some-workspaces}");
        List<Problem> problems = loadProblems(yaml);
        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder(
                "workspaces[0].regoin", "controls.cloudTrailDataEvents.scope", "layout", "control");
        assertThat(problems).filteredOn(p -> p.path().equals("workspaces[0].regoin")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unknown field 'regoin' (line 5, column 5)").contains("expected one of: account, allowedPrincipals, description, id, region"));
        assertThat(problems).filteredOn(p -> p.path().equals("control")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("expected one of:").contains("controls"));
        assertThat(problems).filteredOn(p -> p.path().equals("layout")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'stacked' is not accepted").contains("combined, per-control"));
    }

    @Test
    void jsonConfigsGetTheSameTreatmentWithTheLineOfAnUnknownField() throws Exception {
        String json = "{\"version\": 1, \"targets\": [\"r-ab12\"], \"layout\": \"stacked\",\n"
                + " \"workspaces\": [{\"id\": \"wrkspc_01AbCdEf23GhIj\", \"regoin\": \"us-east-1\", \"allowedPrincipals\": [\"arn:aws:iam::111122223333:role/x\"]}]}";
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> ConfigLoader.parse(json, true, "c.json"));
        assertThat(e.problems()).extracting(Problem::path).containsExactlyInAnyOrder("layout", "workspaces[0].regoin");
        assertThat(e.problems()).filteredOn(p -> p.path().equals("workspaces[0].regoin")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("(line 2, column 49)"));
        assertThat(loadProblemsJson("{\"version\": 1, \"targets\": [\"r-ab12\", null]}")).extracting(Problem::path).containsExactly("targets[1]");
    }

    static List<Problem> loadProblemsJson(String json) {
        try {
            ConfigLoader.parse(json, true, "c.json");
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the config to be rejected");
    }

    @Test
    void collectedProblemsAreKeptWhenAnotherBindingErrorStopsTheRead() {
        List<Problem> problems = loadProblems(VALID.replace("    region: us-east-1", "    regoin: us-east-1") + "limits: {scpMaxPerTarget: ten}\n");
        assertThat(problems).extracting(Problem::path).containsExactly("workspaces[0].regoin", "limits.scpMaxPerTarget");
    }

    @Test
    void aControlTogglesWrongTypeSaysTrueOrFalseIsAccepted() {
        assertThatThrownBy(() -> ConfigLoader.parse(VALID + "controls:\n  denyLongTermKeyUse: yes please\n", false, "t.yaml"))
                .isInstanceOf(ConfigException.class);
        assertThat(loadProblems(VALID.replace("controls:\n  cloudTrailDataEvents: {enabled: true, trailName: org-trail, homeRegion: us-east-1}",
                "controls:\n  denyLongTermKeyUse: yes please\n  cloudTrailDataEvents: {enabled: true, trailName: org-trail, homeRegion: us-east-1}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("controls.denyLongTermKeyUse");
                    assertThat(p.message()).contains("true, false or a mapping");
                });
    }
}
