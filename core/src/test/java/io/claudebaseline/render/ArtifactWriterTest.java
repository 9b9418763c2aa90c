package io.claudebaseline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.policy.PolicySemantics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactWriterTest {

    @TempDir
    Path tmp;

    static Baseline baseline(String extra) throws Exception {
        return BaselineBuilder.build(ConfigLoader.parse(TerraformHclTest.BASE + extra, false, "t"), Templates.bundled());
    }

    @Test
    void writesEveryArtifactWithAManifestOfHashesAndSizes() throws Exception {
        Path out = tmp.resolve("out");
        List<String> lines = new ArrayList<>();
        Baseline b = baseline("controls: {cloudTrailDataEvents: {trailName: org-trail, homeRegion: us-east-1}}\n");
        List<Path> written = ArtifactWriter.write(b, Templates.bundled(), out, lines::add);
        assertThat(written).extracting(Path::toString).containsExactly("scp/claude-baseline-1.json",
                "cloudtrail/org-trail-advanced-event-selectors.json", "terraform/versions.tf", "terraform/variables.tf",
                "terraform/scps.tf", "terraform/cloudtrail.tf", "terraform/outputs.tf", "manifest.json");
        assertThat(lines).hasSize(written.size());
        JsonNode manifest = PolicySemantics.parse(Files.readString(out.resolve("manifest.json")));
        for (JsonNode a : manifest.path("artifacts")) {
            String text = Files.readString(out.resolve(a.path("path").asText()), StandardCharsets.UTF_8);
            assertThat(a.path("sha256").asText()).isEqualTo(Manifest.sha256(text));
            assertThat(a.path("controls").size()).isPositive();
        }
        JsonNode scp = manifest.path("scps").get(0);
        assertThat(scp.path("characters").asInt()).isEqualTo(b.scps().get(0).content().length());
        String pretty = Files.readString(out.resolve("scp/claude-baseline-1.json"));
        assertThat(pretty.length()).isGreaterThan(scp.path("characters").asInt());
        assertThat(PolicySemantics.minify(PolicySemantics.parse(pretty))).isEqualTo(b.scps().get(0).content());
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void rerenderingReplacesAPreviousRenderButNeverForeignFiles() throws Exception {
        Path out = tmp.resolve("out");
        ArtifactWriter.write(baseline(""), Templates.bundled(), out, Progress.SILENT);
        // A rendered file edited by hand is never overwritten.
        Files.writeString(out.resolve("scp/claude-baseline-1.json"), "edited by hand");
        assertThatThrownBy(() -> ArtifactWriter.write(baseline("layout: per-control\n"), Templates.bundled(), out, Progress.SILENT))
                .isInstanceOf(IOException.class).hasMessageContaining("changed since they were rendered")
                .hasMessageContaining("scp/claude-baseline-1.json");
        assertThat(out.resolve("scp/claude-baseline-1.json")).hasContent("edited by hand");
        // Once the edit is gone, a previous render is replaced, including files the new render no longer produces.
        Files.delete(out.resolve("scp/claude-baseline-1.json"));
        ArtifactWriter.write(baseline("layout: per-control\n"), Templates.bundled(), out, Progress.SILENT);
        assertThat(out.resolve("scp/claude-baseline-1.json")).doesNotExist();
        assertThat(out.resolve("scp/claude-baseline-protect-workspaces.json")).exists();

        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> ArtifactWriter.write(baseline(""), Templates.bundled(), out, Progress.SILENT))
                .isInstanceOf(IOException.class).hasMessageContaining("notes.txt").hasMessageContaining("empty or new --out");
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThat(out.resolve("scp/claude-baseline-protect-workspaces.json")).exists();
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedIsNamedNotTheStagingDirectory() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path out = file.resolve("out");
        assertThatThrownBy(() -> ArtifactWriter.write(baseline(""), Templates.bundled(), out, Progress.SILENT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot create the output directory " + out.toAbsolutePath().normalize())
                .hasMessageContaining("choose another --out")
                .hasMessageNotContaining(".rendering-");
        assertThat(file).hasContent("x");
    }

    @Test
    void theFilesystemRootOrASystemFolderIsRefusedBeforeItIsWalked() throws Exception {
        for (Path out : List.of(Path.of("/"), Path.of("/usr"))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> ArtifactWriter.write(baseline(""), Templates.bundled(), out, Progress.SILENT))
                    .as(out.toString()).isInstanceOf(IOException.class)
                    .hasMessageContaining(out.toString()).hasMessageContaining("choose");
            assertThat(System.nanoTime() - start).as("refused without walking " + out).isLessThan(2_000_000_000L);
        }
    }

    @Test
    void anUnreadableFolderInsideAPreviousRenderIsAnErrorWithThePath() throws Exception {
        Path out = tmp.resolve("out");
        ArtifactWriter.write(baseline(""), Templates.bundled(), out, Progress.SILENT);
        Path sub = Files.createDirectories(out.resolve("scp/private"));
        // A folder of the user's inside the render is kept: render refuses rather than deleting it.
        assertThatThrownBy(() -> ArtifactWriter.write(baseline(""), Templates.bundled(), out, Progress.SILENT))
                .isInstanceOf(IOException.class).hasMessageContaining("scp/private/").hasMessageContaining("did not write");
        Files.writeString(sub.resolve("notes.txt"), "mine");
        Files.setPosixFilePermissions(sub, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            // root reads any folder: the permission error cannot happen then
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(sub), "running as root");
            assertThatThrownBy(() -> ArtifactWriter.write(baseline(""), Templates.bundled(), out, Progress.SILENT))
                    .isInstanceOf(IOException.class).hasMessageContaining(out.toAbsolutePath().toString());
        } finally {
            Files.setPosixFilePermissions(sub, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aSymlinkedOutputIsWrittenThroughNotReplaced() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        ArtifactWriter.write(baseline(""), Templates.bundled(), link, Progress.SILENT);
        assertThat(Files.isSymbolicLink(link)).as("the link is still a link").isTrue();
        assertThat(real.resolve("manifest.json")).exists();
        ArtifactWriter.write(baseline("layout: per-control\n"), Templates.bundled(), link, Progress.SILENT);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real.resolve("manifest.json")).exists();
    }

    @Test
    void aDanglingSymlinkIsRefusedWithoutNamingTheStagingFolder() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        assertThatThrownBy(() -> ArtifactWriter.write(baseline(""), Templates.bundled(), link, Progress.SILENT))
                .isInstanceOf(IOException.class).hasMessageContaining("symbolic link").hasMessageContaining("nowhere")
                .hasMessageNotContaining(".rendering-");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("dangling");
        }
    }

    @Test
    void everyOutputFolderIsPrivateLikeTheTopOne() throws Exception {
        Path out = tmp.resolve("out");
        ArtifactWriter.write(baseline(""), Templates.bundled(), out, Progress.SILENT);
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                        .as(dir.toString()).isEqualTo("rwx------");
            }
        }
    }

    @Test
    void aFailingRenderLeavesNoOutput() throws Exception {
        Path overrides = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(overrides.resolve("outputs.tf.mustache"), "output \"x\" {\n");
        Templates broken = Templates.withOverrides(overrides);
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> ArtifactWriter.write(baseline(""), broken, out, Progress.SILENT)).isInstanceOf(TemplateException.class);
        assertThat(out).doesNotExist();
        assertThat(siblings()).containsExactly("templates");
    }

    @Test
    void unsafeNamesCannotEscapeTheOutputDirectory() {
        assertThat(ArtifactWriter.fileName("claude-baseline-1")).isEqualTo("claude-baseline-1");
        assertThat(ArtifactWriter.fileName("../../etc/passwd")).isEqualTo(".._.._etc_passwd");
        assertThat(ArtifactWriter.fileName("..")).isEqualTo("_..");
        assertThat(ArtifactWriter.fileName("a b\"c")).isEqualTo("a_b_c");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
