package io.claudebaseline.eval;

import java.util.List;

/**
 * Resolves IAM policy variables ({@code ${aws:PrincipalTag/team}}, {@code ${aws:username, 'default'}}) in a
 * policy value against a request, producing a {@link WildcardMatcher}.
 *
 * <p>Rules modelled (reference_policies_variables.html): a variable is replaced by the request's value of that
 * key; {@code ${*}}, {@code ${?}} and {@code ${$}} stand for literal {@code *}, {@code ?} and {@code $}; a
 * default after a comma (in single quotes, {@code ''} for a quote) is used when the key is absent; a key that is absent (with no
 * default) or multivalued cannot be substituted and the value matches nothing. Substituted text is literal:
 * a {@code *} inside a tag value is not a wildcard. Policies with {@code "Version": "2008-10-17"} have no
 * variables, so their {@code ${...}} text is taken literally.
 */
public final class PolicyVariables {
    private PolicyVariables() {}

    /**
     * @param policyValue text from the policy
     * @param request     the request supplying variable values
     * @param enabled     false for 2008-10-17 policies: no substitution
     */
    public static WildcardMatcher resolve(String policyValue, Request request, boolean enabled) {
        if (!enabled || !policyValue.contains("${")) {
            return WildcardMatcher.compile(policyValue);
        }
        WildcardMatcher.Builder b = new WildcardMatcher.Builder();
        int i = 0;
        while (i < policyValue.length()) {
            int start = policyValue.indexOf("${", i);
            int end = start < 0 ? -1 : policyValue.indexOf('}', start + 2);
            if (start < 0 || end < 0) {
                b.wildcardText(policyValue.substring(i));
                break;
            }
            b.wildcardText(policyValue.substring(i, start));
            String body = policyValue.substring(start + 2, end).trim();
            String value = substitute(body, request);
            if (value == null) {
                return WildcardMatcher.never(policyValue);
            }
            b.literal(value);
            i = end + 1;
        }
        return b.build(policyValue);
    }

    private static String substitute(String body, Request request) {
        switch (body) {
            case "*":
                return "*";
            case "?":
                return "?";
            case "$":
                return "$";
            default:
                break;
        }
        String key = body;
        String fallback = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            key = body.substring(0, comma).trim();
            String d = body.substring(comma + 1).trim();
            if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
                // Inside a default, '' stands for one single quote.
                fallback = d.substring(1, d.length() - 1).replace("''", "'");
            }
        }
        List<String> values = request.values(key);
        if (values != null && values.size() == 1) {
            return values.get(0);
        }
        return values == null || values.isEmpty() ? fallback : null;
    }
}
