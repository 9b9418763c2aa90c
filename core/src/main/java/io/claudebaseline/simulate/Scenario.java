package io.claudebaseline.simulate;

import io.claudebaseline.eval.Request;

/**
 * One request with the outcome the baseline must produce for it.
 *
 * @param control     control id the scenario proves ({@code scenario} for user-supplied ones)
 * @param check       stable check name, e.g. {@code scenario:protect-workspaces:wrkspc_01:unlisted:CreateInference}
 * @param description what the scenario claims, in words ("an unlisted principal is denied ...")
 * @param request     the request; null when no meaningful request could be derived (see {@code note})
 * @param expect      DENIED or ALLOWED (= not denied by any SCP)
 * @param note        how example values were derived (wildcards replaced, default account), or why the scenario
 *                    could not be derived; may be null
 */
public record Scenario(String control, String check, String description, Request request, Expect expect, String note) {

    /** What the SCPs must do with the request. */
    public enum Expect {
        /** Some Deny statement must apply. */
        DENIED,
        /** No Deny statement may apply (identity policies then decide; SCPs assume FullAWSAccess). */
        ALLOWED;

        public String words() {
            return this == DENIED ? "denied" : "not denied (allowed)";
        }
    }

    /** A scenario that could not be derived; it is reported as a warning with {@code why}. */
    static Scenario underivable(String control, String check, String description, String why) {
        return new Scenario(control, check, description, null, null, why);
    }
}
