package io.claudebaseline.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What apply would do: the changes in the order they are made, and the blockers that stop it before any change.
 *
 * @param changes  typed changes, in execution order
 * @param blockers refusals found while planning; apply makes no change while any exists
 */
public record Plan(List<Change> changes, List<SafetyCheckException> blockers) {

    static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public Plan {
        changes = List.copyOf(changes);
        blockers = List.copyOf(blockers);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The plan as JSON: {@code {"changes": [...], "blockers": [...], "counts": {type: n}}}. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode c = root.putArray("changes");
        changes.forEach(ch -> c.add(JSON.valueToTree(ch)));
        ArrayNode b = root.putArray("blockers");
        blockers.forEach(x -> b.addObject().put("operation", x.operation()).put("resource", x.resource())
                .put("kind", x.kind().name()).put("message", x.getMessage()));
        ObjectNode counts = root.putObject("counts");
        countsByType().forEach(counts::put);
        return root;
    }

    /** Changes per JSON type name, e.g. {@code attach-scp: 3}. */
    public Map<String, Integer> countsByType() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Change ch : changes) {
            String type = JSON.valueToTree(ch).path("type").asText();
            counts.merge(type, 1, Integer::sum);
        }
        return counts;
    }

    /** Plain data for {@code EngineResult.details}: the same structure as {@link #toJson()}. */
    public Map<String, Object> toMap() {
        return JSON.convertValue(toJson(), JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
    }
}
