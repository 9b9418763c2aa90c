package io.claudebaseline.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.policy.PolicySemantics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the rendered baseline: {@code scp/<name>.json} (indented for review; the manifest records the
 * minified size AWS counts), {@code cloudtrail/<trail>-advanced-event-selectors.json}, {@code terraform/*.tf}
 * and {@code manifest.json}.
 *
 * <p>All-or-nothing: every artifact is rendered and parsed back first, written into a temporary sibling
 * directory, and only then moved into place, so a failure leaves no partial output. An existing output
 * directory is replaced only when it is empty or holds exactly a previous render (the files its manifest
 * lists); anything else in it is the user's, and the write is refused rather than risk losing it.
 */
public final class ArtifactWriter {
    private ArtifactWriter() {}

    /** Returns the written files relative to {@code outDir}, in a fixed order. */
    public static List<Path> write(Baseline baseline, Templates templates, Path outDir, Progress progress) throws IOException {
        return write(baseline, templates, outDir, progress, "claude-baseline.yaml");
    }

    /** As {@link #write(Baseline, Templates, Path, Progress)}; {@code configName} is quoted in file headers. */
    public static List<Path> write(Baseline baseline, Templates templates, Path outDir, Progress progress, String configName)
            throws IOException {
        Map<String, String> files = render(baseline, templates, configName);
        Path target = throughLink(outDir.toAbsolutePath().normalize());
        if (target.getParent() == null) {
            throw new IOException("--out " + target + " is the root of the file system; choose a new folder such as --out ./rendered");
        }
        checkReplaceable(target);

        Path parent = target.getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".rendering-");
        } catch (IOException e) {
            // The raw exception names the hidden staging directory, which the user never asked for.
            throw new IOException("cannot create the output directory " + target + " (" + reason(e) + "); choose another --out", e);
        }
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path file = staging.resolve(e.getKey());
                createPrivateDirectories(staging, file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
            swapInto(staging, target);
        } finally {
            deleteTree(staging);
        }
        List<Path> written = files.keySet().stream().map(Path::of).toList();
        written.forEach(p -> progress.line("wrote " + outDir.resolve(p)));
        return written;
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + " exists and is not a directory";
        if (e instanceof java.nio.file.NoSuchFileException) return "its parent directory cannot be created or written";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return String.valueOf(e.getMessage());
    }

    /**
     * Every artifact, rendered and checked, by relative path ('/' separated), manifest last. Nothing is written;
     * this is what the golden-file tests compare.
     */
    public static Map<String, String> render(Baseline baseline, Templates templates, String configName) {
        List<Manifest.Artifact> artifacts = new ArrayList<>();
        Map<String, String> scpFiles = new LinkedHashMap<>();
        for (ScpDocument scp : baseline.scps()) {
            String path = "scp/" + fileName(scp.name()) + ".json";
            String pretty = RenderedJson.pretty(PolicySemantics.parse(scp.content()));
            if (!PolicySemantics.parse(pretty).equals(PolicySemantics.parse(scp.content()))) {
                throw new IllegalStateException("pretty SCP " + path + " does not parse back to its content");
            }
            artifacts.add(new Manifest.Artifact(path, pretty, scp.controls()));
            scpFiles.put(scp.name(), path);
        }
        String trailFile = null;
        if (baseline.trail().isPresent()) {
            var trail = baseline.trail().get();
            trailFile = "cloudtrail/" + fileName(trail.trailName()) + "-advanced-event-selectors.json";
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            trail.selectors().forEach(array::add);
            String text = RenderedJson.pretty(array);
            RenderedJson.parse(text, trailFile);
            artifacts.add(new Manifest.Artifact(trailFile, text, List.of(Control.CLOUDTRAIL_DATA_EVENTS)));
        }
        List<Control> scpControls = baseline.scps().stream().flatMap(s -> s.controls().stream()).distinct().sorted().toList();
        List<Control> all = new ArrayList<>(scpControls);
        baseline.trail().ifPresent(t -> all.add(Control.CLOUDTRAIL_DATA_EVENTS));
        new TerraformRenderer(templates).render(baseline, configName).forEach((name, text) -> artifacts.add(
                new Manifest.Artifact("terraform/" + name, text, switch (name) {
                    case "scps.tf" -> scpControls;
                    case "cloudtrail.tf" -> List.of(Control.CLOUDTRAIL_DATA_EVENTS);
                    default -> all;
                })));

        Map<String, String> out = new LinkedHashMap<>();
        artifacts.forEach(a -> out.put(a.path(), a.text()));
        String manifest = Manifest.render(baseline, artifacts, scpFiles, trailFile, templates);
        RenderedJson.parse(manifest, Manifest.FILE);
        out.put(Manifest.FILE, manifest);
        return out;
    }

    /**
     * A safe file name for an SCP or trail name. Validated names pass unchanged ({@code [\\w+=,.@-]}); anything
     * else (a path separator, {@code ..}) is replaced, so no name can write outside the output directory.
     */
    static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_+=,.@-]", "_");
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "_" + safe : safe;
    }

    /**
     * An --out that is a symbolic link is written through (the folder it points to is replaced, the link stays); one
     * that points nowhere is refused before anything is created next to it.
     */
    private static Path throughLink(Path requested) throws IOException {
        if (!Files.isSymbolicLink(requested)) {
            return Files.exists(requested) ? requested.toRealPath() : requested;
        }
        try {
            return requested.toRealPath();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("--out " + requested + " is a symbolic link to " + Files.readSymbolicLink(requested)
                    + ", which does not exist; create that folder, or choose another --out");
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException("--out " + requested + " cannot be followed (" + reason(e) + "); choose another --out");
        }
    }

    /** Subfolders get the staging folder's owner-only mode (a temporary directory is created 0700). */
    private static void createPrivateDirectories(Path staging, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createPrivateDirectories(staging, dir.getParent());
        if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    /**
     * Refuses to replace a directory holding anything but a previous render. A folder without this tool's manifest
     * is refused from its first level alone, so {@code --out /usr} is refused at once instead of after a walk.
     */
    private static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IOException("output path " + target + " exists and is not a directory; choose another --out");
        }
        List<String> top;
        try (Stream<Path> list = Files.list(target)) {
            top = list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IOException("cannot read the output directory " + target + " (" + reason(e) + "); choose another --out", e);
        }
        if (top.isEmpty()) {
            return;
        }
        if (!top.contains(Manifest.FILE)) {
            throw new IOException("output directory " + target + " holds files a previous render did not write ("
                    + String.join(", ", top.stream().limit(5).toList()) + (top.size() > 5 ? ", ..." : "")
                    + "); choose an empty or new --out directory so nothing of yours is overwritten");
        }
        Set<String> present = relativeFiles(target);
        Set<String> previous = new TreeSet<>();
        Map<String, String> renderedHashes = new LinkedHashMap<>();
        Path manifest = target.resolve(Manifest.FILE);
        if (Files.isRegularFile(manifest)) {
            try {
                var node = PolicySemantics.parse(Files.readString(manifest, StandardCharsets.UTF_8));
                if ("claude-baseline".equals(node.path("generator").asText())) {
                    node.path("artifacts").forEach(a -> {
                        previous.add(a.path("path").asText());
                        renderedHashes.put(a.path("path").asText(), a.path("sha256").asText());
                    });
                    previous.add(Manifest.FILE);
                    // the folders holding them are the render's too
                    new ArrayList<>(previous).forEach(f -> {
                        for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) {
                            previous.add(f.substring(0, i) + "/");
                        }
                    });
                }
            } catch (IllegalArgumentException e) {
                // not our manifest: treated as a user file below
            }
        }
        Set<String> foreign = new TreeSet<>(present);
        foreign.removeAll(previous);
        if (!foreign.isEmpty()) {
            throw new IOException("output directory " + target + " holds files a previous render did not write ("
                    + String.join(", ", foreign.stream().limit(5).toList()) + (foreign.size() > 5 ? ", ..." : "")
                    + "); choose an empty or new --out directory so nothing of yours is overwritten");
        }
        // A rendered file changed by hand is the user's work now: replacing it would lose it.
        List<String> edited = new ArrayList<>();
        for (Map.Entry<String, String> e : renderedHashes.entrySet()) {
            Path file = target.resolve(e.getKey());
            if (Files.isRegularFile(file) && !e.getValue().equals(currentHash(file))) {
                edited.add(e.getKey());
            }
        }
        if (!edited.isEmpty()) {
            throw new IOException("output directory " + target + " holds rendered files changed since they were rendered ("
                    + String.join(", ", edited.stream().limit(5).toList()) + (edited.size() > 5 ? ", ..." : "")
                    + "); move your changes into the config or a --templates directory, then delete those files or choose"
                    + " another --out, so no edit of yours is overwritten");
        }
    }

    /** The sha256 of a file's text, or null when it no longer is UTF-8 text (then it was certainly edited). */
    private static String currentHash(Path file) throws IOException {
        try {
            return Manifest.sha256(Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.CharacterCodingException notText) {
            return null;
        }
    }

    /** Every file below {@code dir}, and every folder with a trailing '/', relative and '/'-separated. */
    private static Set<String> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            Set<String> out = new TreeSet<>();
            walk.filter(p -> !p.equals(dir)).forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')
                    + (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "/" : "")));
            return out;
        } catch (java.io.UncheckedIOException e) {
            IOException cause = e.getCause();
            String where = cause instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : dir.toString();
            throw new IOException("cannot read " + where + " inside the output directory " + dir + " (" + reason(cause)
                    + "); make it readable or choose another --out", cause);
        }
    }

    /** Moves the staged tree into place; a previous render is moved aside first and removed after. */
    private static void swapInto(Path staging, Path target) throws IOException {
        Path aside = null;
        if (Files.exists(target)) {
            aside = target.resolveSibling("." + target.getFileName() + ".previous-" + System.nanoTime());
            move(target, aside);
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            if (aside != null) {
                move(aside, target); // put the previous render back
            }
            throw e;
        }
        if (aside != null) {
            deleteTree(aside);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (DirectoryNotEmptyException ignored) {
                    // raced with another writer; leave it
                }
            }
        }
    }
}
