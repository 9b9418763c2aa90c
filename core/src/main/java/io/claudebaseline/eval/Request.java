package io.claudebaseline.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One request to evaluate: who (principal ARN), what (action), on what (resource ARN, or {@code *} for actions
 * that take no resource) and the request context (condition keys and their values).
 *
 * <p>{@code aws:PrincipalArn} is filled from {@code principal} unless the caller set it: it is the key the
 * baseline's exemptions test, and for assumed roles it holds the ROLE ARN, so callers pass role ARNs.
 * Condition key names are case-insensitive in AWS (reference_policies_elements_condition.html), so lookups
 * ignore case; values keep theirs.
 *
 * @param principal principal ARN (an IAM role or user ARN)
 * @param action    {@code service:Action}
 * @param resource  resource ARN, or {@code *}
 * @param context   condition keys to values; a key with several values is multivalued
 */
public record Request(String principal, String action, String resource, Map<String, List<String>> context) {

    /** Context key AWS sets to the calling principal's ARN (the role ARN for an assumed role). */
    public static final String PRINCIPAL_ARN_KEY = "aws:PrincipalArn";

    public Request {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        resource = resource == null ? "*" : resource;
        context = context == null || context.isEmpty()
                // Most requests (simulate's tens of thousands) carry only aws:PrincipalArn: one entry, no table.
                ? Collections.singletonMap(PRINCIPAL_ARN_KEY, List.of(principal))
                : isPrincipalOnly(principal, context) ? context : withPrincipalArn(principal, context);
    }

    private static final Class<?> SINGLETON_MAP = Collections.singletonMap("", List.of()).getClass();

    /**
     * True when {@code context} is the immutable one-entry context this constructor makes for {@code principal}
     * (taken from another request of the same principal): it is kept as it is, so such requests share it.
     */
    private static boolean isPrincipalOnly(String principal, Map<String, List<String>> context) {
        if (context.getClass() != SINGLETON_MAP) {
            return false;
        }
        List<String> values = context.get(PRINCIPAL_ARN_KEY);
        return values != null && values.size() == 1 && principal.equals(values.get(0)) && List.copyOf(values) == values;
    }

    private static Map<String, List<String>> withPrincipalArn(String principal, Map<String, List<String>> context) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        context.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
        boolean hasPrincipalArn = copy.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(PRINCIPAL_ARN_KEY));
        if (!hasPrincipalArn) {
            copy.put(PRINCIPAL_ARN_KEY, List.of(principal));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** A request with no context beyond {@code aws:PrincipalArn}. */
    public static Request of(String principal, String action, String resource) {
        return new Request(principal, action, resource, Map.of());
    }

    /** Returns a copy with one more single-valued context key. */
    public Request with(String key, String... values) {
        Map<String, List<String>> more = new LinkedHashMap<>(context);
        more.put(key, List.of(values));
        return new Request(principal, action, resource, more);
    }

    /** The values of a context key (case-insensitive name), or null when the key is not in the request. */
    public List<String> values(String key) {
        List<String> exact = context.get(key);
        if (exact != null) {
            return exact;
        }
        String wanted = key.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> e : context.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** {@code action on resource by principal}, for messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder(action.length() + resource.length() + principal.length() + 8).append(action).append(" on ").append(resource).append(" by ").append(principal);
        context.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(PRINCIPAL_ARN_KEY)) {
                sb.append(" with ").append(k).append('=').append(v.size() == 1 ? v.get(0) : v.toString());
            }
        });
        return sb.toString();
    }
}
