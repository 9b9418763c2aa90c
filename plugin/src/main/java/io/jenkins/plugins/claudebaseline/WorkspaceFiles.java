package io.jenkins.plugins.claudebaseline;

import hudson.AbortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one step run, resolved on the node inside its workspace. Everything the engine reads (the config,
 * every file under {@code templatesDir}) must really be inside the workspace: a symbolic link, or a {@code ..} through
 * one, that leads outside is refused with an error naming the file, before anything is read. The directories the engine
 * writes into must not lead outside either. The lexical half of the rule (no absolute path, no {@code ..}) is in
 * {@link StepParameters#problems()}; this class adds the real paths, which only the node can see.
 *
 * @param root         the workspace (real path)
 * @param config       the config file
 * @param templatesDir the template overrides, or null
 * @param outputDir    where output goes, or null when this run writes none
 * @param reportDir    where reports go, or null
 * @param fromResults  usage: the query result to analyse, or null
 * @param params       the arguments, for the workspace names of those paths
 */
public record WorkspaceFiles(Path root, Path config, Path templatesDir, Path outputDir, Path reportDir, Path fromResults, StepParameters params) {

    /** Resolves and checks every path of {@code params} in {@code workspace}; reads no file. */
    public static WorkspaceFiles resolve(Path workspace, StepParameters params) throws IOException {
        if (!Files.isDirectory(workspace)) {
            throw new AbortException("the workspace " + workspace + " does not exist on this node: check out the repository first");
        }
        Path root = workspace.toRealPath();
        Path config = root.resolve(params.config());
        if (!Files.isRegularFile(config)) {
            throw new AbortException("config: " + params.config() + " is not a file in the workspace " + root
                    + ". Check out the repository first, or set config: 'path/to/claude-baseline.yaml'.");
        }
        requireInside(root, config, "config", params.config());
        Path templates = null;
        if (params.templatesDir() != null) {
            templates = root.resolve(params.templatesDir());
            if (!Files.isDirectory(templates)) {
                throw new AbortException("templatesDir: " + params.templatesDir() + " is not a directory in the workspace " + root + ".");
            }
            requireInside(root, templates, "templatesDir", params.templatesDir());
            for (Path entry : entries(templates)) {
                requireInside(root, entry, "templatesDir", params.templatesDir() + "/" + slashes(templates.relativize(entry)));
            }
        }
        Path results = null;
        if (params.fromResults() != null) {
            results = root.resolve(params.fromResults());
            if (!Files.isRegularFile(results)) {
                throw new AbortException("fromResults: " + params.fromResults() + " is not a file in the workspace " + root + ".");
            }
            requireInside(root, results, "fromResults", params.fromResults());
        }
        Path out = writable(root, params.effectiveOutputDir(), "outputDir");
        Path reports = writable(root, params.effectiveReportDir(), "reportDir");
        return new WorkspaceFiles(root, config, templates, out, reports, results, params);
    }

    /** The workspace path (relative, forward slashes) of a file the engine reported; relative ones by the directory holding them. */
    public String workspacePath(Path file) {
        if (file.isAbsolute()) {
            return file.startsWith(root) ? slashes(root.relativize(file)) : file.toString();
        }
        if (outputDir != null && Files.exists(outputDir.resolve(file))) {
            return slashes(root.relativize(outputDir.resolve(file)));
        }
        if (reportDir != null && Files.exists(reportDir.resolve(file))) {
            return slashes(root.relativize(reportDir.resolve(file)));
        }
        return slashes(file);
    }

    /** {@code text} with the workspace's absolute path taken out, so logs and messages show the paths the user wrote. */
    public String workspaceText(String text) {
        if (text == null) {
            return null;
        }
        String prefix = root.toString() + root.getFileSystem().getSeparator();
        return text.replace(prefix, "").replace(root.toString(), ".");
    }

    private static List<Path> entries(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        // Not following links: a linked directory is itself an entry whose real path is checked.
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !p.equals(dir)).forEach(entries::add);
        }
        return entries;
    }

    /** Refuses {@code path} unless its real path (every link followed) is inside the workspace. */
    private static void requireInside(Path root, Path path, String field, String name) throws IOException {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new AbortException(field + ": " + name + " cannot be resolved in the workspace (a broken symbolic link?);"
                    + " nothing was read");
        }
        if (!real.startsWith(root)) {
            throw new AbortException(field + ": " + name + " leads outside the workspace"
                    + (Files.isSymbolicLink(path) ? " through a symbolic link" : " through a symbolic link in its path")
                    + "; only files inside the workspace are read. Nothing was read.");
        }
    }

    /** The directory to write into, if any; its nearest existing ancestor must really be inside the workspace. */
    private static Path writable(Path root, String relative, String field) throws IOException {
        if (relative == null) {
            return null;
        }
        Path dir = root.resolve(relative);
        Path existing = dir;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            requireInside(root, existing, field, relative);
        }
        return dir;
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }
}
