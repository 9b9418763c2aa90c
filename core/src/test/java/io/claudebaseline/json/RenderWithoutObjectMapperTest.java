package io.claudebaseline.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render of the bundled example never loads {@code ObjectMapper}: its class initialisation alone (StdDateFormat,
 * which scans every locale) was 40-50 ms of a 0.5 s run, and each mapper then set up its tree deserializer or
 * serializers. One child JVM renders the example through the engine with {@code -verbose:class}; no mapper class
 * may appear, nor the internal mapper behind {@code JsonNode.toString()}.
 */
class RenderWithoutObjectMapperTest {

    private static final List<String> FORBIDDEN = List.of(
            "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.databind.util.StdDateFormat",
            "com.fasterxml.jackson.databind.ObjectReader",
            "com.fasterxml.jackson.databind.ObjectWriter",
            "com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer",
            "com.fasterxml.jackson.databind.node.InternalNodeMapper");
    private static final String RENDER_DONE = "@@render-done";

    /** The child: renders the config through the engine as the CLI does. */
    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        new BaselineEngine().run(EngineRequest.builder(Action.RENDER, config).outputDir(Path.of(args[1])).build(), line -> { });
        System.out.println(RENDER_DONE);
    }

    @Test
    void renderOfTheExampleLoadsNoObjectMapper(@TempDir Path out) throws Exception {
        Path example = Path.of("..", "examples", "claude-baseline.yaml").toAbsolutePath().normalize();
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-verbose:class",
                "-cp", System.getProperty("java.class.path"), getClass().getName(), example.toString(), out.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(child.getInputStream().readAllBytes()).lines().toList();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(String.join("\n", tail(lines))).isZero();
        assertThat(lines).contains(RENDER_DONE);
        assertThat(Files.exists(out.resolve("manifest.json"))).isTrue();

        List<String> loaded = lines.stream().map(RenderWithoutObjectMapperTest::loadedClass).filter(c -> c != null).toList();
        assertThat(loaded).as("classes loaded").hasSizeGreaterThan(1000).doesNotContainAnyElementsOf(FORBIDDEN);
    }

    /** The class a {@code -verbose:class} line reports loaded, or null for other lines. */
    private static String loadedClass(String line) {
        int at = line.indexOf("[class,load] ");
        if (at < 0) {
            return null;
        }
        String rest = line.substring(at + "[class,load] ".length());
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 40), lines.size());
    }
}
