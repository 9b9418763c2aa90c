package io.claudebaseline.usage;

import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code verify --denied-attempts 24h}: reads the trail's Claude events of the last 24 hours (the same reader as
 * {@code usage}) and adds, per protected workspace, a check that WARNs (or FAILs, with
 * {@code deniedAttemptsLevel: FAIL}) when principals outside its allow-list were refused by an SCP, naming them.
 */
public final class DeniedAttemptsCheck {
    private DeniedAttemptsCheck() {}

    /** Checks the options before any AWS call. */
    public static void checkRequest(EngineRequest request, Baseline baseline) {
        if (request.deniedAttempts() == null) {
            return;
        }
        if (request.deniedAttempts().isNegative() || request.deniedAttempts().isZero()) {
            throw new IllegalArgumentException("--denied-attempts must be a positive duration such as 24h");
        }
        if (request.deniedAttemptsLevel() != CheckStatus.WARN && request.deniedAttemptsLevel() != CheckStatus.FAIL) {
            throw new IllegalArgumentException("--denied-attempts-level '" + request.deniedAttemptsLevel() + "' is not one of: WARN, FAIL");
        }
        if (baseline.trail().isEmpty()) {
            throw new IllegalArgumentException("--denied-attempts reads the trail named in controls.cloudTrailDataEvents, which is not"
                    + " enabled in this config; enable it (trailName, homeRegion) or drop --denied-attempts");
        }
    }

    public static List<CheckResult> run(Baseline baseline, EngineRequest request, AwsClients aws, Progress progress) throws Exception {
        BaselineConfig config = baseline.config();
        Instant now = Instant.now();
        Window window = new Window(now.minus(request.deniedAttempts()), now);
        TrailLocation location = TrailLocation.read(baseline.trail().orElseThrow(), config.workspaces(), config.partition(), aws);
        EventReader reader = UsageOperation.reader(request, config, location, aws);
        UsageAggregator aggregator = UsageOperation.aggregator(config, window);
        ReadStats stats = reader.read(window.from(), window.to(), aggregator, progress);
        List<CheckResult> out = new ArrayList<>();
        String span = "in the last " + request.deniedAttempts().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                + " (" + window.from() + " to " + window.to() + ", " + reader.describe() + ")";
        for (var e : aggregator.byWorkspace().entrySet()) {
            WorkspaceUsage w = WorkspaceUsage.analyse(e.getKey(), e.getValue(), config.exemptPrincipals());
            String check = "denied-attempts:" + w.workspace().id();
            if (w.deniedOutsiders().isEmpty()) {
                out.add(CheckResult.pass(Control.PROTECT_WORKSPACES.id(), check, "No principal outside the allow-list of "
                        + w.workspace().id() + " was refused by an SCP " + span + "."));
                continue;
            }
            long n = w.deniedOutsiders().stream().mapToLong(p -> p.deniedByScp).sum();
            out.add(new CheckResult(Control.PROTECT_WORKSPACES.id(), check, request.deniedAttemptsLevel(), n + " call(s) on "
                    + w.workspace().id() + " by principal(s) outside its allow-list were refused by an SCP " + span + ": "
                    + UsageResult.principals(w.deniedOutsiders()) + "; find out who they are (claude-baseline usage shows source IPs and user agents).",
                    Map.of("principals", w.deniedOutsiders().stream().map(p -> p.principal.arn()).toList())));
        }
        if (stats.skippedCount() > 0) {
            out.add(CheckResult.warn(Control.CLOUDTRAIL_DATA_EVENTS.id(), "denied-attempts-unreadable", stats.skippedCount()
                    + " trail object(s) could not be read " + span + ", so denied attempts in them are not counted."));
        }
        return out;
    }
}
