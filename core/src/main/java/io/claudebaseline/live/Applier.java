package io.claudebaseline.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.engine.api.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * Makes the changes of a {@link Plan}, one at a time, one progress line each. Before the first change it writes a
 * snapshot of everything the plan touches; when a change fails it reports what was done and what was not, writes
 * that report next to the snapshot, and rethrows. Re-running apply re-reads the live state and plans only what is
 * left, so a partial run always converges.
 */
public final class Applier {
    private Applier() {}

    /** Files apply writes into the output directory. */
    public static final String SNAPSHOT_FILE = "apply-snapshot.json";
    public static final String FAILURE_FILE = "apply-failure.json";

    /**
     * @return how many changes were made (all of them: a failure throws)
     */
    public static int apply(Plan plan, LiveState live, AwsClients aws, Path outputDir, Progress progress) throws IOException {
        return apply(plan, live, aws, outputDir, progress, Change.Run.APPLY);
    }

    /** As {@link #apply(Plan, LiveState, AwsClients, Path, Progress)}, for apply or destroy ({@code run} names the command). */
    public static int apply(Plan plan, LiveState live, AwsClients aws, Path outputDir, Progress progress, Change.Run run) throws IOException {
        if (!plan.blockers().isEmpty()) {
            plan.blockers().forEach(b -> progress.line("refused: " + b.getMessage()));
            throw plan.blockers().get(0);
        }
        if (plan.isEmpty()) {
            return 0;
        }
        Files.createDirectories(outputDir);
        Path snapshot = outputDir.resolve(SNAPSHOT_FILE);
        writeJson(snapshot, snapshot(plan, live));
        progress.line("Wrote the pre-change snapshot to " + snapshot);

        Map<String, String> idsByName = new HashMap<>();
        live.ownedScps().values().forEach(s -> idsByName.put(s.name(), s.id()));
        int n = plan.changes().size();
        List<Change> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Change change = plan.changes().get(i);
            try {
                execute(change, aws, idsByName);
            } catch (RuntimeException e) {
                progress.line("[" + (i + 1) + "/" + n + "] FAILED " + change.describe() + ": " + e.getMessage());
                reportFailure(plan, done, i, e, outputDir, progress, run);
                throw e;
            }
            done.add(change);
            progress.line("[" + (i + 1) + "/" + n + "] " + change.describe());
        }
        return n;
    }

    private static void execute(Change change, AwsClients aws, Map<String, String> idsByName) {
        OrganizationsClient org = aws.organizations();
        if (change instanceof Change.EnablePolicyType c) {
            AwsOperation.ENABLE_POLICY_TYPE.run(c.rootId(), () ->
                    org.enablePolicyType(r -> r.rootId(c.rootId()).policyType(PolicyType.SERVICE_CONTROL_POLICY)));
            awaitScpsEnabled(org, c.rootId());
        } else if (change instanceof Change.CreateScp c) {
            String id = AwsOperation.CREATE_POLICY.call(c.name(), () -> org.createPolicy(r -> r.name(c.name())
                    .description(c.description() == null ? "" : c.description()).content(c.content())
                    .type(PolicyType.SERVICE_CONTROL_POLICY).tags(tags(c.tags())))).policy().policySummary().id();
            idsByName.put(c.name(), id);
        } else if (change instanceof Change.UpdateScp c) {
            AwsOperation.UPDATE_POLICY.run(c.name() + " (" + c.policyId() + ")", () -> org.updatePolicy(r -> {
                r.policyId(c.policyId());
                if (c.contentChanged()) {
                    r.content(c.contentAfter());
                }
                if (c.descriptionChanged()) {
                    r.description(c.description());
                }
            }));
        } else if (change instanceof Change.TagScp c) {
            AwsOperation.TAG_RESOURCE.run(c.name() + " (" + c.policyId() + ")", () ->
                    org.tagResource(r -> r.resourceId(c.policyId()).tags(tags(c.tags()))));
        } else if (change instanceof Change.AttachScp c) {
            String id = c.policyId() != null ? c.policyId() : idsByName.get(c.policyName());
            if (id == null) {
                throw new IllegalStateException("SCP " + c.policyName() + " has no id: its creation did not run");
            }
            AwsOperation.ATTACH_POLICY.run(c.policyName() + " (" + id + ") → " + c.targetId(), () ->
                    org.attachPolicy(r -> r.policyId(id).targetId(c.targetId())));
        } else if (change instanceof Change.DetachScp c) {
            AwsOperation.DETACH_POLICY.run(c.policyName() + " (" + c.policyId() + ") → " + c.targetId(), () ->
                    org.detachPolicy(r -> r.policyId(c.policyId()).targetId(c.targetId())));
        } else if (change instanceof Change.DeleteScp c) {
            AwsOperation.DELETE_POLICY.run(c.policyName() + " (" + c.policyId() + ")", () ->
                    org.deletePolicy(r -> r.policyId(c.policyId())));
        } else if (change instanceof Change.PutEventSelectors c) {
            AwsOperation.PUT_EVENT_SELECTORS.run("trail " + c.trailName() + " in " + c.homeRegion(), () ->
                    aws.cloudTrail(c.homeRegion()).putEventSelectors(r -> r.trailName(c.trailName())
                            .advancedEventSelectors(c.after().stream().map(Selectors::toSdk).toList())));
        } else if (change instanceof Change.StartLogging c) {
            AwsOperation.START_LOGGING.run("trail " + c.trailName() + " in " + c.homeRegion(), () ->
                    aws.cloudTrail(c.homeRegion()).startLogging(r -> r.name(c.trailName())));
        } else {
            throw new IllegalStateException("unknown change " + change);
        }
    }

    /**
     * EnablePolicyType completes asynchronously (the root shows PENDING_ENABLE for a while); attaching before it
     * is ENABLED fails, so wait for it, a bounded number of times with growing pauses.
     */
    private static void awaitScpsEnabled(OrganizationsClient org, String rootId) {
        for (int attempt = 0; attempt < ENABLE_POLLS; attempt++) {
            boolean enabled = AwsOperation.LIST_ROOTS.call(rootId, () -> org.listRootsPaginator(r -> { }).stream()
                    .flatMap(p -> p.roots().stream()).filter(root -> root.id().equals(rootId))
                    .flatMap(root -> root.policyTypes().stream())
                    .anyMatch(t -> t.type() == PolicyType.SERVICE_CONTROL_POLICY && t.status() == PolicyTypeStatus.ENABLED));
            if (enabled) {
                return;
            }
            try {
                Thread.sleep(500L * (attempt + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for SCPs to be enabled on " + rootId, e);
            }
        }
        throw new SafetyCheckException(AwsOperation.ENABLE_POLICY_TYPE, rootId, io.claudebaseline.aws.AwsOperationException.Kind.UNAVAILABLE,
                "Service control policies on root " + rootId + " were still not enabled after waiting; run apply again in a few minutes.");
    }

    /** Polls of ListRoots after EnablePolicyType (pauses of 0.5 s, 1 s, ... add up to about 27 s). */
    private static final int ENABLE_POLLS = 10;

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    /** Everything the plan touches, as it was: SCP content, description, tags and targets; attachments; selectors. */
    static ObjectNode snapshot(Plan plan, LiveState live) {
        ObjectNode root = Plan.JSON.createObjectNode();
        root.put("takenAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        root.set("organization", Plan.JSON.valueToTree(live.organization()));
        ArrayNode scps = root.putArray("scps");
        live.ownedScps().values().forEach(s -> scps.add(Plan.JSON.valueToTree(s)));
        root.set("attachments", Plan.JSON.valueToTree(live.attachments()));
        live.trail().filter(LiveState.TrailLookup::found).ifPresent(t -> {
            ObjectNode trail = root.putObject("trail");
            trail.put("name", t.trail().name());
            trail.put("arn", t.trail().arn());
            trail.put("homeRegion", t.trail().homeRegion());
            trail.put("logging", t.trail().logging());
            trail.set("advancedEventSelectors", Plan.JSON.valueToTree(t.trail().advancedSelectors()));
            trail.set("eventSelectors", Plan.JSON.valueToTree(t.trail().basicSelectors()));
        });
        root.set("plan", plan.toJson());
        return root;
    }

    private static void reportFailure(Plan plan, List<Change> done, int failedIndex, RuntimeException e, Path outputDir, Progress progress,
                                      Change.Run run) {
        List<Change> notDone = plan.changes().subList(failedIndex, plan.changes().size());
        progress.line(run.id() + " stopped: " + done.size() + " of " + plan.changes().size() + " change(s) done, " + notDone.size() + " not done.");
        done.forEach(c -> progress.line("  done:     " + c.describe()));
        notDone.forEach(c -> progress.line("  not done: " + c.describe()));
        progress.line("Run " + run.id() + " again to finish: it re-reads the organisation and makes only what is left.");
        ObjectNode report = Plan.JSON.createObjectNode();
        report.put("error", e.getMessage());
        ArrayNode d = report.putArray("done");
        done.forEach(c -> d.add(Plan.JSON.valueToTree(c)));
        ArrayNode nd = report.putArray("notDone");
        notDone.forEach(c -> nd.add(Plan.JSON.valueToTree(c)));
        try {
            writeJson(outputDir.resolve(FAILURE_FILE), report);
        } catch (IOException io) {
            progress.line("could not write " + outputDir.resolve(FAILURE_FILE) + ": " + io.getMessage());
        }
    }

    static void writeJson(Path file, ObjectNode json) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Plan.JSON.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
