package io.claudebaseline.simulate;

import io.claudebaseline.eval.ActionMatcher;
import io.claudebaseline.eval.ArnMatcher;
import io.claudebaseline.eval.NamedPolicy;
import io.claudebaseline.eval.ParsedStatement;
import io.claudebaseline.eval.PolicyParser;
import io.claudebaseline.eval.WildcardMatcher;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.facts.ServiceReference;
import io.claudebaseline.facts.ServiceReference.ActionInfo;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.PolicyStatement;
import io.claudebaseline.model.ScpDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which actions of the service the workspace deny cannot reach, and which control of this baseline covers each.
 * Both halves are derived, not listed by hand: the actions are those the Service Authorization Reference shows
 * taking no workspace (so a Resource of workspace ARNs never matches them), and a control covers one when one of its
 * rendered Deny statements names the action with a Resource that matches {@code "*"} (what AWS evaluates such an
 * action on). simulate and verify print the statement; docs/controls.md shows it for a baseline with every control.
 */
public final class ActionCoverage {
    /** Written in place of a control when no statement of the baseline reaches the action. */
    public static final String NOT_COVERED = "not covered";

    /**
     * @param action   {@code service:Name}
     * @param controls ids of the controls whose statements reach it; empty when none does
     */
    public record Entry(String action, List<String> controls) {
        public Entry {
            controls = List.copyOf(controls);
        }
    }

    private ActionCoverage() {}

    /** One entry per action that takes no workspace, in the reference's name order. */
    public static List<Entry> of(Baseline baseline) {
        List<Reach> reaches = new ArrayList<>();
        for (ScpDocument scp : baseline.scps()) {
            Map<String, String> controlBySid = new HashMap<>();
            for (PolicyStatement s : scp.statements()) {
                controlBySid.put(s.sid(), s.control().id());
            }
            for (ParsedStatement st : PolicyParser.parse(new NamedPolicy(scp.name(), null, scp.content())).statements()) {
                String control = controlBySid.get(st.ref().sid());
                if (st.deny() && control != null && reachesResourceless(st)) {
                    reaches.add(new Reach(control, st));
                }
            }
        }
        List<Entry> out = new ArrayList<>();
        for (ActionInfo a : AwsFacts.actionsWithoutWorkspace()) {
            Set<String> controls = new LinkedHashSet<>();
            for (Reach r : reaches) {
                if (names(r.statement(), a.qualified())) {
                    controls.add(r.control());
                }
            }
            out.add(new Entry(a.qualified(), List.copyOf(controls)));
        }
        return out;
    }

    /**
     * One paragraph: "The workspace deny cannot reach N actions ...: A, B → control; C, D → not covered." Actions
     * are grouped by the controls that reach them.
     */
    public static String statement(List<Entry> entries) {
        Map<String, List<String>> byControls = new LinkedHashMap<>();
        entries.stream().sorted((x, y) -> Boolean.compare(x.controls().isEmpty(), y.controls().isEmpty())).forEach(e ->
                byControls.computeIfAbsent(e.controls().isEmpty() ? NOT_COVERED : String.join(" + ", e.controls()), k -> new ArrayList<>())
                        .add(e.action().substring(e.action().indexOf(':') + 1)));
        String groups = byControls.entrySet().stream().map(g -> String.join(", ", g.getValue()) + " → " + g.getKey())
                .collect(Collectors.joining("; "));
        return "The workspace deny cannot reach " + entries.size() + " " + AwsFacts.SERVICE_PREFIX + " actions (they take no "
                + "workspace in the Service Authorization Reference of " + ServiceReference.bundled().dataDate() + "): " + groups + ".";
    }

    /** Evidence for report.json: action → controls. */
    public static Map<String, Object> details(List<Entry> entries) {
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.action(), e.controls().isEmpty() ? NOT_COVERED : e.controls()));
        return out;
    }

    private record Reach(String control, ParsedStatement statement) {}

    /** The statement's Resource matches {@code "*"}, the resource AWS evaluates resource-less actions on. */
    private static boolean reachesResourceless(ParsedStatement st) {
        List<String> patterns = st.resources() != null ? st.resources() : st.notResources();
        boolean any = patterns.stream().anyMatch(p -> ArnMatcher.resourceMatches(WildcardMatcher.compile(p), "*"));
        return st.resources() != null ? any : !any;
    }

    private static boolean names(ParsedStatement st, String action) {
        if (st.actions() != null) {
            return st.actions().stream().anyMatch(p -> ActionMatcher.matches(p, action));
        }
        return st.notActions().stream().noneMatch(p -> ActionMatcher.matches(p, action));
    }
}
