package io.claudebaseline.usage;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one principal did on one workspace: counts per outcome and per action, first and last seen, and the
 * latest few denied attempts. Its size depends on the number of distinct actions (a few dozen at most), never on
 * the number of events. Not thread-safe: {@link UsageAggregator} guards it.
 */
final class PrincipalUsage {
    /** Denied attempts kept per principal and workspace (the latest ones); the count covers all of them. */
    static final int DENIED_SAMPLES = 5;

    /** One refused call, with where it came from. */
    record DeniedAttempt(Instant time, String action, String sourceIp, String userAgent, String errorCode, boolean byScp) {}

    final Principal principal;
    long authorised;
    long deniedByScp;
    long denied;
    long longTermKey;
    Instant first;
    Instant last;
    final Map<String, Long> actions = new TreeMap<>();
    private final Deque<DeniedAttempt> deniedSamples = new ArrayDeque<>();

    PrincipalUsage(Principal principal) {
        this.principal = principal;
    }

    void add(Observation o) {
        long n = o.count();
        switch (o.outcome()) {
            case ALLOWED, FAILED -> authorised += n;
            case DENIED_BY_SCP -> deniedByScp += n;
            case DENIED -> denied += n;
        }
        if (o.longTermKey()) {
            longTermKey += n;
        }
        actions.merge(o.action() == null ? "(unknown)" : o.action(), n, Long::sum);
        if (first == null || o.first().isBefore(first)) {
            first = o.first();
        }
        if (last == null || o.last().isAfter(last)) {
            last = o.last();
        }
        if (o.outcome().denied()) {
            deniedSamples.addLast(new DeniedAttempt(o.last(), o.action(), o.sourceIp(), o.userAgent(), o.errorCode(),
                    o.outcome() == Outcome.DENIED_BY_SCP));
            // Keep the latest ones: records arrive roughly in time order, and the most recent attempt matters most.
            List<DeniedAttempt> sorted = deniedSamples.stream().sorted(java.util.Comparator.comparing(DeniedAttempt::time)).toList();
            deniedSamples.clear();
            sorted.stream().skip(Math.max(0, sorted.size() - DENIED_SAMPLES)).forEach(deniedSamples::addLast);
        }
    }

    long events() {
        return authorised + deniedByScp + denied;
    }

    List<DeniedAttempt> deniedSamples() {
        return List.copyOf(deniedSamples);
    }
}
