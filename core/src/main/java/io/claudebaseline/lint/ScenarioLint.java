package io.claudebaseline.lint;

import io.claudebaseline.config.Problem;
import io.claudebaseline.config.ScenarioConfig;
import io.claudebaseline.facts.ServiceReference;
import io.claudebaseline.facts.ServiceReference.ActionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The user's {@code scenarios:} against the Service Authorization Reference: a scenario naming an action that does
 * not exist proves nothing (ERROR, with the nearest names); a context key that applies neither to the action nor
 * globally is a key AWS never sends (ERROR); a resource that fits none of the action's ARN formats, or a resource for
 * an action that takes none, is a request AWS never makes (WARNING). Field rules (shape, wildcards) stay with
 * {@link io.claudebaseline.simulate.ScenarioValidator}; this only judges names the reference knows.
 */
public final class ScenarioLint {
    private final ServiceReference reference;
    private final ActionResolver resolver;

    public ScenarioLint(ServiceReference reference) {
        this.reference = reference;
        this.resolver = new ActionResolver(reference);
    }

    public List<Problem> lint(List<ScenarioConfig> scenarios) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            ScenarioConfig s = scenarios.get(i);
            if (s == null || s.action() == null || s.action().indexOf(':') < 0) {
                continue;
            }
            String at = "scenarios[" + i + "]";
            Optional<List<ActionInfo>> resolved = resolver.resolve(s.action());
            if (resolved.isEmpty()) {
                continue;
            }
            if (resolved.get().isEmpty()) {
                List<String> near = resolver.nearest(s.action());
                problems.add(Problem.error(at + ".action", s.action() + " is not an action of "
                        + s.action().substring(0, s.action().indexOf(':')) + " (Service Authorization Reference of " + reference.dataDate()
                        + "), so the scenario proves nothing; " + (near.isEmpty() ? "check the spelling"
                                : "did you mean " + String.join(" or ", near) + "?")));
                continue;
            }
            ActionInfo action = resolved.get().get(0);
            for (String key : s.context().keySet()) {
                if (!reference.isGlobalKey(key) && !action.hasConditionKey(key)) {
                    problems.add(Problem.error(at + ".context." + key, "does not apply to " + action.qualified()
                            + " and is not a global condition key, so AWS never sends it with this request; the keys that apply are "
                            + (action.conditionKeys().isEmpty() ? "only the global ones" : String.join(", ", action.conditionKeys()))));
                }
            }
            resource(problems, at + ".resource", s.resource(), action);
        }
        return problems;
    }

    private void resource(List<Problem> problems, String path, String resource, ActionInfo action) {
        if (resource.equals("*")) {
            return;
        }
        Set<String> formats = ArnFormats.of(reference, List.of(action));
        if (formats.isEmpty()) {
            problems.add(Problem.warning(path, action.qualified() + " takes no resource, so AWS evaluates it on \"*\"; "
                    + "write resource: '*' (a statement on " + resource + " would not match it)"));
        } else if (formats.stream().noneMatch(f -> ArnFormats.fits(resource, f))) {
            problems.add(Problem.warning(path, resource + " fits none of the resource formats of " + action.qualified()
                    + " (" + String.join(", ", formats) + "), so AWS never makes this request"));
        }
    }
}
