package io.claudebaseline.eval;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of evaluating a request against a set of SCPs.
 *
 * @param outcome   DENIED when at least one Deny statement applies, NOT_DENIED otherwise
 * @param request   the request evaluated
 * @param denies    every Deny statement that applies, in policy and statement order; the first one decides
 * @param nearMisses Deny statements whose Action and Resource matched but whose Condition did not hold, with why
 *                  (what a reviewer wants to see when a request expected to be denied was not)
 */
public record Decision(Outcome outcome, Request request, List<StatementRef> denies, List<NearMiss> nearMisses) {

    /** DENIED or NOT_DENIED. NOT_DENIED is not "allowed": identity policies must still allow the request. */
    public enum Outcome { DENIED, NOT_DENIED }

    /**
     * A Deny statement that matched the action and resource but not its condition.
     *
     * @param statement the statement
     * @param reason    the first condition clause that did not hold
     */
    public record NearMiss(StatementRef statement, String reason) {
        @Override
        public String toString() {
            return statement + " did not apply: " + reason;
        }
    }

    public Decision {
        denies = List.copyOf(denies);
        nearMisses = List.copyOf(nearMisses);
    }

    public boolean isDenied() {
        return outcome == Outcome.DENIED;
    }

    /** The statement that decided a DENIED outcome. */
    public Optional<StatementRef> decidingStatement() {
        return denies.isEmpty() ? Optional.empty() : Optional.of(denies.get(0));
    }

    /** One sentence: what decided the outcome. */
    public String explain() {
        if (isDenied()) {
            return "denied by " + denies.get(0) + (denies.size() > 1 ? " (and " + (denies.size() - 1) + " more)" : "");
        }
        if (nearMisses.isEmpty()) {
            return "no Deny statement matches this action and resource";
        }
        return "no Deny statement applies; " + nearMisses.get(0) + (nearMisses.size() > 1 ? " (and " + (nearMisses.size() - 1) + " more)" : "");
    }
}
