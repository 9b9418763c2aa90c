package io.claudebaseline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply's and plan's output locations: an unusable one is named with what it is for and how to fix it. */
class LiveOperationsOutputTest {

    @TempDir
    Path tmp;

    @Test
    void anApplyOutputThatIsAFileSaysSoInsteadOfPrintingOnlyThePath() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "mine");
        assertThatThrownBy(() -> LiveOperations.runDirectory(file)).isInstanceOf(IOException.class)
                .hasMessage("cannot create the apply output directory " + file + ": " + file + " exists and is not a directory;"
                        + " choose another --out");
        assertThat(file).hasContent("mine");
    }

    @Test
    void eachApplyGetsItsOwnRunDirectory() throws Exception {
        Path first = LiveOperations.runDirectory(tmp.resolve("out"));
        Path second = LiveOperations.runDirectory(tmp.resolve("out"));
        assertThat(first).isDirectory().isNotEqualTo(second);
        assertThat(second).isDirectory();
        assertThat(first.getFileName().toString()).startsWith("apply-");
    }

    @Test
    void aPlanFileUnderAFileIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "mine");
        assertThatThrownBy(() -> LiveOperations.createDirectories(file.resolve("sub"), "the plan file's directory", "--out"))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot create the plan file's directory")
                .hasMessageContaining("choose another --out");
    }
}
