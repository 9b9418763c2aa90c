package io.claudebaseline.usage;

import io.claudebaseline.config.WorkspaceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds observations into per-workspace, per-principal usage. Memory grows with distinct workspaces × principals
 * (× actions), never with events. Thread-safe: readers on several threads hand it whole objects' events.
 */
final class UsageAggregator implements EventSink {
    private final Map<String, List<WorkspaceConfig>> configuredById = new LinkedHashMap<>();
    private final PrincipalNormalizer normalizer;
    private final Instant from;
    private final Instant to;

    private final Map<WorkspaceConfig, Map<String, PrincipalUsage>> byWorkspace = new LinkedHashMap<>();
    private final Map<String, PrincipalUsage> withoutWorkspace = new TreeMap<>();
    private final Map<String, Long> unlistedWorkspaces = new TreeMap<>();
    private long events;
    private long outsideWindow;

    /** Events at or after {@code from} and before {@code to} count; the others are counted as outside the window. */
    UsageAggregator(List<WorkspaceConfig> workspaces, PrincipalNormalizer normalizer, Instant from, Instant to) {
        this.normalizer = normalizer;
        this.from = from;
        this.to = to;
        for (WorkspaceConfig w : workspaces) {
            configuredById.computeIfAbsent(w.id(), k -> new ArrayList<>()).add(w);
            byWorkspace.put(w, new TreeMap<>());
        }
    }

    @Override
    public synchronized void accept(List<TrailEvent> batch) {
        for (TrailEvent e : batch) {
            if (e.eventTime().isBefore(from) || !e.eventTime().isBefore(to)) {
                outsideWindow++;
                continue;
            }
            add(Observation.of(e, normalizer));
        }
    }

    synchronized void add(Observation o) {
        events += o.count();
        if (o.workspaceArn() == null) {
            withoutWorkspace.computeIfAbsent(o.principal().arn(), k -> new PrincipalUsage(o.principal())).add(o);
            return;
        }
        WorkspaceConfig w = configured(o.workspaceArn());
        if (w == null) {
            unlistedWorkspaces.merge(o.workspaceArn(), o.count(), Long::sum);
            return;
        }
        byWorkspace.get(w).computeIfAbsent(o.principal().arn(), k -> new PrincipalUsage(o.principal())).add(o);
    }

    /** The configured workspace an ARN names (id, and region/account where the config gives them), or null. */
    private WorkspaceConfig configured(String arn) {
        WorkspaceRef ref = WorkspaceRef.parse(arn);
        for (WorkspaceConfig w : configuredById.getOrDefault(ref.id(), List.of())) {
            boolean region = WorkspaceConfig.ANY.equals(w.region()) || w.region().equals(ref.region());
            boolean account = WorkspaceConfig.ANY.equals(w.account()) || w.account().equals(ref.account());
            if (region && account) {
                return w;
            }
        }
        return null;
    }

    synchronized Map<WorkspaceConfig, Map<String, PrincipalUsage>> byWorkspace() {
        return byWorkspace;
    }

    synchronized Map<String, PrincipalUsage> withoutWorkspace() {
        return withoutWorkspace;
    }

    /** Events per workspace ARN the config does not list. */
    synchronized Map<String, Long> unlistedWorkspaces() {
        return unlistedWorkspaces;
    }

    /** Claude events within the window. */
    synchronized long events() {
        return events;
    }

    synchronized long outsideWindow() {
        return outsideWindow;
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }
}
