package io.claudebaseline.lint;

import io.claudebaseline.eval.WildcardMatcher;
import io.claudebaseline.facts.ServiceReference;
import io.claudebaseline.facts.ServiceReference.ActionInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves an {@code Action} entry against the service reference: the actions it names (a wildcard may name
 * several), and for a name that matches nothing, the nearest real names. IAM ignores the case of action names,
 * so resolution does too.
 */
final class ActionResolver {
    /** Suggestions further than this many edits from the typed name would not help. */
    private static final int MAX_SUGGESTION_DISTANCE = 3;
    private static final int MAX_SUGGESTIONS = 3;

    private final ServiceReference reference;

    ActionResolver(ServiceReference reference) {
        this.reference = reference;
    }

    /**
     * The actions {@code entry} names, or empty when the reference cannot say: the entry is {@code *} or its
     * service is not in the snapshot.
     */
    Optional<List<ActionInfo>> resolve(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0 || !reference.covers(entry.substring(0, colon))) {
            return Optional.empty();
        }
        String service = entry.substring(0, colon);
        String name = entry.substring(colon + 1);
        if (name.indexOf('*') < 0 && name.indexOf('?') < 0) {
            return Optional.of(reference.action(entry).map(List::of).orElse(List.of()));
        }
        WildcardMatcher pattern = WildcardMatcher.compile(name);
        return Optional.of(reference.actions(service).stream().filter(a -> pattern.matches(a.name(), true)).toList());
    }

    /**
     * The action names of the entry's service nearest to its name (case-insensitive edit distance): those at the
     * smallest distance found, at most three, and none when even the nearest is far off.
     */
    List<String> nearest(String entry) {
        int colon = entry.indexOf(':');
        String typed = entry.substring(colon + 1).toLowerCase(Locale.ROOT);
        int limit = Math.min(MAX_SUGGESTION_DISTANCE, Math.max(1, typed.length() / 3));
        record Candidate(String name, int distance) {}
        List<Candidate> near = reference.actions(entry.substring(0, colon)).stream()
                .map(a -> new Candidate(a.name(), distance(typed, a.name().toLowerCase(Locale.ROOT))))
                .filter(c -> c.distance() <= limit)
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name)).toList();
        return near.stream().filter(c -> c.distance() == near.get(0).distance()).limit(MAX_SUGGESTIONS).map(Candidate::name).toList();
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
