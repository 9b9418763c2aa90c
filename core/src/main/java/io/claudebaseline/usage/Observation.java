package io.claudebaseline.usage;

import java.time.Instant;

/**
 * {@code count} calls of one action by one principal on one workspace with one outcome, between {@code first} and
 * {@code last}: a single trail record (count 1) or one row of the Athena query's result.
 *
 * @param workspaceArn null for resource-less actions (ListWorkspaces, CallWithBearerToken, ...)
 * @param longTermKey  made with a long-term API key (a shadow user, or a LONG_TERM bearer token)
 * @param sourceIp     of the last call (for denied attempts)
 * @param userAgent    of the last call (for denied attempts)
 */
record Observation(String workspaceArn, Principal principal, String action, Outcome outcome, boolean longTermKey,
                   long count, Instant first, Instant last, String sourceIp, String userAgent, String errorCode) {

    static Observation of(TrailEvent e, PrincipalNormalizer normalizer) {
        Principal p = normalizer.normalize(e.identity());
        boolean longTerm = p.isShadowUser() || io.claudebaseline.facts.AwsFacts.BEARER_TOKEN_LONG_TERM.equals(e.bearerTokenType());
        return new Observation(e.workspaceArns().isEmpty() ? null : e.workspaceArns().get(0), p, e.eventName(),
                Outcome.of(e.errorCode(), e.errorMessage()), longTerm, 1, e.eventTime(), e.eventTime(), e.sourceIp(), e.userAgent(),
                e.errorCode());
    }
}
