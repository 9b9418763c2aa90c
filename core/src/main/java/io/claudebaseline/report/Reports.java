package io.claudebaseline.report;

import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the reports of verify and simulate (and of any action whose result has checks or details):
 * {@code report.json} (everything, for machines), {@code junit.xml} (one test case per check, for Jenkins'
 * {@code junit} step), {@code summary.md} (for people: counts first, then the exceptions), {@code report.html}
 * with its {@code report.css} (one page, viewable as a Jenkins artifact) and {@code report.sarif} (SARIF 2.1.0 for
 * warnings-ng and code scanning). docs/reports.md describes each. Each file is written to a temporary name and
 * moved into place, so a reader never sees half a report.
 */
public final class Reports {
    public static final String JSON = "report.json";
    public static final String JUNIT = "junit.xml";
    public static final String SUMMARY = "summary.md";
    public static final String HTML = "report.html";
    /** The page's style sheet, beside it: Jenkins' artifact CSP refuses inline styles. */
    public static final String CSS = "report.css";
    public static final String SARIF = "report.sarif";

    private Reports() {}

    /** Returns the files written, relative to {@code dir}; config findings in report.sarif have no file location. */
    public static List<Path> write(EngineResult result, Path dir) throws IOException {
        return write(result, dir, null);
    }

    /**
     * Writes every report of {@code result} into {@code dir}; {@code configFile} (may be null) is the config the run
     * read, so report.sarif can point config warnings and live findings at its lines. Returns the files written,
     * relative to {@code dir}.
     */
    public static List<Path> write(EngineResult result, Path dir, Path configFile) throws IOException {
        return write(result, dir, configFile, null);
    }

    /** As above; {@code elapsed} (may be null: not timed) is how long the run took, junit.xml's suite total. */
    public static List<Path> write(EngineResult result, Path dir, Path configFile, java.time.Duration elapsed) throws IOException {
        Files.createDirectories(dir);
        String generatedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        // The two reports that hold every check are streamed into their files (see ReportJson, JUnitXml).
        writeAtomically(dir.resolve(JSON), out -> ReportJson.write(result, generatedAt, out));
        writeAtomically(dir.resolve(JUNIT), out -> {
            try {
                JUnitXml.write(result, elapsed, out);
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new IOException("cannot write " + dir.resolve(JUNIT) + ": " + e.getMessage(), e);
            }
        });
        writeAtomically(dir.resolve(SUMMARY), SummaryMarkdown.render(result, generatedAt));
        writeAtomically(dir.resolve(CSS), stylesheet());
        writeAtomically(dir.resolve(HTML), HtmlReport.render(result, generatedAt));
        writeSarif(dir.resolve(SARIF), result.action(), result.checks(), result.warnings(), configFile);
        return List.of(Path.of(JSON), Path.of(JUNIT), Path.of(SUMMARY), Path.of(HTML), Path.of(CSS), Path.of(SARIF));
    }

    /**
     * Writes a SARIF log of {@code checks} (those not PASS) and {@code problems} to {@code file}: what validate and
     * render write for pull-request checks of the config, and verify/simulate as report.sarif.
     */
    public static void writeSarif(Path file, Action action, List<CheckResult> checks, List<Problem> problems, Path configFile)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        writeAtomically(file, SarifReport.render(new SarifReport.Input(action, checks, problems, configUri(configFile),
                locator(configFile))));
    }

    /** The config as a SARIF artifact URI: relative to the working directory when it lies beneath it (as CI checks out). */
    static String configUri(Path configFile) {
        if (configFile == null) {
            return null;
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = configFile.toAbsolutePath().normalize();
        if (!abs.startsWith(cwd)) {
            return abs.toUri().toString();
        }
        String relative = cwd.relativize(abs).toString().replace(java.io.File.separatorChar, '/');
        try {
            return new java.net.URI(null, null, relative, null).getRawPath();
        } catch (java.net.URISyntaxException e) {
            return abs.toUri().toString();
        }
    }

    private static ConfigLocator locator(Path configFile) {
        if (configFile == null || !Files.isRegularFile(configFile)) {
            return ConfigLocator.empty();
        }
        try {
            return ConfigLocator.of(Files.readString(configFile, StandardCharsets.UTF_8),
                    configFile.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"));
        } catch (IOException e) {
            return ConfigLocator.empty(); // unreadable: findings still point at the file, line 1
        }
    }

    /** The bundled report.css. */
    static String stylesheet() throws IOException {
        try (java.io.InputStream in = Reports.class.getResourceAsStream(CSS)) {
            if (in == null) {
                throw new IOException("report.css is missing from the claude-baseline jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * After an error stopped verify: {@code junit.xml} with that error as a test case in error, so a pipeline's
     * {@code junit} step reports the failure. The message must already be redacted (the engine does it).
     */
    public static Path writeError(Action action, String message, Path dir, java.time.Duration elapsed) throws IOException {
        Files.createDirectories(dir);
        try {
            writeAtomically(dir.resolve(JUNIT), JUnitXml.renderError(action, message, elapsed));
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IOException("cannot write " + dir.resolve(JUNIT) + ": " + e.getMessage(), e);
        }
        return Path.of(JUNIT);
    }

    static void writeAtomically(Path target, String content) throws IOException {
        writeAtomically(target, out -> out.write(content));
    }

    /** What writes a report's text into its file. */
    interface Content {
        void writeTo(java.io.Writer out) throws IOException;
    }

    /** {@code content} written as UTF-8 to a temporary name beside {@code target}, then moved into place. */
    static void writeAtomically(Path target, Content content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (java.io.Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
