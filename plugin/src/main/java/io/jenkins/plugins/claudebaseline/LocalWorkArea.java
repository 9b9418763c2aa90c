package io.jenkins.plugins.claudebaseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private temporary directory on the controller for one step run. The engine works on local {@link Path}s and makes
 * its AWS calls from the controller, while the workspace may be on a remote agent; so the step copies the config (and
 * template overrides) in here, lets the engine write output and reports here, and copies those back into the
 * workspace. This class also translates local paths in the engine's text back into the workspace paths the user
 * wrote, so the build log and the returned map never show the temporary directory.
 */
public final class LocalWorkArea implements AutoCloseable {

    private final Path root;
    private final Path configFile;
    private final Path outputDir;
    private final Path reportDir;
    private final Path templatesDir;
    /** Local path → workspace name; longest local path first so nested paths are replaced before their parents. */
    private final Map<Path, String> names = new LinkedHashMap<>();
    private final StepParameters params;

    private LocalWorkArea(Path root, StepParameters params) {
        this.root = root;
        this.params = params;
        this.configFile = root.resolve("config").resolve(fileName(params.config()));
        this.outputDir = root.resolve("output");
        this.reportDir = root.resolve("reports");
        this.templatesDir = root.resolve("templates");
        if (params.effectiveOutputDir() != null) {
            names.put(outputDir, params.effectiveOutputDir());
        }
        if (params.effectiveReportDir() != null) {
            names.put(reportDir, params.effectiveReportDir());
        }
        if (params.templatesDir() != null) {
            names.put(templatesDir, params.templatesDir());
        }
        names.put(configFile, params.config());
        names.put(root, "(claude-baseline temporary directory)");
    }

    /** Creates the temporary directory (with only the owner's permissions where the file system has them). */
    public static LocalWorkArea create(StepParameters params) throws IOException {
        Path root = Files.createTempDirectory("claude-baseline-");
        Files.createDirectories(root.resolve("config"));
        return new LocalWorkArea(root, params);
    }

    public Path root() {
        return root;
    }

    /** Where the config copy goes; keeps the user's file name (the loader picks YAML or JSON by content, not name). */
    public Path configFile() {
        return configFile;
    }

    /** The engine's output directory, or null when this run writes no output. */
    public Path outputDir() {
        return params.effectiveOutputDir() == null ? null : outputDir;
    }

    /** The engine's report directory, or null when this run writes no reports. */
    public Path reportDir() {
        return params.effectiveReportDir() == null ? null : reportDir;
    }

    /** The local copy of the template overrides, or null. */
    public Path templatesDir() {
        return params.templatesDir() == null ? null : templatesDir;
    }

    /** Replaces every local path of this area in {@code text} with the workspace path the user wrote. */
    public String toWorkspaceText(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Map.Entry<Path, String> e : sortedNames()) {
            out = out.replace(e.getKey().toString(), e.getValue());
        }
        return out;
    }

    /**
     * The workspace path (forward slashes) of a file the engine reported. Absolute paths are placed by the local
     * directory they are in; relative ones (the engine reports files relative to the output or report directory) by
     * the directory that holds them.
     */
    public String toWorkspacePath(Path artifact) {
        if (artifact.isAbsolute()) {
            for (Map.Entry<Path, String> e : sortedNames()) {
                if (artifact.startsWith(e.getKey()) && !e.getKey().equals(root)) {
                    return join(e.getValue(), e.getKey().relativize(artifact));
                }
            }
            return toWorkspaceText(artifact.toString());
        }
        Path out = outputDir();
        Path reports = reportDir();
        if (out != null && Files.exists(out.resolve(artifact))) {
            return join(params.effectiveOutputDir(), artifact);
        }
        if (reports != null && Files.exists(reports.resolve(artifact))) {
            return join(params.effectiveReportDir(), artifact);
        }
        return slashes(artifact.toString());
    }

    private List<Map.Entry<Path, String>> sortedNames() {
        List<Map.Entry<Path, String>> entries = new ArrayList<>(names.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<Path, String> e) -> e.getKey().toString().length()).reversed());
        return entries;
    }

    private static String join(String workspaceDir, Path relative) {
        String rel = slashes(relative.toString());
        String dir = slashes(workspaceDir);
        while (dir.endsWith("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        return rel.isEmpty() ? dir : dir + "/" + rel;
    }

    private static String slashes(String s) {
        return s.replace('\\', '/');
    }

    private static String fileName(String workspacePath) {
        String p = slashes(workspacePath);
        String name = p.substring(p.lastIndexOf('/') + 1);
        return name.isEmpty() ? StepParameters.DEFAULT_CONFIG : name;
    }

    /** Deletes the temporary directory and everything in it. */
    @Override
    public void close() throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
