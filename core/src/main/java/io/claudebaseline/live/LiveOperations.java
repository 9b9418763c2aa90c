package io.claudebaseline.live;

import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.eval.NamedPolicy;
import io.claudebaseline.exceptions.Waivers;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.org.OrganizationAudit;
import io.claudebaseline.simulate.Simulator;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * plan, apply and verify against the live organisation: read ({@link LiveStateReader}), then diff
 * ({@link Planner}) and change ({@link Applier}), or check ({@link Verifier} plus the deny scenarios and the
 * organisation audit).
 */
public final class LiveOperations {
    private LiveOperations() {}

    /** Where apply writes its snapshot when no output directory is given (the same default as render). */
    static final Path DEFAULT_OUTPUT_DIR = Path.of("baseline");

    public static EngineResult plan(Baseline baseline, EngineRequest request, AwsClients aws, Progress progress) throws Exception {
        LiveState live = LiveStateReader.read(baseline, aws, LiveStateReader.Options.FOR_CHANGES, progress);
        Plan plan = Planner.plan(baseline, live);
        print(plan, progress);
        List<Path> artifacts = new ArrayList<>();
        Path planFile = request.planFile() != null ? request.planFile()
                : request.outputDir() != null ? request.outputDir().resolve("plan.json") : null;
        if (planFile != null) {
            if (planFile.toAbsolutePath().getParent() != null) {
                createDirectories(planFile.toAbsolutePath().getParent(), "the plan file's directory", "--out");
            }
            Applier.writeJson(planFile, plan.toJson());
            progress.line("Wrote the plan to " + planFile);
            artifacts.add(planFile);
        }
        refuseIfBlocked(plan, progress);
        return new EngineResult(Action.PLAN, plan.isEmpty(), plan.changes().size(), List.of(), List.of(), artifacts, null,
                summary(plan, "Plan"), Map.of("plan", plan.toMap()));
    }

    public static EngineResult apply(Baseline baseline, EngineRequest request, AwsClients aws, Progress progress) throws Exception {
        LiveState live = LiveStateReader.read(baseline, aws, LiveStateReader.Options.FOR_CHANGES, progress);
        return change(Change.Run.APPLY, Planner.plan(baseline, live), live, request, aws, progress);
    }

    /**
     * destroy: the same read, refusals, dry run, snapshot, one-change-at-a-time application and failure report as
     * apply, with the plan that removes what the tool installed ({@link Planner#planDestroy}).
     */
    public static EngineResult destroy(Baseline baseline, EngineRequest request, AwsClients aws, Progress progress) throws Exception {
        LiveState live = LiveStateReader.read(baseline, aws, LiveStateReader.Options.FOR_CHANGES, progress);
        return change(Change.Run.DESTROY, Planner.planDestroy(baseline, live), live, request, aws, progress);
    }

    /** Prints, refuses, dry-runs or makes {@code plan}: the part apply and destroy share. */
    private static EngineResult change(Change.Run run, Plan plan, LiveState live, EngineRequest request, AwsClients aws,
                                       Progress progress) throws Exception {
        print(plan, progress);
        refuseIfBlocked(plan, progress);
        if (request.dryRun()) {
            return new EngineResult(run.action(), plan.isEmpty(), plan.changes().size(), List.of(), List.of(), List.of(), null,
                    summary(plan, "Dry run", run) + (plan.isEmpty() ? "" : " Nothing was changed."), Map.of("plan", plan.toMap(), "dryRun", true));
        }
        if (plan.isEmpty()) {
            return new EngineResult(run.action(), true, 0, List.of(), List.of(), List.of(), null, run.nothingToDo(), Map.of("plan", plan.toMap()));
        }
        Path out = runDirectory(request.outputDir() == null ? DEFAULT_OUTPUT_DIR : request.outputDir(), run.id());
        int made = Applier.apply(plan, live, aws, out, progress, run);
        String summary = run.done() + " " + made + " change(s) (" + counts(plan) + "); the pre-change snapshot is in "
                + out.resolve(Applier.SNAPSHOT_FILE) + ".";
        // The summary is the result: the adapter prints it once (CLI on stdout, Jenkins in the build log).
        return new EngineResult(run.action(), true, made, List.of(), List.of(), List.of(out.resolve(Applier.SNAPSHOT_FILE)), null,
                summary, Map.of("plan", plan.toMap(), "snapshot", out.resolve(Applier.SNAPSHOT_FILE).toString()));
    }

    public static EngineResult verify(Baseline baseline, EngineRequest request, AwsClients aws, Progress progress) throws Exception {
        LiveState live = LiveStateReader.read(baseline, aws, LiveStateReader.Options.forVerify(request.account()), progress);
        // verify --account sees one account's findings only: an exception matching none of them is no sign of staleness.
        Waivers waivers = Waivers.of(baseline.config().exceptions(), LocalDate.now(ZoneOffset.UTC), request.ignoreExceptions(),
                request.account() == null);
        List<CheckResult> checks = new ArrayList<>(Verifier.check(baseline, live, waivers));
        if (request.account() != null) {
            Verifier.trailCoversAccount(live, request.account(), waivers).ifPresent(checks::add);
        }

        Set<String> desired = baseline.scps().stream().map(ScpDocument::name).collect(Collectors.toSet());
        List<NamedPolicy> livePolicies = live.ownedScps().values().stream().filter(s -> desired.contains(s.name()))
                .map(s -> new NamedPolicy(s.name(), s.id(), s.content())).toList();
        checks.addAll(Simulator.check(baseline, livePolicies));

        Map<String, Set<String>> targetsByScpName = new LinkedHashMap<>();
        live.ownedScps().values().stream().filter(s -> desired.contains(s.name()))
                .forEach(s -> targetsByScpName.put(s.name(), new LinkedHashSet<>(s.targets())));
        // The reader already knows the root and the management account: pass them so the audit does not ask again.
        OrganizationAudit.KnownOrganization known = new OrganizationAudit.KnownOrganization(
                live.organization().rootId(), live.organization().managementAccountId());
        OrganizationAudit.Result audit = OrganizationAudit.run(baseline, targetsByScpName, aws, request.account(), progress, known, waivers);
        checks.addAll(audit.checks());
        if (request.deniedAttempts() != null) {
            checks.addAll(io.claudebaseline.usage.DeniedAttemptsCheck.run(baseline, request, aws, progress));
        }
        checks.addAll(waivers.bookkeeping());
        checks.addAll(RequiredControls.check(baseline, checks, RequiredControls.parse(request.require())));

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("organization", Plan.JSON.convertValue(live.organization(), Map.class));
        live.trail().filter(LiveState.TrailLookup::found).ifPresent(t -> details.put("trail", Map.of(
                "arn", t.trail().arn(), "homeRegion", t.trail().homeRegion(), "logging", t.trail().logging(),
                "multiRegion", t.trail().multiRegion(), "advancedEventSelectors", Plan.JSON.convertValue(t.trail().advancedSelectors(), List.class))));
        live.keys().ifPresent(k -> details.put("keyInventory", keyInventory(k)));
        details.putAll(audit.details());
        if (!waivers.isEmpty()) {
            details.put("exceptions", waivers.details());
            if (request.ignoreExceptions()) {
                details.put("exceptionsIgnored", true);
            }
        }
        details.put("awsCalls", Plan.JSON.convertValue(aws.callStats().snapshot(), Map.class));

        long failed = checks.stream().filter(c -> c.status() == CheckStatus.FAIL).count();
        long warned = checks.stream().filter(c -> c.status() == CheckStatus.WARN).count();
        long excepted = checks.stream().filter(c -> c.status() == CheckStatus.EXCEPTED).count();
        String exceptedNote = excepted == 0 ? "" : ", " + excepted + " excepted";
        String summary = failed == 0
                ? "Compliant: " + checks.size() + " checks, none failed" + (warned == 0 && excepted == 0 ? "."
                        : " (" + (warned == 0 ? "" : warned + " warning(s)") + (warned > 0 && excepted > 0 ? ", " : "")
                        + (excepted == 0 ? "" : excepted + " excepted") + ").")
                : "Not compliant: " + failed + " of " + checks.size() + " checks failed" + exceptedNote + ": " + checks.stream()
                        .filter(c -> c.status() == CheckStatus.FAIL).limit(5).map(CheckResult::check).collect(Collectors.joining(", "))
                        + (failed > 5 ? ", …" : "") + ".";
        return new EngineResult(Action.VERIFY, failed == 0, 0, checks, List.of(), List.of(), null, summary, details);
    }

    /**
     * A new directory per apply ({@code apply-<UTC time>}), never reused, so the snapshot taken before a failed
     * run is not overwritten by the re-run's.
     */
    static Path runDirectory(Path outputDir) throws java.io.IOException {
        return runDirectory(outputDir, Change.Run.APPLY.id());
    }

    /** As {@link #runDirectory(Path)}, named after {@code command} ({@code destroy-<UTC time>}). */
    static Path runDirectory(Path outputDir, String command) throws java.io.IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        createDirectories(outputDir, "the " + command + " output directory", "--out");
        for (int n = 1; ; n++) {
            Path candidate = outputDir.resolve(command + "-" + stamp + (n == 1 ? "" : "-" + n));
            try {
                return java.nio.file.Files.createDirectory(candidate);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another run in the same millisecond: try the next suffix
            }
        }
    }

    /**
     * Files.createDirectories, with a message that says what the directory is for and how to fix it (the JDK's
     * exception message is only the path).
     */
    static void createDirectories(Path dir, String what, String option) throws java.io.IOException {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new java.io.IOException("cannot create " + what + " " + dir + ": " + e.getFile() + " exists and is not a directory;"
                    + " choose another " + option, e);
        } catch (java.nio.file.FileSystemException e) {
            throw new java.io.IOException("cannot create " + what + " " + dir + ": "
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()) + "; choose another " + option, e);
        }
    }

    private static Map<String, Object> keyInventory(LiveState.KeyInventory k) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", k.accountId());
        out.put("shadowUsers", k.shadowUsers().stream().map(u -> Map.of("userName", u.userName(), "path", u.path(),
                "created", String.valueOf(u.created()))).toList());
        out.put("longTermKeys", k.keys().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("keyId", x.id());
            m.put("userName", x.userName());
            m.put("status", x.status());
            m.put("created", String.valueOf(x.created()));
            m.put("expires", x.expires() == null ? "never" : x.expires().toString());
            return m;
        }).toList());
        return out;
    }

    private static void print(Plan plan, Progress progress) {
        if (plan.isEmpty()) {
            // Nothing to list; the result's summary says so. With blockers (a missing trail, a foreign same-named SCP)
            // the organisation does NOT match, and the run fails with them: say so before the error.
            if (!plan.blockers().isEmpty()) {
                progress.line("No changes planned, but " + plan.blockers().size() + " problem(s) must be fixed first.");
            }
            return;
        }
        progress.line("Plan: " + plan.changes().size() + " change(s)");
        for (Change c : plan.changes()) {
            progress.line("  + " + c.describe());
            if (c instanceof Change.UpdateScp u) {
                u.diff().forEach(l -> progress.line("      " + l));
            }
            if (c instanceof Change.PutEventSelectors p) {
                p.before().forEach(s -> progress.line("      before: " + s.path("Name").asText("(unnamed)")));
                p.after().forEach(s -> progress.line("      after:  " + s.path("Name").asText("(unnamed)")));
            }
        }
    }

    /**
     * Throws the first blocker; the caller reports it as the run's error. Only the others are printed here, so
     * that no message appears twice.
     */
    private static void refuseIfBlocked(Plan plan, Progress progress) {
        if (!plan.blockers().isEmpty()) {
            plan.blockers().stream().skip(1).forEach(b -> progress.line("also refused: " + b.getMessage()));
            throw plan.blockers().get(0);
        }
    }

    private static String summary(Plan plan, String label) {
        return summary(plan, label, Change.Run.APPLY);
    }

    private static String summary(Plan plan, String label, Change.Run run) {
        return plan.isEmpty() ? label + ": no changes; " + run.nothingLeft()
                : label + ": " + plan.changes().size() + " change(s) (" + counts(plan) + ").";
    }

    private static String counts(Plan plan) {
        return plan.countsByType().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

}
