package io.claudebaseline.simulate;

import io.claudebaseline.facts.ServiceReference;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The checks of a run in a few lines: per control, how many passed, and per action group (the access level the
 * Service Authorization Reference gives the action: Read, Write, List, Tagging, ...) how many of that group passed.
 * The terminal shows this and the failures in full; the reports keep every check.
 */
public final class CheckSummary {
    private CheckSummary() {}

    private static final class Tally {
        int total;
        int passed;
        int failed;

        void add(CheckStatus status) {
            total++;
            if (status == CheckStatus.PASS) {
                passed++;
            } else if (status == CheckStatus.FAIL) {
                failed++;
            }
        }

        String counts() {
            return passed + "/" + total + (failed > 0 ? " (" + failed + " failed)" : "");
        }
    }

    /** The action's group: its first access level ("Tagging" for the reference's "Tagging, Write"). */
    static String group(ServiceReference.ActionInfo action) {
        String level = action.accessLevel();
        int comma = level.indexOf(',');
        return comma < 0 ? level : level.substring(0, comma);
    }

    /** One line per control, in the order the controls first appear. */
    public static List<String> lines(List<CheckResult> checks) {
        ServiceReference reference = ServiceReference.bundled();
        Map<String, Tally> byControl = new LinkedHashMap<>();
        Map<String, Map<String, Tally>> byGroup = new LinkedHashMap<>();
        // The checks share a few action names: each one's group is looked up once.
        Map<String, Optional<String>> groupOf = new HashMap<>();
        for (CheckResult c : checks) {
            byControl.computeIfAbsent(c.control(), k -> new Tally()).add(c.status());
            String group = null;
            if (c.evidenceValue("action") instanceof String action) {
                Optional<String> known = groupOf.get(action);
                if (known == null) {
                    known = reference.action(action).map(CheckSummary::group);
                    groupOf.put(action, known);
                }
                group = known.orElse(null);
            }
            if (group != null) {
                byGroup.computeIfAbsent(c.control(), k -> new TreeMap<>()).computeIfAbsent(group, k -> new Tally()).add(c.status());
            }
        }
        return byControl.entrySet().stream().map(e -> {
            Map<String, Tally> groups = byGroup.getOrDefault(e.getKey(), Map.of());
            String detail = groups.size() <= 1 ? "" : " — " + groups.entrySet().stream()
                    .map(g -> g.getKey() + " " + g.getValue().counts()).collect(Collectors.joining("; "));
            return e.getKey() + ": " + e.getValue().counts() + " passed" + detail;
        }).toList();
    }
}
