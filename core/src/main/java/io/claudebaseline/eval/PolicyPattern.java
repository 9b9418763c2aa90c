package io.claudebaseline.eval;

/**
 * A policy value compiled once: the wildcard pattern itself when it has no policy variables (or the policy's
 * version has none), otherwise the text, resolved against each request by {@link PolicyVariables}. Compiling
 * per policy instead of per request is what keeps evaluation of many requests cheap.
 */
public final class PolicyPattern {
    private final String text;
    private final boolean variables;
    private final WildcardMatcher fixed;

    private PolicyPattern(String text, boolean variables, WildcardMatcher fixed) {
        this.text = text;
        this.variables = variables;
        this.fixed = fixed;
    }

    /**
     * @param text      the value as written in the policy
     * @param variables whether the policy's version supports policy variables
     */
    public static PolicyPattern of(String text, boolean variables) {
        boolean dynamic = variables && text.contains("${");
        return new PolicyPattern(text, variables, dynamic ? null : WildcardMatcher.compile(text));
    }

    /** The pattern for {@code request}: the compiled one, or the text with the request's variables substituted. */
    public WildcardMatcher resolve(Request request) {
        return fixed != null ? fixed : PolicyVariables.resolve(text, request, variables);
    }

    /** True when the pattern is the same for every request. */
    public boolean isFixed() {
        return fixed != null;
    }

    /** True when the pattern matches exactly one value: no variables and no wildcards. */
    public boolean isLiteral() {
        return fixed != null && text.indexOf('*') < 0 && text.indexOf('?') < 0;
    }

    /** The value as written in the policy. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
