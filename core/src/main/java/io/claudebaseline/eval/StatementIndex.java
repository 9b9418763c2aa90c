package io.claudebaseline.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the statements that can apply to a request without trying them all: each statement is filed under the
 * service prefixes of its Action patterns (when none has a wildcard before the colon) and under its Resource
 * ARNs (when all are literal), or under "any" for what it does not pin down. A request then looks up at most
 * four lists: its service and resource, its service and any resource, any service and its resource, any and
 * any. The lists only narrow the search; every candidate is still matched in full, so a statement the index
 * cannot classify is simply always a candidate.
 */
final class StatementIndex {
    private static final String ANY = "";

    private final List<CompiledStatement> all;
    /**
     * service prefix (or ANY) → literal resource (or ANY) → the candidates of a request with that service and
     * resource, in statement order: the statements filed under the service and the resource, the service and any
     * resource, any service and the resource, any and any, merged once here instead of for every request.
     */
    private final Map<String, Map<String, List<CompiledStatement>>> candidates = new HashMap<>();
    /** An action's service prefix ({@link CompiledStatement#servicePrefix}), or NONE; requests share a few actions. */
    private final Map<String, String> servicePrefixes = new ConcurrentHashMap<>();
    /** Marks an action without a usable service prefix in {@link #servicePrefixes} (compared by identity). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String NONE = new String("no service prefix");

    StatementIndex(List<CompiledStatement> statements) {
        this.all = List.copyOf(statements);
        // service prefix (or ANY) → literal resource (or ANY) → statements, each list in statement order.
        Map<String, Map<String, List<CompiledStatement>>> byServiceThenResource = new HashMap<>();
        for (CompiledStatement st : all) {
            List<String> services = st.servicePrefixes();
            List<String> resources = st.literalResources();
            for (String service : services == null ? List.of(ANY) : services) {
                Map<String, List<CompiledStatement>> byResource = byServiceThenResource.computeIfAbsent(service, k -> new HashMap<>());
                for (String resource : resources == null ? List.of(ANY) : resources) {
                    List<CompiledStatement> list = byResource.computeIfAbsent(resource, k -> new ArrayList<>());
                    // Statements arrive in order, so a repeated key (iam:A and iam:B) would be the last entry.
                    if (list.isEmpty() || list.get(list.size() - 1) != st) {
                        list.add(st);
                    }
                }
            }
        }
        Map<String, List<CompiledStatement>> anyService = byServiceThenResource.getOrDefault(ANY, Map.of());
        Set<String> services = new HashSet<>(byServiceThenResource.keySet());
        services.add(ANY);
        for (String service : services) {
            Map<String, List<CompiledStatement>> byResource = byServiceThenResource.getOrDefault(service, Map.of());
            Set<String> resources = new HashSet<>(byResource.keySet());
            resources.addAll(anyService.keySet());
            resources.add(ANY);
            Map<String, List<CompiledStatement>> merged = new HashMap<>();
            for (String resource : resources) {
                List<List<CompiledStatement>> lists = new ArrayList<>(4);
                add(lists, byResource, resource);
                if (!ANY.equals(service)) {
                    add(lists, anyService, resource);
                }
                merged.put(resource, merge(lists));
            }
            candidates.put(service, merged);
        }
    }

    /** The statements that may apply to {@code request}, in statement order. */
    List<CompiledStatement> candidates(Request request) {
        String action = request.action();
        String service = servicePrefixes.get(action);
        if (service == null) {
            String prefix = CompiledStatement.servicePrefix(action);
            service = prefix == null ? NONE : prefix;
            servicePrefixes.put(action, service);
        }
        if (service == NONE && action.indexOf(':') >= 0) {
            // A non-ASCII service prefix: case-insensitive matching may pair it with any pattern, so try them all.
            return all;
        }
        Map<String, List<CompiledStatement>> byResource = service == NONE ? null : candidates.get(service);
        if (byResource == null) {
            byResource = candidates.get(ANY);
        }
        String resource = request.resource();
        List<CompiledStatement> exact = ANY.equals(resource) ? null : byResource.get(resource);
        return exact != null ? exact : byResource.get(ANY);
    }

    private static void add(List<List<CompiledStatement>> lists, Map<String, List<CompiledStatement>> byResource, String resource) {
        List<CompiledStatement> exact = byResource.get(resource);
        if (exact != null && !ANY.equals(resource)) {
            lists.add(exact);
        }
        List<CompiledStatement> any = byResource.get(ANY);
        if (any != null) {
            lists.add(any);
        }
    }

    /**
     * The lists' statements in statement order, each once (a statement lands in two lists only when one of its
     * literal resources is the empty string, the "any" key).
     */
    private static List<CompiledStatement> merge(List<List<CompiledStatement>> lists) {
        List<CompiledStatement> out = new ArrayList<>();
        lists.forEach(out::addAll);
        out.sort((a, b) -> Integer.compare(a.ordinal, b.ordinal));
        List<CompiledStatement> unique = new ArrayList<>(out.size());
        for (CompiledStatement st : out) {
            if (unique.isEmpty() || unique.get(unique.size() - 1) != st) {
                unique.add(st);
            }
        }
        return List.copyOf(unique);
    }
}
