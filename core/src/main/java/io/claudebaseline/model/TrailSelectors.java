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
    public TrailSelectors {
        selectors = List.copyOf(selectors);
    }
}
