package io.claudebaseline.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.PolicyStatement;
import io.claudebaseline.policy.PolicySemantics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wraps statements into a policy document with the wrapper template, parses it back, and yields the minified
 * string AWS receives (whose length is what the SCP size limit counts).
 */
final class PolicyDocumentRenderer {
    private final Templates templates;

    PolicyDocumentRenderer(Templates templates) {
        this.templates = templates;
    }

    /** The document holding exactly {@code statements}, in order. */
    ObjectNode document(List<PolicyStatement> statements) {
        // The statements are our own Jackson output (already parsed back), so they go in unescaped.
        String joined = statements.stream().map(s -> "    " + s.text()).collect(Collectors.joining(",\n"));
        Map<String, Object> scope = Scope.of();
        scope.put("version", AwsFacts.POLICY_VERSION);
        scope.put("statements", joined);
        String source = templates.sources().get(Templates.SCP_POLICY);
        JsonNode node = RenderedJson.parse(templates.render(Templates.SCP_POLICY, scope), source);
        if (!(node instanceof ObjectNode doc) || !AwsFacts.POLICY_VERSION.equals(doc.path("Version").asText())
                || !doc.path("Statement").isArray() || doc.path("Statement").size() != statements.size()) {
            throw new TemplateException("template " + source + " must render {\"Version\": \"{{version}}\", \"Statement\": [{{{statements}}}]}");
        }
        for (int i = 0; i < statements.size(); i++) {
            if (!doc.path("Statement").get(i).equals(statements.get(i).json())) {
                throw new TemplateException("template " + source + " changed statement " + statements.get(i).sid());
            }
        }
        return doc;
    }

    /** The exact string sent to AWS for {@code statements}. */
    String content(List<PolicyStatement> statements) {
        return PolicySemantics.minify(document(statements));
    }
}
