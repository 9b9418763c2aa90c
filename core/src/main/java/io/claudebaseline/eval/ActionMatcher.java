package io.claudebaseline.eval;

/**
 * Matches a request action against an {@code Action}/{@code NotAction} entry: {@code service:Name} with
 * {@code *}/{@code ?} wildcards anywhere; prefix and name are case-insensitive
 * (reference_policies_elements_action.html, orgs_manage_policies_scps_syntax.html). {@code "*"} matches every
 * action of every service.
 */
public final class ActionMatcher {
    private ActionMatcher() {}

    public static boolean matches(String policyAction, String requestAction) {
        return WildcardMatcher.compile(policyAction).matches(requestAction, true);
    }
}
