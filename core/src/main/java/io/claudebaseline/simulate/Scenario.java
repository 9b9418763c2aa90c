package io.claudebaseline.simulate;

import io.claudebaseline.eval.Request;

/**
 * One request with the outcome the baseline must produce for it.
 *
 * @param control     control id the scenario proves ({@code scenario} for user-supplied ones)
 * @param check       stable check name, e.g. {@code scenario:protect-workspaces:wrkspc_01:unlisted:CreateInference}
 * @param describer   what the scenario claims, in words ("an unlisted principal is denied ..."): see {@link #description()}
 * @param request     the request; null when no meaningful request could be derived (see {@code note})
 * @param expect      DENIED or ALLOWED (= not denied by any SCP)
 * @param note        how example values were derived (wildcards replaced, default account), or why the scenario
 *                    could not be derived; may be null
 */
public record Scenario(String control, String check, Describer describer, Request request, Expect expect, String note) {

    /**
     * Builds a scenario's description when a check's message is built. The bulk of a run's scenarios (every
     * workspace action for every principal of every workspace: 51,756 at 199 workspaces) keep the few shared
     * strings their description is made of instead of the description itself, which the terminal never shows.
     */
    @FunctionalInterface
    public interface Describer {
        String describe();
    }

    /** A scenario whose description is written out. */
    public Scenario(String control, String check, String description, Request request, Expect expect, String note) {
        this(control, check, () -> description, request, expect, note);
    }

    /** What the scenario claims, in words ("an unlisted principal is denied ..."). */
    public String description() {
        return describer.describe();
    }

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
