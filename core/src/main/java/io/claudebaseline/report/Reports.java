package io.claudebaseline.report;

import io.claudebaseline.engine.api.EngineResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the three reports of verify and simulate: {@code report.json} (everything, for machines),
 * {@code junit.xml} (one test case per check, for Jenkins' {@code junit} step) and {@code summary.md} (for
 * people: counts first, then the exceptions). Each file is written to a temporary name and moved into place,
 * so a reader never sees half a report.
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

    /** Returns the files written, relative to {@code dir}. */
    public static List<Path> write(EngineResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        String generatedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        writeAtomically(dir.resolve(JSON), ReportJson.render(result, generatedAt));
        try {
            writeAtomically(dir.resolve(JUNIT), JUnitXml.render(result));
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IOException("cannot write " + dir.resolve(JUNIT) + ": " + e.getMessage(), e);
        }
        writeAtomically(dir.resolve(SUMMARY), SummaryMarkdown.render(result, generatedAt));
        writeAtomically(dir.resolve(CSS), stylesheet());
        writeAtomically(dir.resolve(HTML), HtmlReport.render(result, generatedAt));
        return List.of(Path.of(JSON), Path.of(JUNIT), Path.of(SUMMARY), Path.of(HTML), Path.of(CSS));
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

    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
