package io.claudebaseline.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /** service prefix (or ANY) → literal resource (or ANY) → statements, each list in statement order. */
    private final Map<String, Map<String, List<CompiledStatement>>> byServiceThenResource = new HashMap<>();

    StatementIndex(List<CompiledStatement> statements) {
        this.all = List.copyOf(statements);
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
    }

    /** The statements that may apply to {@code request}, in statement order. */
    List<CompiledStatement> candidates(Request request) {
        String action = request.action();
        if (action.indexOf(':') >= 0 && CompiledStatement.servicePrefix(action) == null) {
            // A non-ASCII service prefix: case-insensitive matching may pair it with any pattern, so try them all.
            return all;
        }
        String service = CompiledStatement.servicePrefix(action);
        List<List<CompiledStatement>> lists = new ArrayList<>(4);
        if (service != null) {
            add(lists, byServiceThenResource.get(service), request.resource());
        }
        add(lists, byServiceThenResource.get(ANY), request.resource());
        return merge(lists);
    }

    private static void add(List<List<CompiledStatement>> lists, Map<String, List<CompiledStatement>> byResource, String resource) {
        if (byResource == null) {
            return;
        }
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
        if (lists.size() == 1) {
            return lists.get(0);
        }
        List<CompiledStatement> out = new ArrayList<>();
        lists.forEach(out::addAll);
        out.sort((a, b) -> Integer.compare(a.ordinal, b.ordinal));
        List<CompiledStatement> unique = new ArrayList<>(out.size());
        for (CompiledStatement st : out) {
            if (unique.isEmpty() || unique.get(unique.size() - 1) != st) {
                unique.add(st);
            }
        }
        return unique;
    }
}
