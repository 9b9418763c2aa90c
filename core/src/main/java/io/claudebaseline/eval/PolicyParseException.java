package io.claudebaseline.eval;

/**
 * A policy document the evaluator cannot read: not JSON, or not a policy it can evaluate. The message names the
 * policy and the path inside it (e.g. {@code Statement[1].Condition.StringEqulas}) and what is wrong.
 */
public class PolicyParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String policyName;
    private final String path;

    public PolicyParseException(String policyName, String path, String problem) {
        super("policy '" + policyName + "'" + (path == null || path.isEmpty() ? "" : " at " + path) + ": " + problem);
        this.policyName = policyName;
        this.path = path;
    }

    public String policyName() {
        return policyName;
    }

    public String path() {
        return path;
    }
}
