package io.claudebaseline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The docs' config examples go through the real loader and validator (the engine's {@code validate}), so the docs
 * cannot drift from what the tool accepts. Every {@code ```yaml} block in docs/*.md is a config or a part of one,
 * unless the line before it is {@value #NOT_A_CONFIG}: a whole config (it has {@code version:}) must be valid as it
 * stands; a part replaces the same top-level fields of the first full example of docs/configuration.md and the
 * result must be valid. The values the docs call errors are checked to be the errors they say.
 */
// Runs beside the moto tests (core/pom.xml): reads the docs, writes only to its own temporary folder.
@Execution(ExecutionMode.CONCURRENT)
class DocsExamplesTest {

    static final String NOT_A_CONFIG = "<!-- not a claude-baseline config -->";
    static final Path DOCS = Path.of("..", "docs");

    @TempDir
    Path dir;

    /** One fenced YAML block: where it is, and its text without the fence's indentation. */
    record Example(String where, String yaml) {
        boolean whole() {
            return yaml.lines().anyMatch(l -> l.startsWith("version:"));
        }
    }

    static List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        try (Stream<Path> docs = Files.list(DOCS)) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                List<String> lines = Files.readAllLines(doc);
                String previous = "";
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    Matcher open = Pattern.compile("^(\\s*)```yaml\\s*$").matcher(line);
                    if (open.matches()) {
                        int indent = open.group(1).length();
                        StringBuilder yaml = new StringBuilder();
                        int start = i + 1;
                        for (i++; !lines.get(i).trim().equals("```"); i++) {
                            String l = lines.get(i);
                            yaml.append(l.length() >= indent ? l.substring(indent) : l.trim()).append('\n');
                        }
                        if (!previous.trim().equals(NOT_A_CONFIG)) {
                            out.add(new Example(DOCS.relativize(doc) + ":" + start, yaml.toString()));
                        }
                    }
                    if (!line.isBlank()) {
                        previous = line;
                    }
                }
            }
        }
        return out;
    }

    /** The base for the parts: the first whole example of docs/configuration.md. */
    static String base() throws IOException {
        return examples().stream().filter(e -> e.where().startsWith("configuration.md") && e.whole()).findFirst()
                .orElseThrow(() -> new AssertionError("docs/configuration.md has no whole config example")).yaml();
    }

    /** {@code base} without the top-level fields {@code part} sets, followed by {@code part}. */
    static String merged(String base, String part) {
        Set<String> keys = new LinkedHashSet<>();
        part.lines().map(l -> Pattern.compile("^([A-Za-z]+):").matcher(l)).filter(Matcher::find).forEach(m -> keys.add(m.group(1)));
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : base.split("\n")) {
            Matcher m = Pattern.compile("^([A-Za-z]+):").matcher(line);
            if (m.find()) {
                skipping = keys.contains(m.group(1));
            }
            if (!skipping) {
                out.append(line).append('\n');
            }
        }
        return out + part;
    }

    private EngineResult validate(String name, String yaml) throws Exception {
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9.]", "_") + ".yaml");
        Files.writeString(file, yaml);
        return new BaselineEngine().run(EngineRequest.builder(Action.VALIDATE, file).build(), line -> { });
    }

    @Test
    void everyConfigExampleInTheDocsIsValid() throws Exception {
        List<Example> examples = examples();
        // configuration.md (whole config, anchors, exceptions), controls.md (byTag, platform admins), simulation.md
        assertThat(examples).extracting(Example::where).hasSizeGreaterThanOrEqualTo(6)
                .anyMatch(w -> w.startsWith("configuration.md")).anyMatch(w -> w.startsWith("controls.md"))
                .anyMatch(w -> w.startsWith("simulation.md"));
        String base = base();
        List<String> invalid = new ArrayList<>();
        for (Example e : examples) {
            String yaml = e.whole() ? e.yaml() : merged(base, e.yaml());
            try {
                EngineResult r = validate(e.where(), yaml);
                assertThat(r.compliant()).as(e.where()).isTrue();
            } catch (ConfigException ex) {
                invalid.add(e.where() + ": " + ex.getMessage() + "\n--- as validated:\n" + yaml);
            }
        }
        assertThat(invalid).as("docs examples the tool rejects").isEmpty();
    }

    /** A value the docs quote as an error, and a part of the message the tool must give for it. */
    record Claim(String quoted, String replace, String with, String error) {}

    @Test
    void theValuesTheDocsCallErrorsAreThoseErrors() throws Exception {
        String doc = Files.readString(DOCS.resolve("configuration.md"));
        String base = base();
        List<Claim> claims = List.of(
                new Claim("`regoin:`", "    region: us-east-1\n", "    regoin: us-east-1\n", "regoin"),
                new Claim("`layout: stacked`", "layout: combined\n", "layout: stacked\n", "layout"),
                new Claim("`version: 1.5`", "version: 1\n", "version: 1.5\n", "version"),
                new Claim("`version: \"1\"`", "version: 1\n", "version: \"1\"\n", "version"),
                new Claim("`scpMaxCharacters: \"10240\"`", "scpMaxCharacters: 10240", "scpMaxCharacters: \"10240\"", "scpMaxCharacters"),
                new Claim("`protectWorkspaces: \"true\"`", "protectWorkspaces: true\n", "protectWorkspaces: \"true\"\n", "protectWorkspaces"),
                new Claim("`yes`", "protectWorkspaces: true\n", "protectWorkspaces: yes\n", "protectWorkspaces"),
                new Claim("A second YAML document", "tags: { owner: platform-security }\n",
                        "tags: { owner: platform-security }\n---\nversion: 1\n", "document"),
                new Claim("An alias whose anchor is not defined", "exemptPrincipals:\n  - arn:aws:iam::*:role/BreakGlassAdmin\n",
                        "exemptPrincipals: *nowhere\n", "nowhere"));
        for (Claim c : claims) {
            assertThat(doc).as("docs/configuration.md still says %s", c.quoted()).contains(c.quoted());
            assertThat(base).as("the base example has %s", c.replace()).contains(c.replace());
            String yaml = base.replace(c.replace(), c.with());
            ConfigException e = catchThrowableOfType(ConfigException.class, () -> validate(c.quoted(), yaml));
            assertThat(e).as("%s is an error", c.quoted()).isNotNull();
            assertThat(e.problems()).as(c.quoted()).anyMatch(p -> p.isError()
                    && (p.path().contains(c.error()) || p.message().contains(c.error())));
        }

        // ... and what the docs say is kept as written is: a leading zero of an unquoted account id stays.
        assertThat(doc).contains("`account: 011122223333` stays");
        Path file = dir.resolve("zero.yaml");
        Files.writeString(file, base.replace("account: \"111122223333\"", "account: 011122223333"));
        assertThat(ConfigLoader.load(file).workspaces().get(0).account()).isEqualTo("011122223333");
    }
}
