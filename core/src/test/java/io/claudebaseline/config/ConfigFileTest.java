package io.claudebaseline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a --config path can be unusable is named as what it is, with the path and the fix. */
class ConfigFileTest {

    @TempDir
    Path dir;

    static String message(Path file) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
    }

    @Test
    void anEmptyPathIsNotTheWorkingDirectory() {
        assertThat(message(Path.of(""))).contains("--config is empty").doesNotContain("is a directory");
    }

    @Test
    void aFifoOrADeviceIsNotAFileNotFoundAndIsNotRead() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo available");
        // Reading a FIFO would wait for a writer forever; it is refused from its attributes.
        assertThat(message(fifo)).contains("not a regular file").contains(fifo.toString()).doesNotContain("not found");
        assertThat(message(Path.of("/dev/null"))).contains("not a regular file").doesNotContain("not found");
    }

    @Test
    void aSymbolicLinkLoopOrADanglingLinkIsNamed() throws Exception {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThat(message(a)).contains("loop of symbolic links").doesNotContain("not found");
        Path dangling = Files.createSymbolicLink(dir.resolve("d.yaml"), dir.resolve("gone.yaml"));
        assertThat(message(dangling)).contains("symbolic link to a file that does not exist");
    }

    @Test
    void anUnreadableConfigSaysPermissionDenied() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), ConfigValidatorTest.VALID);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        // Root reads a mode-000 file, so this skips as root (as CI runs); cli/src/test/sh/unreadable-config-test.sh,
        // run by .ci/run, checks the same message through the CLI as an unprivileged user.
        Assumptions.assumeFalse(Files.isReadable(file), "root reads a mode-000 file");
        assertThat(message(file)).contains("permission denied").contains(file.toAbsolutePath().toString());
    }
}
