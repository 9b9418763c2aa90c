package io.claudebaseline.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ControlsConfig;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.model.TrailSelectors;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Terraform module: file name → text, each rendered from its template and lexically checked. Files for
 * parts the baseline does not have (no SCPs, no trail) are left out rather than rendered empty.
 */
final class TerraformRenderer {
    private final Templates templates;

    TerraformRenderer(Templates templates) {
        this.templates = templates;
    }

    /** File name (e.g. {@code scps.tf}) → contents, in a fixed order. */
    Map<String, String> render(Baseline baseline, String configName) {
        Map<String, Object> scope = scope(baseline, configName);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("versions.tf", render(Templates.TF_VERSIONS, scope));
        files.put("variables.tf", render(Templates.TF_VARIABLES, scope));
        if (!baseline.scps().isEmpty()) {
            files.put("scps.tf", render(Templates.TF_SCPS, scope));
        }
        if (baseline.trail().isPresent()) {
            files.put("cloudtrail.tf", render(Templates.TF_CLOUDTRAIL, scope));
        }
        String outputs = render(Templates.TF_OUTPUTS, scope);
        if (!outputs.isBlank()) {
            files.put("outputs.tf", outputs);
        }
        return files;
    }

    private String render(String template, Map<String, Object> scope) {
        String text = templates.render(template, scope);
        HclSyntaxCheck.check(text, templates.sources().get(template));
        return text;
    }

    private static Map<String, Object> scope(Baseline baseline, String configName) {
        Map<String, Object> scope = Scope.of();
        scope.put("configName", configName);
        scope.put("hasScps", !baseline.scps().isEmpty());
        scope.put("targets", Scope.items(baseline.targets()));
        scope.put("tags", Scope.entries(baseline.tags()));
        List<Map<String, Object>> scps = new ArrayList<>();
        for (ScpDocument scp : baseline.scps()) {
            Map<String, Object> s = Scope.of();
            s.put("name", scp.name());
            s.put("description", scp.description());
            s.put("content", scp.content());
            scps.add(s);
        }
        scope.put("scps", scps);
        List<Map<String, Object>> workspaces = workspaces(baseline);
        scope.put("hasWorkspaces", !workspaces.isEmpty());
        scope.put("workspaces", workspaces);

        scope.put("hasTrail", baseline.trail().isPresent());
        scope.put("trailName", baseline.trail().map(TrailSelectors::trailName).orElse(""));
        scope.put("homeRegion", baseline.trail().map(TrailSelectors::homeRegion).orElse(""));
        scope.put("selectors", baseline.trail().map(t -> selectors(t.selectors())).orElse(List.of()));
        ControlsConfig.CreateTrail create = baseline.config().controls().cloudTrailDataEvents().createTrail();
        boolean createTrail = baseline.trail().isPresent() && create != null;
        scope.put("createTrail", createTrail);
        scope.put("s3BucketName", createTrail ? nullToEmpty(create.s3BucketName()) : "");
        scope.put("multiRegion", createTrail && create.multiRegion());
        scope.put("organizationTrail", createTrail && create.organizationTrail());
        scope.put("logFileValidation", createTrail && create.logFileValidation());
        scope.put("kmsKeyId", Scope.optional(createTrail ? create.kmsKeyId() : null));
        scope.put("cloudWatchLogsGroupArn", Scope.optional(createTrail ? create.cloudWatchLogsGroupArn() : null));
        scope.put("cloudWatchLogsRoleArn", Scope.optional(createTrail ? create.cloudWatchLogsRoleArn() : null));
        return scope;
    }

    /** The protected workspaces, keyed by id, with the padding terraform fmt puts before '=' in a run of one-line items. */
    private static List<Map<String, Object>> workspaces(Baseline baseline) {
        BaselineConfig config = baseline.config();
        if (baseline.scps().isEmpty() || !config.controls().protectWorkspaces().enabled()) {
            return List.of();
        }
        List<WorkspaceConfig> ws = config.workspaces().stream().filter(w -> w != null && w.id() != null).toList();
        int width = ws.stream().mapToInt(w -> columns(w.id())).max().orElse(0);
        List<Map<String, Object>> out = new ArrayList<>();
        for (WorkspaceConfig w : ws) {
            Map<String, Object> item = Scope.of();
            item.put("id", w.id());
            item.put("pad", " ".repeat(width - columns(w.id())));
            item.put("arn", AwsFacts.workspaceArn(config.partition(), w.region(), w.account(), w.id()));
            item.put("description", w.description() == null ? "" : w.description());
            out.add(item);
        }
        return out;
    }

    /** Columns hclwrite gives a quoted key: grapheme clusters of its escaped text. */
    private static int columns(String key) {
        String text = Escaper.HCL.escape(key);
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        int count = 0;
        while (it.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    /** CloudTrail's JSON shape → the provider's block shape (snake_case operators). */
    private static List<Map<String, Object>> selectors(List<ObjectNode> selectors) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ObjectNode selector : selectors) {
            Map<String, Object> s = Scope.of();
            s.put("name", selector.path("Name").asText());
            List<Map<String, Object>> fields = new ArrayList<>();
            for (JsonNode field : selector.path("FieldSelectors")) {
                Iterator<String> names = field.fieldNames();
                while (names.hasNext()) {
                    String operator = names.next();
                    if (operator.equals("Field")) continue;
                    String snake = snakeCase(operator);
                    List<String> values = new ArrayList<>();
                    field.get(operator).forEach(v -> values.add(v.asText()));
                    Map<String, Object> f = Scope.of();
                    f.put("field", field.path("Field").asText());
                    f.put("operator", snake);
                    // terraform fmt aligns the '=' of consecutive attributes: pad "field" to the operator's width.
                    f.put("pad", " ".repeat(Math.max(0, snake.length() - "field".length())));
                    f.put("values", Scope.items(values));
                    fields.add(f);
                }
            }
            s.put("fields", fields);
            out.add(s);
        }
        return out;
    }

    static String snakeCase(String operator) {
        return operator.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
