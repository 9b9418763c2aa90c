package io.claudebaseline.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.model.TrailSelectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;

/**
 * CloudTrail advanced event selectors as JSON (CloudTrail's own shape: {@code Name}, {@code FieldSelectors} of
 * {@code Field} plus operator lists): conversion to and from the SDK, comparison by meaning, and the read-merge
 * step PutEventSelectors needs because it replaces the whole set.
 */
public final class Selectors {
    private Selectors() {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> OPERATORS = List.of("Equals", "StartsWith", "EndsWith", "NotEquals", "NotStartsWith", "NotEndsWith");

    public static ObjectNode toJson(AdvancedEventSelector s) {
        ObjectNode out = NODES.objectNode();
        if (s.name() != null) {
            out.put("Name", s.name());
        }
        ArrayNode fields = out.putArray("FieldSelectors");
        for (AdvancedFieldSelector f : s.fieldSelectors()) {
            ObjectNode field = fields.addObject();
            field.put("Field", f.field());
            putList(field, "Equals", f.hasEqualsValue() ? f.equalsValue() : List.of());
            putList(field, "StartsWith", f.hasStartsWith() ? f.startsWith() : List.of());
            putList(field, "EndsWith", f.hasEndsWith() ? f.endsWith() : List.of());
            putList(field, "NotEquals", f.hasNotEquals() ? f.notEquals() : List.of());
            putList(field, "NotStartsWith", f.hasNotStartsWith() ? f.notStartsWith() : List.of());
            putList(field, "NotEndsWith", f.hasNotEndsWith() ? f.notEndsWith() : List.of());
        }
        return out;
    }

    static AdvancedEventSelector toSdk(JsonNode s) {
        List<AdvancedFieldSelector> fields = new ArrayList<>();
        for (JsonNode f : s.path("FieldSelectors")) {
            // Only operators with values: CloudTrail rejects an empty list (each has a minimum length of 1).
            AdvancedFieldSelector.Builder b = AdvancedFieldSelector.builder().field(f.path("Field").asText());
            setIfAny(values(f, "Equals"), b::equalsValue);
            setIfAny(values(f, "StartsWith"), b::startsWith);
            setIfAny(values(f, "EndsWith"), b::endsWith);
            setIfAny(values(f, "NotEquals"), b::notEquals);
            setIfAny(values(f, "NotStartsWith"), b::notStartsWith);
            setIfAny(values(f, "NotEndsWith"), b::notEndsWith);
            fields.add(b.build());
        }
        return AdvancedEventSelector.builder().name(s.path("Name").isTextual() ? s.get("Name").asText() : null)
                .fieldSelectors(fields).build();
    }

    private static void setIfAny(List<String> values, java.util.function.Consumer<java.util.Collection<String>> setter) {
        if (!values.isEmpty()) {
            setter.accept(values);
        }
    }

    /** A basic selector in CloudTrail's JSON shape (for snapshots and reports). */
    static ObjectNode basicToJson(EventSelector s) {
        ObjectNode out = NODES.objectNode();
        out.put("ReadWriteType", s.readWriteTypeAsString());
        out.put("IncludeManagementEvents", Boolean.TRUE.equals(s.includeManagementEvents()));
        ArrayNode data = out.putArray("DataResources");
        s.dataResources().forEach(d -> {
            ObjectNode r = data.addObject();
            r.put("Type", d.type());
            putList(r, "Values", d.values());
        });
        putList(out, "ExcludeManagementEventSources", s.hasExcludeManagementEventSources() ? s.excludeManagementEventSources() : List.of());
        return out;
    }

    /**
     * The advanced equivalent of a basic selector that logs only management events (CloudTrail user guide,
     * "Converting basic event selectors to advanced"); empty when it logs nothing. Basic selectors with data
     * resources are not converted here: apply refuses them (see {@link Planner}).
     */
    static List<ObjectNode> convertManagementOnly(ObjectNode basic, int index) {
        if (!basic.path("IncludeManagementEvents").asBoolean(false)) {
            return List.of();
        }
        ObjectNode out = NODES.objectNode();
        out.put("Name", "Management events (converted from basic event selector " + (index + 1) + ")");
        ArrayNode fields = out.putArray("FieldSelectors");
        fields.addObject().put("Field", "eventCategory").putArray("Equals").add("Management");
        String rw = basic.path("ReadWriteType").asText("All");
        if (rw.equals("ReadOnly") || rw.equals("WriteOnly")) {
            fields.addObject().put("Field", "readOnly").putArray("Equals").add(rw.equals("ReadOnly") ? "true" : "false");
        }
        JsonNode excluded = basic.path("ExcludeManagementEventSources");
        if (excluded.isArray() && !excluded.isEmpty()) {
            ObjectNode f = fields.addObject().put("Field", "eventSource");
            f.set("NotEquals", excluded.deepCopy());
        }
        return List.of(out);
    }

    /** CloudTrail's default for a new trail, all management events, as an advanced selector (not ours: no prefix). */
    static ObjectNode defaultManagementEvents() {
        ObjectNode out = NODES.objectNode();
        out.put("Name", "Management events (CloudTrail's default, written back by claude-baseline destroy)");
        ArrayNode fields = out.putArray("FieldSelectors");
        ObjectNode category = fields.addObject();
        category.put("Field", "eventCategory");
        category.putArray("Equals").add("Management");
        return out;
    }

    static boolean hasDataResources(ObjectNode basic) {
        return basic.path("DataResources").isArray() && !basic.path("DataResources").isEmpty();
    }

    static boolean isOurs(JsonNode selector) {
        return TrailSelectors.isOurs(selector.path("Name").asText(null));
    }

    /**
     * A selector reduced to its meaning: field order, value order, duplicates and empty operator lists do not
     * matter; the name does (it is how we recognise ours).
     */
    static String canonical(JsonNode selector) {
        Map<String, Map<String, TreeSet<String>>> fields = new TreeMap<>();
        for (JsonNode f : selector.path("FieldSelectors")) {
            Map<String, TreeSet<String>> ops = fields.computeIfAbsent(f.path("Field").asText(), k -> new TreeMap<>());
            for (String op : OPERATORS) {
                for (String v : values(f, op)) {
                    ops.computeIfAbsent(op, k -> new TreeSet<>()).add(v);
                }
            }
        }
        return selector.path("Name").asText("") + "|" + fields;
    }

    /** True when both lists hold the same selectors by meaning, in any order. */
    static boolean sameSet(List<? extends JsonNode> a, List<? extends JsonNode> b) {
        return canonicalSet(a).equals(canonicalSet(b));
    }

    private static TreeSet<String> canonicalSet(List<? extends JsonNode> selectors) {
        TreeSet<String> out = new TreeSet<>();
        selectors.forEach(s -> out.add(canonical(s)));
        return out;
    }

    static List<String> values(JsonNode field, String operator) {
        List<String> out = new ArrayList<>();
        JsonNode v = field.path(operator);
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else if (v.isTextual()) {
            out.add(v.asText());
        }
        return out;
    }

    private static void putList(ObjectNode node, String key, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        ArrayNode a = node.putArray(key);
        values.forEach(a::add);
    }
}
