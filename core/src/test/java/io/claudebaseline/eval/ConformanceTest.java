package io.claudebaseline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives {@code eval/conformance.yaml}: each row is a policy, a request and the decision AWS documents for it,
 * with the documentation rule it encodes. Add a row for every rule the evaluator models.
 */
class ConformanceTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode table() throws IOException {
        try (InputStream in = ConformanceTest.class.getResourceAsStream("/eval/conformance.yaml")) {
            return YAML.readTree(in);
        }
    }

    static Stream<Arguments> cases() throws IOException {
        JsonNode table = table();
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : table.get("cases")) {
            out.add(Arguments.of(c.get("id").asText(), c, table.get("defaults")));
        }
        return out.stream();
    }

    @Test
    void tableHasAtLeastSixtyCasesEachCitingARuleWithUniqueIds() throws IOException {
        JsonNode cases = table().get("cases");
        assertThat(cases.size()).isGreaterThanOrEqualTo(60);
        Set<String> ids = new HashSet<>();
        for (JsonNode c : cases) {
            assertThat(ids.add(c.get("id").asText())).as("duplicate id %s", c.get("id")).isTrue();
            assertThat(c.path("rule").asText()).as("rule of %s", c.get("id")).matches("[a-z_0-9-]+\\.html: .{10,}");
            assertThat(c.path("expect").asText()).isIn("denied", "not-denied", "error");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseBehavesAsDocumented(String id, JsonNode c, JsonNode defaults) throws IOException {
        NamedPolicy policy = new NamedPolicy("conformance-" + id, null, policyText(c));
        String expect = c.get("expect").asText();
        if (expect.equals("error")) {
            assertThatThrownBy(() -> ScpEvaluator.of(List.of(policy)))
                    .isInstanceOf(PolicyParseException.class)
                    .hasMessageContaining("conformance-" + id)
                    .hasMessageContaining(c.get("errorContains").asText());
            return;
        }
        Decision decision = ScpEvaluator.of(List.of(policy)).evaluate(request(c.path("request"), defaults));
        assertThat(decision.outcome())
                .as("%s (%s): %s", id, c.get("rule").asText(), decision.explain())
                .isEqualTo(expect.equals("denied") ? Decision.Outcome.DENIED : Decision.Outcome.NOT_DENIED);
        if (decision.isDenied()) {
            assertThat(decision.decidingStatement()).get().extracting(StatementRef::policyName).isEqualTo("conformance-" + id);
        }
    }

    static String policyText(JsonNode c) throws IOException {
        if (c.has("policyText")) {
            return c.get("policyText").asText();
        }
        if (c.has("policy")) {
            return JSON.writeValueAsString(c.get("policy"));
        }
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        doc.putArray("Statement").add(c.get("statement"));
        return JSON.writeValueAsString(doc);
    }

    static Request request(JsonNode r, JsonNode defaults) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        r.path("context").properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            context.put(e.getKey(), values);
        });
        return new Request(
                r.path("principal").asText(defaults.get("principal").asText()),
                r.path("action").asText(defaults.get("action").asText()),
                r.path("resource").asText(defaults.get("resource").asText()),
                context);
    }
}
