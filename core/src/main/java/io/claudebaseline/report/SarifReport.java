package io.claudebaseline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.sarif}: SARIF 2.1.0 for Jenkins' warnings-ng ({@code recordIssues(tools: [sarif(...)])}) and GitHub
 * code scanning. Every check that is not PASS and every config problem is a result: FAIL and errors are
 * {@code error}, WARN and warnings {@code warning}, any other status (e.g. an accepted exception) {@code note}.
 *
 * <ul>
 *   <li>Rules: one per control and check kind ({@code protect-workspaces/scp-content}), with help and fix from
 *       {@code sarif-rules.json}; config problems are rules per field ({@code config/workspaces[].region}).</li>
 *   <li>Locations: config problems point at the line and column of their field ({@link ConfigLocator}); live
 *       findings carry logical locations (policy, target, trail, account, …) and, when the config is known, the
 *       line of the control in it, so a code-scanning alert lands on a file.</li>
 *   <li>Fingerprints: {@code partialFingerprints["claudeBaseline/v1"]} hashes the rule and the check name (which
 *       names the instance: policy, target, account) — not the message, whose counts change — so a finding keeps
 *       its identity across runs and new and fixed ones can be told apart.</li>
 * </ul>
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "claudeBaseline/v1";
    static final String CONFIG_RULE_PREFIX = "config/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNode RULES = loadRules();

    /** What a SARIF log is made of: the checks and problems of one run, and the config they concern. */
    record Input(Action action, List<CheckResult> checks, List<Problem> problems, String configUri, ConfigLocator locator) {}

    private SarifReport() {}

    static String render(Input in) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "claude-baseline");
        String version = SarifReport.class.getPackage().getImplementationVersion();
        if (version != null) {
            driver.put("version", version);
        }
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        run.putObject("automationDetails").put("id", "claude-baseline/" + in.action().id() + "/");
        ArrayNode results = run.putArray("results");

        for (Problem p : in.problems()) {
            String ruleId = configRuleId(p.path());
            int index = rule(rules, ruleIndex, ruleId, "config", null, p.isError() ? "error" : "warning");
            ObjectNode r = results.addObject();
            r.put("ruleId", ruleId).put("ruleIndex", index).put("level", p.isError() ? "error" : "warning");
            r.putObject("message").put("text", text(p.path() == null || p.path().isEmpty() ? p.message() : p.path() + ": " + p.message()));
            ObjectNode loc = r.putArray("locations").addObject();
            if (in.configUri() != null) {
                physical(loc, in.configUri(), in.locator().locate(p.path()));
            }
            if (p.path() != null && !p.path().isEmpty()) {
                loc.putArray("logicalLocations").addObject().put("name", p.path()).put("fullyQualifiedName", p.path()).put("kind", "property");
            }
            r.putObject("partialFingerprints").put(FINGERPRINT, hash(ruleId, p.path(), p.message()));
            r.putObject("properties").put("severity", p.severity().name()).put("path", p.path() == null ? "" : p.path());
        }

        for (CheckResult c : in.checks()) {
            if (!Statuses.needsAttention(c.status())) {
                continue;
            }
            String kind = kind(c.check());
            String ruleId = c.control() + "/" + kind;
            String level = level(c.status());
            int index = rule(rules, ruleIndex, ruleId, kind, c.control(), level);
            ObjectNode r = results.addObject();
            r.put("ruleId", ruleId).put("ruleIndex", index).put("level", level);
            r.putObject("message").put("text", text(c.message()));
            ObjectNode loc = r.putArray("locations").addObject();
            if (in.configUri() != null) {
                physical(loc, in.configUri(), in.locator().locate(SarifLocations.configPath(c.control())));
            }
            ArrayNode logical = loc.putArray("logicalLocations");
            SarifLocations.logical(c).forEach(l -> logical.addObject().put("name", l.name())
                    .put("fullyQualifiedName", l.fullyQualifiedName()).put("kind", "resource"));
            if (logical.isEmpty()) {
                logical.addObject().put("name", c.control()).put("fullyQualifiedName", "control/" + c.control()).put("kind", "module");
            }
            r.putObject("partialFingerprints").put(FINGERPRINT, hash(ruleId, c.check()));
            ObjectNode props = r.putObject("properties");
            props.put("control", c.control()).put("check", c.check()).put("status", c.status().name());
            if (!c.evidence().isEmpty()) {
                props.set("evidence", JSON.valueToTree(c.evidence()));
            }
            if (!CheckStatus.FAIL.equals(c.status()) && !CheckStatus.WARN.equals(c.status())) {
                // Not a defect the run counts against the baseline (e.g. an accepted exception): say so to viewers.
                r.putArray("suppressions").addObject().put("kind", "external").put("status", "accepted")
                        .put("justification", c.status().name() + ": " + text(c.message()));
            }
        }
        run.putArray("invocations").addObject().put("executionSuccessful", true);
        return JSON.writeValueAsString(root) + "\n";
    }

    /** error for FAIL, warning for WARN, note for any other status that needs attention. */
    static String level(CheckStatus s) {
        return switch (Statuses.rank(s)) {
            case 3 -> "error";
            case 2 -> "warning";
            default -> "note";
        };
    }

    /** The kind of a check: its name's first part, or first two when the rules know that pair. */
    static String kind(String check) {
        String[] parts = String.valueOf(check).split(":");
        if (parts.length > 1 && RULES.has(parts[0] + ":" + parts[1])) {
            return parts[0] + ":" + parts[1];
        }
        return parts[0].isEmpty() ? "check" : parts[0];
    }

    /** {@code workspaces[1].allowedPrincipals[0]} → {@code config/workspaces[].allowedPrincipals[]}. */
    static String configRuleId(String path) {
        String p = path == null || path.isBlank() ? "file" : path.replaceAll("\\[\\d+]", "[]");
        return CONFIG_RULE_PREFIX + p;
    }

    private static int rule(ArrayNode rules, Map<String, Integer> index, String id, String kind, String control, String level) {
        Integer known = index.get(id);
        if (known != null) {
            return known;
        }
        JsonNode help = RULES.has(kind) ? RULES.get(kind) : null;
        String title = help != null ? help.get("title").asText()
                : "claude-baseline check " + kind + (control == null ? "" : " of control " + control);
        String about = help != null ? help.get("help").asText() : "A check of claude-baseline; the result's message says what failed.";
        String fix = help != null ? help.get("fix").asText() : "Follow the result's message; docs/controls.md describes each control.";
        ObjectNode r = rules.addObject();
        r.put("id", id);
        r.put("name", camel(id));
        r.putObject("shortDescription").put("text", title);
        r.putObject("fullDescription").put("text", about);
        r.putObject("help").put("text", about + " Fix: " + fix)
                .put("markdown", "**" + title + "**\n\n" + about + "\n\n**Fix:** " + fix);
        r.putObject("defaultConfiguration").put("level", level);
        ObjectNode props = r.putObject("properties");
        ArrayNode tags = props.putArray("tags").add("security");
        if (control != null) {
            tags.add(control);
        }
        index.put(id, rules.size() - 1);
        return rules.size() - 1;
    }

    private static void physical(ObjectNode loc, String uri, ConfigLocator.Position at) {
        ObjectNode pl = loc.putObject("physicalLocation");
        pl.putObject("artifactLocation").put("uri", uri);
        pl.putObject("region").put("startLine", at.line()).put("startColumn", at.column());
    }

    /** SARIF rule names are identifiers: {@code protect-workspaces/scp-content} → {@code ProtectWorkspacesScpContent}. */
    static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.length() == 0 ? "Check" : sb.toString();
    }

    /** Messages are plain text: no control characters (SARIF viewers render them badly). */
    private static String text(String s) {
        return s == null || s.isEmpty() ? "(no message)" : s.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "\uFFFD");
    }

    static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static JsonNode loadRules() {
        try (InputStream in = SarifReport.class.getResourceAsStream("sarif-rules.json")) {
            if (in == null) {
                throw new IllegalStateException("sarif-rules.json is missing from the claude-baseline jar; rebuild it");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("sarif-rules.json does not parse: " + e.getMessage(), e);
        }
    }
}
