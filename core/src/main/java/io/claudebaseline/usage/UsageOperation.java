package io.claudebaseline.usage;

import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.TrailSelectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code usage}: read the configured trail's Claude Platform events back and compare them with the allow-lists.
 * Read-only: DescribeTrails, GetEventSelectors, then ListObjectsV2/GetObject or FilterLogEvents, then GetTrailStatus
 * and LookupEvents for whether the trail logged the window ({@link TrailHistory}). Also the two
 * offline paths, for trails too large for one machine: print the Athena query, or analyse its CSV result.
 */
public final class UsageOperation {
    private UsageOperation() {}

    /** Objects read in parallel from S3 (each a stream, a few MB at most once decompressed). */
    public static final int DEFAULT_CONCURRENCY = 8;

    /** The file the suggested change is written to in the report directory. */
    public static final String DIFF_FILE = "suggested-allowlist.diff";

    /** True when the request reads the trail (not when it only prints SQL or reads Athena's CSV). */
    public static boolean needsAws(EngineRequest request) {
        return request.usage().emitSql() == null && request.usage().fromResults() == null;
    }

    /** Checks the request's usage options before anything is read; throws naming the option. */
    public static void check(EngineRequest request, Baseline baseline) {
        EngineRequest.UsageWindow u = request.usage();
        Window.of(u, Instant.now());
        if (u.emitSql() != null && !"athena".equalsIgnoreCase(u.emitSql().trim())) {
            throw new IllegalArgumentException("--emit-sql '" + u.emitSql() + "' is not a supported dialect; give athena");
        }
        if (u.emitSql() != null && u.fromResults() != null) {
            throw new IllegalArgumentException("give either --emit-sql or --from-results, not both");
        }
        if (u.source() != null && !Set.of("auto", "s3", "logs").contains(u.source().trim().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--source '" + u.source() + "' is not one of: auto, s3, logs");
        }
        if (u.fromResults() != null && !Files.isReadable(u.fromResults())) {
            throw new IllegalArgumentException("--from-results " + u.fromResults() + " is not a readable file; give the CSV Athena wrote for the --emit-sql query");
        }
        if (needsAws(request) && baseline.trail().isEmpty()) {
            throw new IllegalArgumentException("usage reads the trail named in controls.cloudTrailDataEvents (trailName, homeRegion),"
                    + " which is not enabled in this config; enable it, or use --emit-sql athena / --from-results");
        }
    }

    /** {@code --emit-sql athena} or {@code --from-results FILE}: no AWS call. */
    public static EngineResult offline(Baseline baseline, EngineRequest request, Progress progress) throws IOException {
        BaselineConfig config = baseline.config();
        Window window = Window.of(request.usage(), Instant.now());
        if (request.usage().emitSql() != null) {
            String sql = AthenaQuery.render(config, window, request.usage().athenaTable());
            return new EngineResult(io.claudebaseline.engine.api.Action.USAGE, true, 0, List.of(), List.of(), List.of(), null, sql,
                    java.util.Map.of("athenaQuery", sql));
        }
        UsageAggregator aggregator = aggregator(config, window);
        long rows = AthenaResults.read(request.usage().fromResults(), normalizer(config), aggregator);
        progress.line("usage: read " + rows + " result row(s) from " + request.usage().fromResults());
        return finish(baseline, request, aggregator, "Athena results " + request.usage().fromResults(), null, null);
    }

    /** Reads the trail (S3 or CloudWatch Logs) and analyses it. */
    public static EngineResult live(Baseline baseline, EngineRequest request, AwsClients aws, Progress progress) throws Exception {
        BaselineConfig config = baseline.config();
        Window window = Window.of(request.usage(), Instant.now());
        TrailSelectors trail = baseline.trail().orElseThrow();
        TrailLocation location = TrailLocation.read(trail, config.workspaces(), config.partition(), aws);
        EventReader reader = reader(request, config, location, aws);
        progress.line("usage: " + window.from() + " to " + window.to() + " from trail " + location.trailName() + " (" + reader.describe() + ")");
        // Before the (possibly long) read: a refused GetTrailStatus fails at once, like an unreadable bucket.
        SelectorTimeline selectors = TrailHistory.read(aws.cloudTrail(location.homeRegion()), location, window, Instant.now(),
                s -> TrailLocation.coversAll(s, config.workspaces(), config.partition()));
        progress.line("usage: " + selectors.sentence());
        UsageAggregator aggregator = aggregator(config, window);
        ReadStats stats = reader.read(window.from(), window.to(), aggregator, progress);
        return finish(baseline, request, aggregator, reader.describe(), stats, selectors);
    }

    static EventReader reader(EngineRequest request, BaselineConfig config, TrailLocation location, AwsClients aws) {
        String source = request.usage().source() == null ? "auto" : request.usage().source().trim().toLowerCase(Locale.ROOT);
        boolean hasGroup = location.logGroupName() != null;
        if ("logs".equals(source) && !hasGroup) {
            throw new IllegalArgumentException("--source logs: trail " + location.trailName() + " sends no events to CloudWatch Logs;"
                    + " use --source s3 (every trail delivers to S3)");
        }
        if ("logs".equals(source) || "auto".equals(source) && hasGroup) {
            return new LogsEventReader(aws.logs(location.logGroupRegion()), location.logGroupName());
        }
        List<WorkspaceConfig> ws = config.workspaces();
        Set<String> accounts = ws.stream().anyMatch(w -> WorkspaceConfig.ANY.equals(w.account())) ? null
                : ws.stream().map(WorkspaceConfig::account).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> regions = ws.stream().anyMatch(w -> WorkspaceConfig.ANY.equals(w.region())) ? null
                : ws.stream().map(WorkspaceConfig::region).collect(Collectors.toCollection(java.util.TreeSet::new));
        return new S3EventReader(aws.s3(location.homeRegion()), location.bucket(), location.keyPrefix(), accounts, regions,
                DEFAULT_CONCURRENCY, location.kmsKeyId());
    }

    static UsageAggregator aggregator(BaselineConfig config, Window window) {
        return new UsageAggregator(config.workspaces(), normalizer(config), window.from(), window.to());
    }

    static PrincipalNormalizer normalizer(BaselineConfig config) {
        return new PrincipalNormalizer(config.controls().denyShadowUsers().userNamePattern());
    }

    /** Findings, the suggested diff (written to the report directory too) and the result. */
    static EngineResult finish(Baseline baseline, EngineRequest request, UsageAggregator aggregator, String source, ReadStats stats,
                               SelectorTimeline selectors) throws IOException {
        BaselineConfig config = baseline.config();
        List<WorkspaceUsage> workspaces = new ArrayList<>();
        aggregator.byWorkspace().forEach((w, principals) -> workspaces.add(WorkspaceUsage.analyse(w, principals, config.exemptPrincipals())));
        List<AllowListSuggestion.Edit> edits = new ArrayList<>();
        for (int i = 0; i < workspaces.size(); i++) {
            WorkspaceUsage w = workspaces.get(i);
            if (w.suggested() != null) {
                List<String> flag = w.unusedWildcards();
                List<String> remove = w.unusedEntries().stream().filter(e -> !flag.contains(e)).toList();
                edits.add(new AllowListSuggestion.Edit(i, remove, flag));
            }
        }
        String note = "between " + aggregator.from() + " and " + aggregator.to();
        String text = Files.readString(request.configPath(), StandardCharsets.UTF_8);
        AllowListSuggestion.Result suggestion = AllowListSuggestion.suggest(request.configPath(), text, edits, note);
        UsageFindings findings = new UsageFindings(aggregator.from(), aggregator.to(), source, stats, aggregator.events(), workspaces,
                List.copyOf(aggregator.withoutWorkspace().values()), aggregator.unlistedWorkspaces(), selectors, suggestion);
        List<Path> artifacts = new ArrayList<>();
        if (request.reportDir() != null && !suggestion.diff().isEmpty()) {
            Files.createDirectories(request.reportDir());
            Files.writeString(request.reportDir().resolve(DIFF_FILE), suggestion.diff(), StandardCharsets.UTF_8);
            artifacts.add(Path.of(DIFF_FILE));
        }
        return UsageResult.of(findings, config.controls().protectWorkspaces().enabled(), artifacts);
    }
}
