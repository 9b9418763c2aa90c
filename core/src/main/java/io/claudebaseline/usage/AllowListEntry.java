package io.claudebaseline.usage;

import io.claudebaseline.eval.ArnMatcher;

/** One entry of a workspace's allow-list, matched the way the SCP matches it: ArnLike on aws:PrincipalArn. */
record AllowListEntry(String pattern) {
    boolean isWildcard() {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    boolean matches(String principalArn) {
        return ArnMatcher.arnLike(pattern, principalArn);
    }

    static boolean anyMatches(java.util.List<String> patterns, String principalArn) {
        return patterns.stream().anyMatch(p -> new AllowListEntry(p).matches(principalArn));
    }
}
