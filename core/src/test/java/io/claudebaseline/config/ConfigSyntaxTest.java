package io.claudebaseline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * YAML and JSON read the way their users mean them: aliases expanded, one document, strict types, the same
 * treatment of BOMs and blank lines for both formats, and messages that name the field and the line without a
 * parser library's internals.
 */
// Runs beside the moto tests (core/pom.xml): parses in memory and in its own temporary folders.
@Execution(ExecutionMode.CONCURRENT)
class ConfigSyntaxTest {

    static final String VALID = ConfigValidatorTest.VALID;

    static List<Problem> problems(String text, boolean json) {
        try {
            ConfigLoader.parse(text, json, json ? "c.json" : "c.yaml");
        } catch (ConfigException e) {
            assertNoLibraryInternals(e.getMessage());
            return e.problems();
        }
        throw new AssertionError("expected the config to be rejected:\n" + text);
    }

    static Problem onlyProblem(String text, boolean json) {
        List<Problem> problems = problems(text, json);
        assertThat(problems).as("problems of\n" + text).hasSize(1);
        return problems.get(0);
    }

    /** What a user must never have to read: parser classes, Jackson settings, Java types. */
    static void assertNoLibraryInternals(String message) {
        assertThat(message).doesNotContain("org.yaml").doesNotContain("snakeyaml").doesNotContain("com.fasterxml")
                .doesNotContain("Event(").doesNotContain("StreamReadConstraints").doesNotContain("Feature '")
                .doesNotContain("java.").doesNotContain("io.claudebaseline").doesNotContain("Exception")
                .doesNotContain("`").doesNotContain("[Source:");
    }

    // ---- anchors and aliases ----

    @Test
    void anAliasStandsForTheAnchoredValueSoWorkspacesCanShareOneAllowList() throws Exception {
        String yaml = """
                version: 1
                targets: [r-ab12]
                workspaces:
                  - id: wrkspc_01AbCdEf23GhIj
                    region: &region us-east-1
                    account: "111122223333"
                    description: &team platform team
                    allowedPrincipals: &shared
                      - arn:aws:iam::111122223333:role/claude-deployer
                      - arn:aws:iam::111122223333:role/claude-app
                  - id: wrkspc_09ZyXwVu87TsRq
                    region: *region
                    account: "111122223333"
                    description: *team
                    allowedPrincipals: *shared
                """;
        BaselineConfig config = ConfigLoader.parse(yaml, false, "c.yaml");
        assertThat(config.workspaces().get(1).allowedPrincipals())
                .containsExactly("arn:aws:iam::111122223333:role/claude-deployer", "arn:aws:iam::111122223333:role/claude-app");
        assertThat(config.workspaces().get(1).region()).isEqualTo("us-east-1");
        assertThat(config.workspaces().get(1).description()).isEqualTo("platform team");
        assertThat(ConfigValidator.validate(config)).noneMatch(Problem::isError);
    }

    @Test
    void aMergeKeyCopiesTheAnchoredMappingsFields() throws Exception {
        String yaml = """
                version: 1
                targets: [r-ab12]
                workspaces:
                  - &prod
                    id: wrkspc_01AbCdEf23GhIj
                    region: us-east-1
                    account: "111122223333"
                    allowedPrincipals: [arn:aws:iam::111122223333:role/claude-deployer]
                  - <<: *prod
                    id: wrkspc_09ZyXwVu87TsRq
                """;
        BaselineConfig config = ConfigLoader.parse(yaml, false, "c.yaml");
        assertThat(config.workspaces().get(1).id()).isEqualTo("wrkspc_09ZyXwVu87TsRq");
        assertThat(config.workspaces().get(1).allowedPrincipals()).containsExactly("arn:aws:iam::111122223333:role/claude-deployer");
    }

    @Test
    void anUndefinedAliasIsAnErrorNotText() {
        Problem p = onlyProblem(VALID.replace("allowedPrincipals: [arn:aws:iam::111122223333:role/claude-prod-deployer]",
                "allowedPrincipals: *deployers"), false);
        assertThat(p.message()).contains("alias *deployers").contains("no anchor").contains("line 7");
    }

    @Test
    void anAliasBombIsRefusedQuicklyNamingTheLimit() {
        StringBuilder yaml = new StringBuilder("version: 1\nx0: &x0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (int i = 1; i <= 30; i++) {
            yaml.append("x").append(i).append(": &x").append(i).append(" [*x").append(i - 1).append(", *x").append(i - 1).append("]\n");
        }
        long start = System.nanoTime();
        Problem p = problems(yaml.toString(), false).get(0);
        assertThat(p.message()).contains(String.valueOf(ConfigLimits.MAX_VALUES)).contains("values");
        assertThat(System.nanoTime() - start).as("refused before expanding a billion values").isLessThan(5_000_000_000L);
    }

    @Test
    void nestingBeyondTheLimitIsRefusedInBothFormats() {
        int depth = ConfigLimits.MAX_NESTING + 5;
        String yaml = "version: 1\ntags: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
        String json = "{\"version\": 1, \"tags\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
        for (Problem p : List.of(onlyProblem(yaml, false), onlyProblem(json, true))) {
            assertThat(p.message()).contains("nested more than " + ConfigLimits.MAX_NESTING + " levels");
            assertThat(p.path()).startsWith("tags");
        }
    }

    // ---- field paths ----

    @Test
    void anUnknownFieldIsReportedWhereItStandsNotInsideTheNextList() {
        String yaml = VALID.replace("targets: [r-ab12, ou-ab12-11111111, \"111122223333\"]",
                "worksapces: []\ntargets: [r-ab12, ou-ab12-11111111, \"111122223333\"]");
        assertThat(problems(yaml, false)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("worksapces");
            assertThat(p.message()).contains("unknown field 'worksapces'").contains("line 2");
        });
        String nested = VALID.replace("    region: us-east-1", "    regoin: [us-east-1, eu-west-1, x]");
        assertThat(problems(nested, false)).extracting(Problem::path).containsExactly("workspaces[0].regoin");
    }

    @Test
    void everyUnknownFieldIsReportedAtItsOwnPathAndLineInJsonToo() {
        String json = """
                {"version": 1,
                 "worksapces": [],
                 "targets": ["r-ab12", "ou-ab12-11111111"],
                 "workspaces": [{"id": "wrkspc_01AbCdEf23GhIj", "regoin": ["x", "y"],
                                 "allowedPrincipals": ["arn:aws:iam::111122223333:role/x"]}]}
                """;
        List<Problem> problems = problems(json, true);
        assertThat(problems).extracting(Problem::path).containsExactly("worksapces", "workspaces[0].regoin");
        assertThat(problems.get(0).message()).contains("line 2");
        assertThat(problems.get(1).message()).contains("line 4");
    }

    // ---- types as documented ----

    @Test
    void aQuotedNumberOrBooleanIsAStringAndThereforeAWrongType() {
        String yaml = VALID.replace("version: 1", "version: \"1\"")
                + "limits: {scpMaxCharacters: \"10240\"}\n";
        yaml = yaml.replace("controls:\n", "controls:\n  protectWorkspaces: \"true\"\n");
        List<Problem> problems = problems(yaml, false);
        assertThat(problems).extracting(Problem::path)
                .containsExactlyInAnyOrder("version", "limits.scpMaxCharacters", "controls.protectWorkspaces");
        assertThat(problems).filteredOn(p -> p.path().equals("version")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("expected a whole number").contains("quoted"));
        assertThat(problems).filteredOn(p -> p.path().equals("controls.protectWorkspaces")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("true, false"));

        List<Problem> inJson = problems("{\"version\": \"1\", \"limits\": {\"scpMaxCharacters\": \"10240\"}}", true);
        assertThat(inJson).extracting(Problem::path).containsExactlyInAnyOrder("version", "limits.scpMaxCharacters");
    }

    @Test
    void yesAndOnAreNotBooleansAndNumbersAreNotBooleansEither() {
        assertThat(problems(VALID.replace("controls:\n", "controls:\n  denyLongTermKeyUse: yes\n"), false))
                .extracting(Problem::path).containsExactly("controls.denyLongTermKeyUse");
        assertThat(problems(VALID.replace("controls:\n", "controls:\n  denyLongTermKeyUse: 1\n"), false))
                .extracting(Problem::path).containsExactly("controls.denyLongTermKeyUse");
    }

    @Test
    void anEmptyPlainValueIsNullAndAnEmptyQuotedOneIsText() throws Exception {
        ConfigTree tree = YamlTreeReader.read("empty:\nquoted: ''\ntilde: ~\nlist:\n  - \n  - null\nword: nullish\n");
        assertThat(tree.root().get("empty").isNull()).isTrue();
        assertThat(tree.root().get("quoted").isTextual()).isTrue();
        assertThat(tree.root().get("tilde").isNull()).isTrue();
        assertThat(tree.root().get("list").get(0).isNull()).isTrue();
        assertThat(tree.root().get("list").get(1).isNull()).isTrue();
        assertThat(tree.root().get("word").asText()).isEqualTo("nullish");
    }

    @Test
    void anUnquotedAccountIdIsReadAsWrittenLeadingZeroIncluded() throws Exception {
        BaselineConfig config = ConfigLoader.parse(VALID.replace("account: \"111122223333\"", "account: 011122223333")
                .replace("\"111122223333\"]", "011122223333]"), false, "c.yaml");
        assertThat(config.workspaces().get(0).account()).isEqualTo("011122223333");
        assertThat(config.targets()).contains("011122223333");
        assertThat(ConfigLoader.parse(VALID.replace("account: \"111122223333\"", "account: 111122223333"), false, "c.yaml")
                .workspaces().get(0).account()).isEqualTo("111122223333");
    }

    @Test
    void aSecondYamlDocumentIsAnErrorNotIgnored() {
        Problem p = onlyProblem(VALID + "---\nversion: 2\n", false);
        assertThat(p.message()).contains("second YAML document").contains("line 12");
    }

    @Test
    void aByteOrderMarkIsAcceptedInJsonAndYamlAlike(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("c.yaml"), "\uFEFF" + VALID, StandardCharsets.UTF_8);
        Path json = Files.writeString(dir.resolve("c.json"), "\uFEFF{\"version\": 1, \"targets\": [\"r-ab12\"]}", StandardCharsets.UTF_8);
        assertThat(ConfigLoader.load(yaml).version()).isEqualTo(1);
        assertThat(ConfigLoader.load(json).targets()).containsExactly("r-ab12");
    }

    @Test
    void aTabOnABlankLineIsNotAnError() throws Exception {
        assertThat(ConfigLoader.parse(VALID.replace("exemptPrincipals:", "\t\n  \t \nexemptPrincipals:"), false, "c.yaml").version())
                .isEqualTo(1);
    }

    // ---- messages and positions ----

    @Test
    void aNulByteIsReportedAtItsRealLine() {
        StringBuilder yaml = new StringBuilder("version: 1\n");
        for (int i = 2; i < 17; i++) {
            yaml.append("# line ").append(i).append('\n');
        }
        yaml.append("tags: {owner: a\u0000b}\n");
        Problem p = onlyProblem(yaml.toString(), false);
        assertThat(p.message()).contains("line 17").contains("U+0000");
        Problem inJson = onlyProblem("{\"version\": 1,\n".repeat(1) + "\n".repeat(15) + "\"tags\": {\"owner\": \"a\u0000b\"}}", true);
        assertThat(inJson.message()).contains("line 17").contains("U+0000");
    }

    @Test
    void malformedInputReadsWithoutParserInternals() {
        List<String> yamls = List.of("version: 1\ntargets: [r-ab12\n", "version: 1\n  bad: indent\n x: y\n", "version: 1\ntags: {a: [}\n",
                "version: 1\n\ttargets: []\n", "[1, 2]\n", "version: 1\ntags: !custom {a: b}\n", "version: 1\nversion: 1\n",
                "version: 1\ntargets: - r-ab12\n", "? [a]\n: b\n");
        for (String yaml : yamls) {
            assertThat(problems(yaml, false)).as(yaml).isNotEmpty();
        }
        List<String> jsons = List.of("{\"version\": 1, // a comment\n}", "{\"version\": 1,}", "{\"version\": 1} {}", "{'version': 1}",
                "{\"version\": 1, \"version\": 1}", "[1]", "{\"version\": 01}");
        for (String json : jsons) {
            assertThat(problems(json, true)).as(json).isNotEmpty();
        }
        assertThat(onlyProblem("{\"version\": 1, // a comment\n}", true).message()).contains("comment").contains("line 1");
        assertThat(onlyProblem("version: 1\nversion: 1\n", false).message()).contains("'version' appears twice").contains("line 2");
    }

    // ---- limits ----

    @Test
    void aStringLongerThanTheLimitIsRefusedNamingTheFieldAndTheLimitInBothFormats() {
        String longText = "x".repeat(ConfigLimits.MAX_STRING_LENGTH + 1);
        String yaml = VALID.replace("    region: us-east-1", "    region: us-east-1\n    description: " + longText);
        String json = "{\"version\": 1, \"workspaces\": [{\"id\": \"wrkspc_01AbCdEf23GhIj\", \"description\": \"" + longText + "\"}]}";
        for (Problem p : List.of(onlyProblem(yaml, false), onlyProblem(json, true))) {
            assertThat(p.path()).isEqualTo("workspaces[0].description");
            assertThat(p.message()).contains(String.valueOf(ConfigLimits.MAX_STRING_LENGTH)).contains("characters");
        }
    }

    @Test
    void aYamlLineLongerThanTheLimitIsRefusedBeforeParsing() {
        long start = System.nanoTime();
        Problem p = onlyProblem(VALID + "# " + "z".repeat(3 * 1000 * 1000) + "\n", false);
        assertThat(p.message()).contains("line 12").contains(String.valueOf(ConfigLimits.MAX_YAML_LINE_LENGTH));
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void aListLongerThanTheLimitIsRefusedNamingTheFieldAndTheLimitInBothFormats() {
        String json = "{\"version\": 1, \"targets\": [" + "\"r-ab12\", ".repeat(ConfigLimits.MAX_ENTRIES) + "\"r-ab12\"]}";
        for (Problem p : List.of(onlyProblem("version: 1\ntargets:\n" + "  - r-ab12\n".repeat(ConfigLimits.MAX_ENTRIES + 1), false), onlyProblem(json, true))) {
            assertThat(p.path()).isEqualTo("targets");
            assertThat(p.message()).contains("more than " + ConfigLimits.MAX_ENTRIES + " entries");
        }
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        try (var out = Files.newOutputStream(big)) {
            out.write(VALID.getBytes(StandardCharsets.UTF_8));
            out.write(("# " + "x".repeat((int) ConfigLimits.MAX_FILE_BYTES) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> ConfigLoader.load(big));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("larger than the limit of " + ConfigLimits.MAX_FILE_BYTES / (1024 * 1024) + " MiB"));
        assertThat(problems(VALID + "# " + "x".repeat((int) ConfigLimits.MAX_FILE_BYTES), false)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("MiB"));
    }
}
