package io.claudebaseline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;

/** {@code report.json}: the whole result, stable field names, for scripts and dashboards. */
final class ReportJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ReportJson() {}

    static String render(EngineResult result, String generatedAt) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "claude-baseline");
        root.put("action", result.action().id());
        root.put("generatedAt", generatedAt);
        root.put("compliant", result.compliant());
        root.put("summary", result.summary());
        ObjectNode counts = root.putObject("counts");
        for (CheckStatus s : CheckStatus.values()) {
            counts.put(s.name(), result.count(s));
        }
        if (result.changes() > 0) {
            root.put("changes", result.changes());
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckResult c : result.checks()) {
            ObjectNode n = checks.addObject();
            n.put("control", c.control());
            n.put("check", c.check());
            n.put("status", c.status().name());
            n.put("message", c.message());
            n.set("evidence", MAPPER.valueToTree(c.evidence()));
        }
        ArrayNode warnings = root.putArray("configWarnings");
        for (Problem w : result.warnings()) {
            ObjectNode n = warnings.addObject();
            n.put("path", w.path());
            n.put("message", w.message());
        }
        if (!result.details().isEmpty()) {
            root.set("details", MAPPER.valueToTree(result.details()));
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }
}
