package io.claudebaseline.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ControlsConfig;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.TrailSelectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudTrail advanced event selectors for Claude data events: one data selector on the workspace resource
 * type (narrowed by a {@code resources.ARN StartsWith} per workspace for {@code listed-workspaces}), plus a
 * management-events selector unless the trail is dedicated to Claude data. Both carry
 * {@link TrailSelectors#NAME_PREFIX} so apply can tell them from the trail's other selectors.
 */
public final class SelectorBuilder {
    private final BaselineConfig config;
    private final Templates templates;

    public SelectorBuilder(BaselineConfig config, Templates templates) {
        this.config = config;
        this.templates = templates;
    }

    /** Empty when the CloudTrail control is off. */
    public Optional<TrailSelectors> build() {
        ControlsConfig.CloudTrailDataEvents trail = config.controls().cloudTrailDataEvents();
        if (!trail.isEnabled()) {
            return Optional.empty();
        }
        List<ObjectNode> selectors = new ArrayList<>();
        Map<String, Object> data = Scope.of();
        data.put("name", TrailSelectors.DATA_SELECTOR_NAME);
        data.put("resourceType", AwsFacts.WORKSPACE_RESOURCE_TYPE);
        boolean listed = trail.scope() == ControlsConfig.CloudTrailDataEvents.Scope.LISTED_WORKSPACES;
        data.put("listed", listed);
        data.put("workspaceArns", Scope.items(listed ? workspaceArns() : List.of()));
        selectors.add(selector(Templates.TRAIL_DATA_SELECTOR, data));
        if (trail.includeManagementEvents()) {
            Map<String, Object> management = Scope.of();
            management.put("name", TrailSelectors.MANAGEMENT_SELECTOR_NAME);
            selectors.add(selector(Templates.TRAIL_MANAGEMENT_SELECTOR, management));
        }
        return Optional.of(new TrailSelectors(trail.trailName(), trail.homeRegion(), selectors));
    }

    /** One ARN per listed workspace; CloudTrail has no wildcards, so each needs its region and account. */
    public List<String> workspaceArns() {
        return config.workspaces().stream()
                .map(w -> AwsFacts.workspaceArn(config.partition(), w.region(), w.account(), w.id()))
                .distinct().toList();
    }

    private ObjectNode selector(String template, Map<String, Object> scope) {
        String source = templates.sources().get(template);
        JsonNode node = RenderedJson.parse(templates.render(template, scope), source);
        if (!(node instanceof ObjectNode selector) || !scope.get("name").equals(selector.path("Name").asText(null))
                || !selector.path("FieldSelectors").isArray() || selector.path("FieldSelectors").isEmpty()) {
            throw new TemplateException("template " + source
                    + " must render one advanced event selector: {\"Name\": \"{{name}}\", \"FieldSelectors\": [...]}");
        }
        for (JsonNode field : selector.path("FieldSelectors")) {
            if (!field.path("Field").isTextual()) {
                throw new TemplateException("template " + source + " renders a field selector without \"Field\": " + field);
            }
        }
        return selector;
    }
}
