package io.claudebaseline.usage;

import io.claudebaseline.config.WorkspaceConfig;
import java.util.List;

/**
 * The findings for one configured workspace over the window.
 *
 * @param workspace         as configured
 * @param principals        every principal that acted on it, busiest first
 * @param unusedEntries     allow-list entries no authorised call matched: standing privilege to remove
 * @param usedWildcards     wildcard entries that did match (kept as they are in the suggestion)
 * @param deniedOutsiders   principals outside the allow-list (and the exempt list) refused by an SCP
 * @param longTermKeyUsers  principals that called with a long-term API key (shadow users, LONG_TERM tokens)
 * @param allowedOutsiders  principals outside the allow-list and exempt list whose calls were authorised: the
 *                          workspace's SCP did not hold for them (not attached there, or not yet in force)
 * @param suggested         the allow-list tightened to what was used, or null when nothing would change or
 *                          nothing authorised was seen (an empty list would lock everyone out)
 */
record WorkspaceUsage(WorkspaceConfig workspace, List<PrincipalUsage> principals, List<String> unusedEntries,
                      List<String> usedWildcards, List<PrincipalUsage> deniedOutsiders, List<PrincipalUsage> longTermKeyUsers,
                      List<PrincipalUsage> allowedOutsiders, List<String> suggested) {

    long events() {
        return principals.stream().mapToLong(PrincipalUsage::events).sum();
    }

    /** Unused entries that are wildcards: flagged (commented out) in the suggestion rather than silently dropped. */
    List<String> unusedWildcards() {
        return unusedEntries.stream().filter(e -> new AllowListEntry(e).isWildcard()).toList();
    }

    static WorkspaceUsage analyse(WorkspaceConfig w, java.util.Map<String, PrincipalUsage> byPrincipal, List<String> exempt) {
        List<PrincipalUsage> principals = byPrincipal.values().stream()
                .sorted(java.util.Comparator.comparingLong(PrincipalUsage::events).reversed()
                        .thenComparing(p -> p.principal.arn())).toList();
        List<String> unused = new java.util.ArrayList<>();
        List<String> usedWildcards = new java.util.ArrayList<>();
        for (String pattern : w.allowedPrincipals()) {
            AllowListEntry entry = new AllowListEntry(pattern);
            boolean used = principals.stream().anyMatch(p -> p.authorised > 0 && entry.matches(p.principal.arn()));
            if (!used) {
                unused.add(pattern);
            } else if (entry.isWildcard()) {
                usedWildcards.add(pattern);
            }
        }
        List<PrincipalUsage> outsiders = principals.stream()
                .filter(p -> !AllowListEntry.anyMatches(w.allowedPrincipals(), p.principal.arn())
                        && !AllowListEntry.anyMatches(exempt, p.principal.arn())).toList();
        List<PrincipalUsage> denied = outsiders.stream().filter(p -> p.deniedByScp > 0).toList();
        List<PrincipalUsage> allowedOutside = outsiders.stream().filter(p -> p.authorised > 0).toList();
        List<PrincipalUsage> longTerm = principals.stream().filter(p -> p.longTermKey > 0).toList();

        List<String> kept = w.allowedPrincipals().stream().filter(e -> !unused.contains(e)).toList();
        List<String> suggested = unused.isEmpty() || kept.isEmpty() ? null : kept;
        return new WorkspaceUsage(w, principals, unused, usedWildcards, denied, longTerm, allowedOutside, suggested);
    }
}
