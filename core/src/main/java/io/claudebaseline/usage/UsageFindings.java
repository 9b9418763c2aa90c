package io.claudebaseline.usage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one usage run found, before it is turned into checks, report details and console lines.
 *
 * @param from              window start (inclusive)
 * @param to                window end (exclusive)
 * @param source            where the events came from
 * @param read              what the reader covered (null for Athena results)
 * @param events            Claude events within the window
 * @param workspaces        per configured workspace, in config order
 * @param withoutWorkspace  principals' resource-less calls (ListWorkspaces, CallWithBearerToken, ...)
 * @param unlisted          events per workspace ARN the config does not list
 * @param selectors         whether the trail logged Claude data events during the window, and today (null: not known,
 *                          e.g. for Athena results)
 * @param suggestion        the suggested config change
 */
record UsageFindings(Instant from, Instant to, String source, ReadStats read, long events, List<WorkspaceUsage> workspaces,
                     List<PrincipalUsage> withoutWorkspace, Map<String, Long> unlisted, SelectorTimeline selectors,
                     AllowListSuggestion.Result suggestion) {

    /** Principals that used a long-term key anywhere (on a workspace or resource-less). */
    List<PrincipalUsage> longTermKeyUse() {
        List<PrincipalUsage> out = new java.util.ArrayList<>();
        workspaces.forEach(w -> out.addAll(w.longTermKeyUsers()));
        withoutWorkspace.stream().filter(p -> p.longTermKey > 0).forEach(out::add);
        return out;
    }
}
