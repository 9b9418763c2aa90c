package io.claudebaseline.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.facts.AwsFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One successful call that changed the configured trail, from a CloudTrail record in the event history
 * (LookupEvents' {@code CloudTrailEvent}): what it was, when, by whom, and what it left behind.
 *
 * @param advancedSelectors for PutEventSelectors, the advanced selectors it set in CloudTrail's API shape
 *                          ({@code Name}, {@code FieldSelectors}, {@code Field}, {@code Equals}...); empty when it set
 *                          basic selectors only (which cannot log Claude Platform's data events); null for other calls
 *                          or a record without them
 */
record TrailChange(Instant time, String eventName, String by, List<JsonNode> advancedSelectors) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    boolean isSelectorChange() {
        return "PutEventSelectors".equals(eventName);
    }

    /**
     * The change a record describes, when it is a successful call on this trail (by name or ARN); empty for a
     * failed call (it changed nothing), another trail, or a record that cannot be read.
     */
    static Optional<TrailChange> of(String cloudTrailEvent, String trailName, String trailArn) {
        JsonNode r;
        try {
            r = JSON.readTree(cloudTrailEvent == null ? "" : cloudTrailEvent);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (r == null || !r.isObject() || r.hasNonNull("errorCode") || !AwsFacts.TRAIL_CHANGE_EVENT_NAMES.contains(r.path("eventName").asText())) {
            return Optional.empty();
        }
        if (!namesTrail(r, trailName, trailArn)) {
            return Optional.empty();
        }
        Instant time;
        try {
            time = Instant.parse(r.path("eventTime").asText());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        String name = r.path("eventName").asText();
        JsonNode identity = r.path("userIdentity");
        String by = identity.path("sessionContext").path("sessionIssuer").path("arn").asText(identity.path("arn").asText(null));
        List<JsonNode> selectors = null;
        if ("PutEventSelectors".equals(name)) {
            // responseElements holds what took effect; requestParameters what was asked (the same on success).
            JsonNode advanced = first(r.path("responseElements"), "advancedEventSelectors");
            if (advanced == null) {
                advanced = first(r.path("requestParameters"), "advancedEventSelectors");
            }
            boolean basic = first(r.path("responseElements"), "eventSelectors") != null || first(r.path("requestParameters"), "eventSelectors") != null;
            if (advanced != null && advanced.isArray()) {
                selectors = new ArrayList<>();
                for (JsonNode s : advanced) {
                    selectors.add(apiShape(s));
                }
            } else if (basic) {
                selectors = List.of();
            }
        }
        return Optional.of(new TrailChange(time, name, by, selectors));
    }

    private static boolean namesTrail(JsonNode r, String trailName, String trailArn) {
        for (String key : AwsFacts.TRAIL_NAME_PARAMETERS) {
            String v = r.path("requestParameters").path(key).asText(null);
            if (v != null && (v.equals(trailName) || v.equals(trailArn))) {
                return true;
            }
        }
        String arn = r.path("responseElements").path(AwsFacts.TRAIL_ARN_RESPONSE_ELEMENT).asText(null);
        return arn != null && arn.equals(trailArn);
    }

    private static JsonNode first(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        return v == null || v.isNull() ? null : v;
    }

    /** A record's selector ({@code name}, {@code fieldSelectors}, {@code field}, {@code equals}...) in the API's shape. */
    static JsonNode apiShape(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(n -> out.add(apiShape(n)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String k = e.getKey();
            String key = k.isEmpty() ? k : Character.toUpperCase(k.charAt(0)) + k.substring(1);
            out.set(key, apiShape(e.getValue()));
        }
        return out;
    }
}
