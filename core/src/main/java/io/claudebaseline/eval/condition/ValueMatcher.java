package io.claudebaseline.eval.condition;

import io.claudebaseline.eval.Request;

/** One policy value of a condition clause, compiled: compares it with one request value. */
@FunctionalInterface
public interface ValueMatcher {
    /**
     * @param requestValue one value of the key from the request
     * @param request      the whole request, for policy variables
     */
    boolean matches(String requestValue, Request request);
}
