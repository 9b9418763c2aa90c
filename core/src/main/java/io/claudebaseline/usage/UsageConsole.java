package io.claudebaseline.usage;

import java.util.Map;
import java.util.stream.Collectors;

/** The console (and build log) text of a usage run: per workspace, who acted, who was refused, what to remove. */
final class UsageConsole {
    private UsageConsole() {}

    /** Principals listed per workspace before "… and N more" (report.json has them all). */
    static final int MAX_PRINCIPALS = 20;

    static String render(UsageFindings f) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(java.util.Locale.ROOT, "Claude Platform usage %s, from %s: %,d event(s)", UsageResult.window(f), f.source(), f.events()));
        if (f.read() != null && f.read().skippedCount() > 0) {
            out.append(" (").append(f.read().skippedCount()).append(" unreadable object(s) skipped)");
        }
        out.append(".\n");
        if (f.selectors() != null) {
            out.append(f.selectors().sentence()).append('\n');
        }
        for (WorkspaceUsage w : f.workspaces()) {
            out.append('\n').append(UsageResult.label(w.workspace())).append(": ").append(w.events()).append(" event(s)\n");
            if (w.principals().isEmpty()) {
                out.append("  no principal acted on it\n");
            }
            w.principals().stream().limit(MAX_PRINCIPALS).forEach(p -> out.append("  ").append(p.principal.arn()).append("  ")
                    .append(p.events()).append(" (").append(p.authorised).append(" authorised")
                    .append(p.deniedByScp + p.denied > 0 ? ", " + (p.deniedByScp + p.denied) + " denied" : "").append("): ")
                    .append(actions(p.actions)).append("; first ").append(p.first).append(", last ").append(p.last).append('\n'));
            if (w.principals().size() > MAX_PRINCIPALS) {
                out.append("  … and ").append(w.principals().size() - MAX_PRINCIPALS).append(" more in report.json\n");
            }
            if (!w.unusedEntries().isEmpty()) {
                out.append("  allow-listed but unused: ").append(String.join(", ", w.unusedEntries())).append('\n');
            }
            for (PrincipalUsage p : w.deniedOutsiders()) {
                out.append("  DENIED outside the allow-list: ").append(p.principal.arn()).append(" ").append(p.deniedByScp).append("×");
                p.deniedSamples().stream().filter(PrincipalUsage.DeniedAttempt::byScp).reduce((a, b) -> b).ifPresent(a -> out
                        .append(", last ").append(a.time()).append(' ').append(a.action()).append(" from ").append(a.sourceIp())
                        .append(" (").append(a.userAgent()).append(')'));
                out.append('\n');
            }
            for (PrincipalUsage p : w.allowedOutsiders()) {
                out.append("  AUTHORISED outside the allow-list: ").append(p.principal.arn()).append(' ').append(p.authorised).append("×\n");
            }
            for (PrincipalUsage p : w.longTermKeyUsers()) {
                out.append("  long-term key use: ").append(p.principal.arn()).append(' ').append(p.longTermKey).append("×\n");
            }
        }
        long keyless = f.withoutWorkspace().stream().filter(p -> p.longTermKey > 0).count();
        if (keyless > 0) {
            out.append("\nLong-term key use on resource-less calls: ").append(f.withoutWorkspace().stream().filter(p -> p.longTermKey > 0)
                    .map(p -> p.principal.arn() + " " + p.longTermKey + "×").collect(Collectors.joining(", "))).append('\n');
        }
        if (!f.unlisted().isEmpty()) {
            out.append("\nEvents on workspaces the config does not list: ").append(f.unlisted().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))).append('\n');
        }
        if (f.suggestion() != null && !f.suggestion().diff().isEmpty()) {
            out.append("\nSuggested config change (review it, then apply with patch -p1 and commit; claude-baseline never applies it):\n")
                    .append(f.suggestion().diff());
        } else {
            out.append("\nNo config change suggested: every allow-list entry was used, or nothing authorised was seen.\n");
        }
        f.suggestion().notEditable().forEach((i, why) -> out.append("workspaces[").append(i).append("]: not edited, ").append(why).append('\n'));
        return out.toString().stripTrailing();
    }

    private static String actions(Map<String, Long> actions) {
        return actions.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(6).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + (actions.size() > 6 ? ", …" : "");
    }
}
