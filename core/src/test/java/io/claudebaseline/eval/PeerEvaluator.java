package io.claudebaseline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.testing.ServiceReferenceTool;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second evaluator of {@link DifferentialEvaluatorTest}: {@code tools/service-reference/simulate-batch.mjs}, which
 * runs npm {@code @cloud-copilot/iam-simulate} over a whole batch in one Node process. The org-tree mapping (every level
 * also carries FullAWSAccess, the principal is allowed everything, the resource is in the principal's account) is
 * documented in that script; under it the peer's answer is directly comparable with {@link Decision.Outcome}.
 */
final class PeerEvaluator {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The peer's answer: DENIED, NOT_DENIED or ERROR (it refused the policy or the request), and why. */
    record PeerDecision(String decision, String peer, List<String> denies, List<String> ignoredContextKeys) {}

    private PeerEvaluator() {}

    /** Evaluates every case; the answers are keyed by case id. */
    static Map<String, PeerDecision> evaluate(List<DifferentialCase> cases) throws IOException, InterruptedException {
        ObjectNode batch = JSON.createObjectNode();
        ObjectNode sets = batch.putObject("policySets");
        ArrayNode requests = batch.putArray("requests");
        for (DifferentialCase c : cases) {
            if (!sets.has(c.policySet())) {
                ArrayNode levels = sets.putArray(c.policySet());
                for (List<NamedPolicy> level : c.levels()) {
                    ArrayNode policies = levels.addArray();
                    for (NamedPolicy p : level) {
                        policies.addObject().put("name", p.name()).set("policy", document(p.content()));
                    }
                }
            }
            Request r = c.request();
            ObjectNode req = requests.addObject().put("id", c.id()).put("policySet", c.policySet())
                    .put("principal", r.principal()).put("action", r.action()).put("resource", r.resource());
            ObjectNode context = req.putObject("context");
            r.context().forEach((k, v) -> {
                ArrayNode values = context.putArray(k);
                v.forEach(values::add);
            });
        }
        String input = JSON.writeValueAsString(batch);
        String dump = System.getProperty("cb.differential.dump");
        if (dump != null && !dump.isBlank()) {
            // To rerun the peer by hand: node tools/service-reference/simulate-batch.mjs < DUMP
            java.nio.file.Files.writeString(java.nio.file.Path.of(dump), input);
        }
        String out = ServiceReferenceTool.run("simulate-batch.mjs", input, List.of());
        Map<String, PeerDecision> answers = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            answers.put(n.get("id").asText(), new PeerDecision(n.get("decision").asText(), n.path("peer").asText(),
                    strings(n.path("denies")), strings(n.path("ignoredContextKeys"))));
        }
        return answers;
    }

    /** The policy as JSON; text that is not JSON goes as a string, for the peer to refuse as AWS does. */
    private static JsonNode document(String content) {
        try {
            return JSON.readTree(content);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(content);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
