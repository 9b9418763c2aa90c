package io.claudebaseline.eval;

/**
 * Names one statement of one policy, for decisions and messages.
 *
 * @param policyName the policy's name
 * @param policyId   the policy's id in Organizations, or null for a rendered policy
 * @param sid        the statement's Sid, or null when it has none
 * @param index      the statement's position in the policy (0-based)
 */
public record StatementRef(String policyName, String policyId, String sid, int index) {
    /** {@code policy 'claude-baseline-1' (p-abc) statement 'DenyX' (#0)}. */
    @Override
    public String toString() {
        return "policy '" + policyName + "'" + (policyId == null ? "" : " (" + policyId + ")")
                + " statement " + (sid == null ? "" : "'" + sid + "' ") + "(#" + index + ")";
    }
}
