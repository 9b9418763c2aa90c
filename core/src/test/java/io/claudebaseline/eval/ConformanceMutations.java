package io.claudebaseline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claudebaseline.facts.ServiceReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded variations of the conformance rows' requests for {@link DifferentialEvaluatorTest}: each row's policy against
 * its request with the keys its condition tests removed, or set to values taken from the other rows (the policies'
 * own values included, so boundaries are hit: equal, one more, other case), with another principal or with the action
 * in other letter case. The rows exercise every operator, so this is where the two evaluators' operator semantics meet.
 * Only rows whose keys AWS can send for the action are varied (see {@link #comparable}).
 */
final class ConformanceMutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServiceReference REFERENCE = ServiceReference.bundled();
    /** Typed keys whose values must stay well-formed for their type; string and ARN keys also get the policies' values. */
    private static final Set<String> TYPED = Set.of("Numeric", "Date", "IPAddress", "Bool", "Binary");

    private ConformanceMutations() {}

    static List<DifferentialCase> of(List<DifferentialCase> rows, long seed, int perRow) throws Exception {
        Map<String, Set<String>> pool = pool(rows);
        Set<String> principals = new LinkedHashSet<>();
        rows.forEach(r -> principals.add(r.request().principal()));
        principals.add("arn:aws:iam::111122223333:role/breakglassadmin");
        principals.add("arn:aws:iam::111122223333:role/claude-prod-deployer-2");
        principals.add("arn:aws:iam::111122223333:user/claude-prod-deployer");
        List<String> principalList = List.copyOf(principals);
        Random random = new Random(seed);
        List<DifferentialCase> out = new ArrayList<>();
        for (DifferentialCase row : rows) {
            List<String> keys = conditionKeys(row);
            if (keys == null || !comparable(row, keys)) {
                continue;
            }
            for (int n = 0; n < perRow; n++) {
                Request base = row.request();
                Map<String, List<String>> context = new LinkedHashMap<>();
                base.context().forEach((k, v) -> {
                    if (!k.equalsIgnoreCase(Request.PRINCIPAL_ARN_KEY)) {
                        context.put(k, v);
                    }
                });
                List<String> how = new ArrayList<>();
                String principal = base.principal();
                String action = base.action();
                for (String key : keys) {
                    if (key.equalsIgnoreCase(Request.PRINCIPAL_ARN_KEY) || random.nextBoolean()) {
                        continue;
                    }
                    context.keySet().removeIf(k -> k.equalsIgnoreCase(key));
                    List<String> candidates = List.copyOf(pool.getOrDefault(key.toLowerCase(Locale.ROOT), Set.of()));
                    if (candidates.isEmpty() || random.nextInt(4) == 0) {
                        how.add("without " + key);
                        continue;
                    }
                    List<String> values = new ArrayList<>();
                    int size = isList(key) ? random.nextInt(3) : 1;
                    for (int i = 0; i < size; i++) {
                        values.add(candidates.get(random.nextInt(candidates.size())));
                    }
                    context.put(key, values);
                    how.add(key + "=" + values);
                }
                if (random.nextInt(3) == 0) {
                    principal = principalList.get(random.nextInt(principalList.size()));
                    how.add("principal " + principal);
                }
                if (random.nextInt(4) == 0) {
                    action = random.nextBoolean() ? action.toLowerCase(Locale.ROOT) : action.toUpperCase(Locale.ROOT);
                    how.add("action " + action);
                }
                out.add(new DifferentialCase(row.id().replaceFirst("^conformance:", "conformance-mutation:") + ":" + n,
                        row.origin() + " — varied: " + String.join("; ", how), row.policySet(), row.levels(),
                        new Request(principal, action, base.resource(), context)));
            }
        }
        return out;
    }

    /** Every condition key's values across the rows: the requests' and, for string and ARN keys, the policies'. */
    private static Map<String, Set<String>> pool(List<DifferentialCase> rows) throws Exception {
        Map<String, Set<String>> pool = new LinkedHashMap<>();
        for (DifferentialCase row : rows) {
            row.request().context().forEach((k, v) -> pool.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new LinkedHashSet<>()).addAll(v));
            JsonNode doc = document(row);
            if (doc == null) {
                continue;
            }
            for (JsonNode st : statements(doc)) {
                for (var op : st.path("Condition").properties()) {
                    for (var key : op.getValue().properties()) {
                        String type = REFERENCE.keyType(key.getKey()).orElse("String");
                        if (TYPED.contains(type)) {
                            continue;
                        }
                        Set<String> values = pool.computeIfAbsent(key.getKey().toLowerCase(Locale.ROOT), x -> new LinkedHashSet<>());
                        for (JsonNode v : key.getValue().isArray() ? key.getValue() : JSON.createArrayNode().add(key.getValue())) {
                            String text = v.asText();
                            if (!text.contains("*") && !text.contains("?") && !text.contains("${")) {
                                values.add(text);
                                values.add(text.toUpperCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        }
        // Boundaries of the numeric rows (30, 90, 366 days; 10 = 10.0) and a few more well-formed values.
        pool.computeIfAbsent("iam:servicespecificcredentialagedays", x -> new LinkedHashSet<>())
                .addAll(List.of("29", "30", "30.0", "31", "90", "365", "366", "0"));
        pool.computeIfAbsent("aws:currenttime", x -> new LinkedHashSet<>())
                .addAll(List.of("2026-05-14T23:59:59Z", "2026-05-15T00:00:00Z", "2026-05-15T00:00:01Z"));
        pool.computeIfAbsent("aws:sourceip", x -> new LinkedHashSet<>()).addAll(List.of("203.0.113.0", "203.0.113.255", "203.0.114.1", "2001:db8:1234:5679::1"));
        return pool;
    }

    /** The condition keys the row's policy tests, or null when the policy is not JSON (an error row). */
    private static List<String> conditionKeys(DifferentialCase row) throws Exception {
        JsonNode doc = document(row);
        if (doc == null) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode st : statements(doc)) {
            st.path("Condition").properties().forEach(op -> op.getValue().properties().forEach(k -> keys.add(k.getKey())));
        }
        return List.copyOf(keys);
    }

    /**
     * Whether the row's request and its policy's keys are ones AWS can send for the action (global keys or keys the
     * reference lists for it), and the policy is one our parser reads: otherwise the peer would evaluate another request.
     */
    private static boolean comparable(DifferentialCase row, List<String> keys) {
        try {
            ScpEvaluator.of(row.policies());
        } catch (PolicyParseException e) {
            return false;
        }
        ServiceReference.ActionInfo info = REFERENCE.action(row.request().action()).orElse(null);
        List<String> all = new ArrayList<>(keys);
        all.addAll(row.request().context().keySet());
        return all.stream().allMatch(k -> REFERENCE.isGlobalKey(k) || (info != null && info.hasConditionKey(k)));
    }

    private static boolean isList(String key) {
        return REFERENCE.keyType(key).map(t -> t.startsWith("ArrayOf")).orElse(false);
    }

    private static JsonNode document(DifferentialCase row) {
        try {
            return JSON.readTree(row.policies().get(0).content());
        } catch (Exception e) {
            return null;
        }
    }

    private static List<JsonNode> statements(JsonNode doc) {
        JsonNode st = doc.path("Statement");
        List<JsonNode> out = new ArrayList<>();
        if (st.isArray()) {
            st.forEach(out::add);
        } else if (st.isObject()) {
            out.add(st);
        }
        return out;
    }
}
