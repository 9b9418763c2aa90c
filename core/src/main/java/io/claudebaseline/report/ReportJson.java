package io.claudebaseline.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * {@code report.json}: the whole result, stable field names, for scripts and dashboards.
 *
 * <p>Written as a stream, check by check, straight into the file: a simulate run has tens of thousands of checks,
 * and a tree of them all (then a string of the whole document) took several times the memory of the checks
 * themselves. The bytes are those the tree gave: the same pretty printer, the same field order.
 */
final class ReportJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // One flush at the end, not one per evidence map written through the mapper.
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private static final ObjectWriter WRITER = MAPPER.writer();

    private ReportJson() {}

    /** The document as a string (tests; the reports are written with {@link #write}). */
    static String render(EngineResult result, String generatedAt) throws IOException {
        StringWriter out = new StringWriter();
        write(result, generatedAt, out);
        return out.toString();
    }

    /** Writes the document and a final newline to {@code out} (not closed). */
    static void write(EngineResult result, String generatedAt, Writer out) throws IOException {
        try (JsonGenerator g = WRITER.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("tool", "claude-baseline");
            g.writeStringField("action", result.action().id());
            g.writeStringField("generatedAt", generatedAt);
            g.writeBooleanField("compliant", result.compliant());
            g.writeStringField("summary", result.summary());
            g.writeObjectFieldStart("counts");
            long[] counts = new long[CheckStatus.values().length];
            for (CheckResult c : result.checks()) {
                counts[c.status().ordinal()]++;
            }
            for (CheckStatus s : CheckStatus.values()) {
                g.writeNumberField(s.name(), counts[s.ordinal()]);
            }
            g.writeEndObject();
            if (result.changes() > 0) {
                g.writeNumberField("changes", result.changes());
            }
            g.writeArrayFieldStart("checks");
            for (CheckResult c : result.checks()) {
                g.writeStartObject();
                g.writeStringField("control", c.control());
                g.writeStringField("check", c.check());
                g.writeStringField("status", c.status().name());
                g.writeStringField("message", c.message());
                g.writeFieldName("evidence");
                MAPPER.writeValue(g, c.evidence());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("configWarnings");
            for (Problem w : result.warnings()) {
                g.writeStartObject();
                g.writeStringField("path", w.path());
                g.writeStringField("message", w.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!result.details().isEmpty()) {
                g.writeFieldName("details");
                MAPPER.writeValue(g, result.details());
            }
            g.writeEndObject();
        }
        out.write('\n');
    }
}
