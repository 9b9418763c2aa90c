package io.claudebaseline.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.facts.AwsFacts;
import java.util.List;
import java.util.Set;

/**
 * Whether an advanced event selector captures Claude workspace data events. A selector captures what all its
 * field conditions accept (CloudTrail ANDs fields; within a field it ORs the positive operators and requires
 * none of the negative ones to match). Fields other than eventCategory, resources.type and resources.ARN narrow
 * what is logged (e.g. readOnly, eventName), so a selector with them never counts as full coverage.
 */
public final class SelectorCoverage {
    private SelectorCoverage() {}

    private static final Set<String> UNDERSTOOD = Set.of("eventCategory", "resources.type", "resources.ARN");

    /** Captures every workspace's data events: Data, the workspace type, no ARN condition, nothing narrowing. */
    static boolean capturesAllWorkspaces(JsonNode selector) {
        return isWorkspaceDataSelector(selector) && field(selector, "resources.ARN") == null;
    }

    /** Captures the data events of the workspace with this ARN. */
    public static boolean captures(JsonNode selector, String workspaceArn) {
        if (!isWorkspaceDataSelector(selector)) {
            return false;
        }
        JsonNode arn = field(selector, "resources.ARN");
        return arn == null || accepts(arn, workspaceArn);
    }

    private static boolean isWorkspaceDataSelector(JsonNode selector) {
        for (JsonNode f : selector.path("FieldSelectors")) {
            if (!UNDERSTOOD.contains(f.path("Field").asText())) {
                return false;
            }
        }
        JsonNode category = field(selector, "eventCategory");
        JsonNode type = field(selector, "resources.type");
        return category != null && accepts(category, "Data") && type != null && accepts(type, AwsFacts.WORKSPACE_RESOURCE_TYPE);
    }

    private static JsonNode field(JsonNode selector, String name) {
        for (JsonNode f : selector.path("FieldSelectors")) {
            if (name.equals(f.path("Field").asText())) {
                return f;
            }
        }
        return null;
    }

    /** True when the field condition accepts {@code value}. */
    static boolean accepts(JsonNode field, String value) {
        List<String> eq = Selectors.values(field, "Equals");
        List<String> sw = Selectors.values(field, "StartsWith");
        List<String> ew = Selectors.values(field, "EndsWith");
        boolean anyPositive = !eq.isEmpty() || !sw.isEmpty() || !ew.isEmpty();
        boolean positive = !anyPositive || eq.contains(value) || sw.stream().anyMatch(value::startsWith)
                || ew.stream().anyMatch(value::endsWith);
        boolean negative = Selectors.values(field, "NotEquals").contains(value)
                || Selectors.values(field, "NotStartsWith").stream().anyMatch(value::startsWith)
                || Selectors.values(field, "NotEndsWith").stream().anyMatch(value::endsWith);
        return positive && !negative;
    }
}
