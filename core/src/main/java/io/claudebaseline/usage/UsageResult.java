package io.claudebaseline.usage;

import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.model.Control;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns {@link UsageFindings} into the engine's result: checks (what is a finding: denied outsiders, unused
 * entries, authorised outsiders, long-term key use, an empty window, skipped objects, unlisted workspaces), the
 * structured details every report writer renders, and the console text.
 */
final class UsageResult {
    private UsageResult() {}

    /** Names listed in a check's message before "and N more". */
    static final int NAMES_IN_MESSAGE = 5;

    static EngineResult of(UsageFindings f, boolean protectWorkspacesOn, List<Path> artifacts) {
        List<CheckResult> checks = checks(f, protectWorkspacesOn);
        boolean compliant = checks.stream().noneMatch(c -> c.status() == CheckStatus.FAIL);
        return new EngineResult(Action.USAGE, compliant, 0, checks, List.of(), artifacts, null, UsageConsole.render(f), details(f));
    }

    static List<CheckResult> checks(UsageFindings f, boolean protectOn) {
        List<CheckResult> out = new ArrayList<>();
        String window = window(f);
        String trailControl = Control.CLOUDTRAIL_DATA_EVENTS.id();
        if (f.events() == 0) {
            String selector = f.selectors() == null ? "" : " " + f.selectors().sentence() + emptyWindowAdvice(f.selectors());
            out.add(CheckResult.warn(trailControl, "usage-events", "No Claude Platform events " + window + " in " + f.source() + "." + selector)
                    .withEvidence(Map.of("from", f.from().toString(), "to", f.to().toString(), "source", f.source())));
        } else {
            boolean gaps = f.selectors() != null && !"THROUGHOUT".equals(f.selectors().kind());
            out.add(CheckResult.pass(trailControl, "usage-events", f.events() + " Claude Platform events " + window + " in " + f.source() + "."
                    + (gaps ? " " + f.selectors().sentence() + " Data events of the other times are not in the trail." : ""))
                    .withEvidence(Map.of("events", f.events())));
        }
        if (f.read() != null && f.read().skippedCount() > 0) {
            out.add(CheckResult.warn(trailControl, "usage-unreadable-objects", f.read().skippedCount()
                    + " object(s) could not be read and were skipped, so their events are missing from this analysis: "
                    + names(f.read().skipped().stream().map(ReadStats.Skipped::name).toList(), f.read().skippedCount()) + ".")
                    .withEvidence(Map.of("skipped", f.read().skipped().stream().map(s -> s.name() + ": " + s.reason()).toList())));
        }
        if (!f.unlisted().isEmpty()) {
            long n = f.unlisted().values().stream().mapToLong(Long::longValue).sum();
            out.add(CheckResult.warn(Control.PROTECT_WORKSPACES.id(), "usage-unlisted-workspaces", n + " event(s) on "
                    + f.unlisted().size() + " workspace(s) the config does not list: " + names(List.copyOf(f.unlisted().keySet()), f.unlisted().size())
                    + "; add them to workspaces: if they are critical.").withEvidence(Map.of("eventsByWorkspace", f.unlisted())));
        }
        String protect = Control.PROTECT_WORKSPACES.id();
        for (WorkspaceUsage w : f.workspaces()) {
            String id = w.workspace().id();
            if (w.deniedOutsiders().isEmpty()) {
                out.add(CheckResult.pass(protect, "usage-denied-attempts:" + id, "No principal outside the allow-list of " + id
                        + " was refused by an SCP " + window + "."));
            } else {
                long n = w.deniedOutsiders().stream().mapToLong(p -> p.deniedByScp).sum();
                out.add(CheckResult.warn(protect, "usage-denied-attempts:" + id, n + " call(s) on " + id + " by "
                        + w.deniedOutsiders().size() + " principal(s) outside its allow-list were refused by an SCP " + window + ": "
                        + principals(w.deniedOutsiders()) + "; find out who they are and why they try.")
                        .withEvidence(Map.of("principals", w.deniedOutsiders().stream().map(p -> p.principal.arn()).toList())));
            }
            if (w.unusedEntries().isEmpty()) {
                out.add(CheckResult.pass(protect, "usage-unused-principals:" + id, "Every allow-list entry of " + id + " was used " + window + "."));
            } else {
                out.add(CheckResult.warn(protect, "usage-unused-principals:" + id, w.unusedEntries().size() + " of "
                        + w.workspace().allowedPrincipals().size() + " allow-list entr" + (w.unusedEntries().size() == 1 ? "y" : "ies")
                        + " of " + id + " made no authorised call " + window + ": " + names(w.unusedEntries(), w.unusedEntries().size())
                        + "; the suggested config change removes " + (w.suggested() == null ? "none (nothing authorised was seen, and an empty list would lock everyone out)" : "them")
                        + ".").withEvidence(Map.of("unused", w.unusedEntries())));
            }
            if (!w.allowedOutsiders().isEmpty()) {
                CheckStatus status = protectOn ? CheckStatus.FAIL : CheckStatus.WARN;
                out.add(new CheckResult(protect, "usage-outside-allow-list:" + id, status, w.allowedOutsiders().size()
                        + " principal(s) outside the allow-list of " + id + " made authorised calls " + window + ": "
                        + principals(w.allowedOutsiders()) + "; the workspace's SCP did not hold for them (run verify; check the"
                        + " SCP is attached above account " + w.workspace().account() + ").",
                        Map.of("principals", w.allowedOutsiders().stream().map(p -> p.principal.arn()).toList())));
            }
        }
        List<PrincipalUsage> keys = f.longTermKeyUse();
        String keyControl = Control.DENY_LONG_TERM_KEY_USE.id();
        if (keys.isEmpty()) {
            out.add(CheckResult.pass(keyControl, "usage-long-term-key-use", "No call was made with a long-term API key " + window + "."));
        } else {
            boolean worked = keys.stream().anyMatch(p -> p.authorised > 0);
            out.add(new CheckResult(keyControl, "usage-long-term-key-use", worked ? CheckStatus.FAIL : CheckStatus.WARN,
                    "Long-term API keys were used " + window + " by " + principals(keys) + (worked
                            ? "; some calls were authorised, so the key-use deny did not stop them: revoke the keys and run verify."
                            : "; every call was refused, but the keys still exist and something still uses them: find and revoke them."),
                    Map.of("principals", keys.stream().map(p -> p.principal.arn()).distinct().toList())));
        }
        return out;
    }

    /** What an empty window means, given whether the trail logged it. */
    private static String emptyWindowAdvice(SelectorTimeline t) {
        return switch (t.kind()) {
            case "THROUGHOUT" -> " So nothing called Claude Platform's data APIs on a configured workspace then (management events such as"
                    + " workspace operations are logged regardless).";
            case "NEVER" -> " So only management events (workspace and vault operations) could appear; run apply with"
                    + " controls.cloudTrailDataEvents on (it sets the selector and starts logging).";
            case "UNKNOWN" -> "";
            default -> " Only the times it was in place could hold data events.";
        };
    }

    static Map<String, Object> details(UsageFindings f) {
        Map<String, Object> d = new LinkedHashMap<>();
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", f.from().toString());
        window.put("to", f.to().toString());
        window.put("source", f.source());
        window.put("claudeEvents", f.events());
        if (f.read() != null) {
            window.put("objectsRead", f.read().objects());
            window.put("bytesRead", f.read().bytes());
            window.put("recordsRead", f.read().records());
            window.put("objectsSkipped", f.read().skippedCount());
            window.put("seconds", Math.round(f.read().seconds() * 10) / 10.0);
        }
        if (f.selectors() != null) {
            window.put("dataSelectorToday", f.selectors().selectorToday());
            window.put("dataSelectorDuringWindow", f.selectors().details());
        }
        d.put("usageWindow", window);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WorkspaceUsage w : f.workspaces()) {
            for (PrincipalUsage p : w.principals()) {
                rows.add(principalRow(w.workspace().id(), p, w.workspace().allowedPrincipals()));
            }
        }
        d.put("usageByPrincipal", rows);
        List<Map<String, Object>> denied = new ArrayList<>();
        for (WorkspaceUsage w : f.workspaces()) {
            for (PrincipalUsage p : w.deniedOutsiders()) {
                for (PrincipalUsage.DeniedAttempt a : p.deniedSamples()) {
                    if (!a.byScp()) {
                        continue;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("workspace", w.workspace().id());
                    row.put("principal", p.principal.arn());
                    row.put("time", String.valueOf(a.time()));
                    row.put("action", a.action());
                    row.put("sourceIp", a.sourceIp());
                    row.put("userAgent", a.userAgent());
                    row.put("attempts", p.deniedByScp);
                    denied.add(row);
                }
            }
        }
        d.put("deniedAttempts", denied);
        List<Map<String, Object>> unused = new ArrayList<>();
        for (WorkspaceUsage w : f.workspaces()) {
            for (String e : w.unusedEntries()) {
                unused.add(Map.of("workspace", w.workspace().id(), "entry", e, "wildcard", new AllowListEntry(e).isWildcard()));
            }
        }
        d.put("unusedAllowListEntries", unused);
        d.put("longTermKeyUse", f.longTermKeyUse().stream().map(p -> principalRow(null, p, List.of())).toList());
        d.put("resourceLessCalls", f.withoutWorkspace().stream().map(p -> principalRow(null, p, List.of())).toList());
        d.put("unlistedWorkspaces", f.unlisted());
        if (f.suggestion() != null && !f.suggestion().diff().isEmpty()) {
            d.put("suggestedConfigDiff", f.suggestion().diff());
        }
        return d;
    }

    private static Map<String, Object> principalRow(String workspace, PrincipalUsage p, List<String> allowList) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (workspace != null) {
            row.put("workspace", workspace);
        }
        row.put("principal", p.principal.arn());
        row.put("kind", p.principal.kind().name());
        row.put("events", p.events());
        row.put("authorised", p.authorised);
        row.put("deniedByScp", p.deniedByScp);
        row.put("deniedOther", p.denied);
        row.put("longTermKey", p.longTermKey);
        row.put("actions", new LinkedHashMap<>(p.actions));
        row.put("firstSeen", String.valueOf(p.first));
        row.put("lastSeen", String.valueOf(p.last));
        if (workspace != null) {
            row.put("inAllowList", AllowListEntry.anyMatches(allowList, p.principal.arn()));
        }
        return row;
    }

    static String window(UsageFindings f) {
        return "between " + f.from() + " and " + f.to();
    }

    static String principals(List<PrincipalUsage> ps) {
        String listed = ps.stream().limit(NAMES_IN_MESSAGE).map(p -> p.principal.arn() + " (" + p.events() + ")")
                .collect(Collectors.joining(", "));
        return ps.size() > NAMES_IN_MESSAGE ? listed + " and " + (ps.size() - NAMES_IN_MESSAGE) + " more" : listed;
    }

    static String names(List<String> names, long total) {
        String listed = names.stream().limit(NAMES_IN_MESSAGE).collect(Collectors.joining(", "));
        return total > NAMES_IN_MESSAGE ? listed + " and " + (total - NAMES_IN_MESSAGE) + " more" : listed;
    }

    static String label(WorkspaceConfig w) {
        return w.id() + " (" + w.region() + ", account " + w.account() + ")";
    }
}
