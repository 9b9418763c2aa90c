package io.claudebaseline.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The CloudTrail advanced event selectors the baseline needs on one trail.
 *
 * @param trailName  the trail (name, not ARN)
 * @param homeRegion region PutEventSelectors must be called in
 * @param selectors  our selectors in CloudTrail's JSON shape ({@code Name}, {@code FieldSelectors}); the
 *                   management-events selector, when wanted, is included and marked by its name
 */
public record TrailSelectors(String trailName, String homeRegion, List<ObjectNode> selectors) {
    /**
     * Every selector the baseline adds is named with this prefix; apply and verify use it to tell ours from the
     * trail's other selectors, which they must keep.
     */
    public static final String NAME_PREFIX = "claude-baseline: ";

    /** Name of the data-events selector for Claude workspaces. */
    public static final String DATA_SELECTOR_NAME = NAME_PREFIX + "Claude Platform workspace data events";

    /** Name of the management-events selector kept so that writing the set does not stop management logging. */
    public static final String MANAGEMENT_SELECTOR_NAME = NAME_PREFIX + "management events";

    public TrailSelectors {
        selectors = List.copyOf(selectors);
    }

    /** True when a selector with this name was added by the baseline. */
    public static boolean isOurs(String selectorName) {
        return selectorName != null && selectorName.startsWith(NAME_PREFIX);
    }

    /** Values across all field conditions of our selectors, as CloudTrail counts them against its limit. */
    public int valueCount() {
        int count = 0;
        for (ObjectNode selector : selectors) {
            for (com.fasterxml.jackson.databind.JsonNode field : selector.path("FieldSelectors")) {
                var names = field.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    if (!name.equals("Field") && field.get(name).isArray()) {
                        count += field.get(name).size();
                    }
                }
            }
        }
        return count;
    }
}
