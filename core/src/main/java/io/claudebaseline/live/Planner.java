package io.claudebaseline.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.aws.AwsOperationException.Kind;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.model.TrailSelectors;
import io.claudebaseline.policy.PolicySemantics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * diff(Baseline, LiveState) → {@link Plan}. Pure: no AWS. It enforces the AWS rules moto does not (SCP size,
 * SCPs per target, selector values per trail, no duplicate attachment) and the tool's own (never touch an SCP
 * it does not own, never drop a selector it did not add), reporting violations as blockers.
 *
 * <p>Order of changes: enable SCPs, create, update, tag; then per target attach before detach (so protection
 * never lapses), unless only detaching first frees the slot; then the trail; deletes last.
 */
public final class Planner {
    private Planner() {}

    public static Plan plan(Baseline baseline, LiveState live) {
        List<SafetyCheckException> blockers = new ArrayList<>();
        List<Change> head = new ArrayList<>();
        LiveState.Organization org = live.organization();
        int maxChars = baseline.config().limits().scpMaxCharacters();
        int maxPerTarget = baseline.config().limits().scpMaxPerTarget();

        if (!"ALL".equalsIgnoreCase(org.featureSet())) {
            blockers.add(new SafetyCheckException(AwsOperation.ENABLE_POLICY_TYPE, org.rootId(), Kind.INVALID_REQUEST,
                    "Organization " + org.id() + " has only consolidated billing features, so SCPs cannot be used; enable all features"
                            + " (Organizations console, Settings) and run again."));
        }
        if (!org.scpEnabled()) {
            head.add(new Change.EnablePolicyType(org.rootId()));
        }

        Map<String, String> desiredTags = new LinkedHashMap<>(baseline.tags());
        desiredTags.put(AwsFacts.OWNERSHIP_TAG_KEY, AwsFacts.OWNERSHIP_TAG_VALUE);
        Map<String, LiveState.Scp> foreignByName = live.foreignSameNamed().stream()
                .collect(Collectors.toMap(LiveState.Scp::name, s -> s, (a, b) -> a, LinkedHashMap::new));

        List<Change.AttachScp> attaches = new ArrayList<>();
        List<Change.DetachScp> detaches = new ArrayList<>();
        List<Change> deletes = new ArrayList<>();
        for (ScpDocument d : baseline.scps()) {
            LiveState.Scp owned = live.ownedScps().get(d.name());
            if (owned == null && foreignByName.containsKey(d.name())) {
                LiveState.Scp f = foreignByName.get(d.name());
                blockers.add(new SafetyCheckException(AwsOperation.CREATE_POLICY, d.name(), Kind.CONFLICT,
                        "An SCP named " + d.name() + " (" + f.id() + ") already exists without the ownership tag "
                                + AwsFacts.OWNERSHIP_TAG_KEY + "=" + AwsFacts.OWNERSHIP_TAG_VALUE + ", so claude-baseline will not touch it;"
                                + " rename or delete it, or change policyNamePrefix, then run again (nothing was changed)."));
                continue;
            }
            if (d.characters() > maxChars && (owned == null || !PolicySemantics.equivalent(d.content(), safeContent(owned)))) {
                blockers.add(new SafetyCheckException(owned == null ? AwsOperation.CREATE_POLICY : AwsOperation.UPDATE_POLICY, d.name(),
                        Kind.LIMIT_EXCEEDED, "SCP " + d.name() + " is " + d.characters() + " characters, over limits.scpMaxCharacters ("
                        + maxChars + "); use layout: combined with fewer workspaces per SCP or fix the limit, then run again."));
            }
            if (owned == null) {
                head.add(new Change.CreateScp(d.name(), d.description(), d.content(), desiredTags, d.characters()));
                baseline.targets().forEach(t -> attaches.add(new Change.AttachScp(d.name(), null, t)));
                continue;
            }
            Change.UpdateScp update = update(d, owned);
            if (update != null) {
                head.add(update);
            }
            Map<String, String> missingTags = new LinkedHashMap<>();
            desiredTags.forEach((k, v) -> {
                if (!v.equals(owned.tags().get(k))) {
                    missingTags.put(k, v);
                }
            });
            if (!missingTags.isEmpty()) {
                head.add(new Change.TagScp(owned.id(), owned.name(), missingTags));
            }
            for (String t : baseline.targets()) {
                if (!owned.targets().contains(t)) {
                    attaches.add(new Change.AttachScp(d.name(), owned.id(), t));
                }
            }
            for (String t : owned.targets()) {
                if (!baseline.targets().contains(t)) {
                    detaches.add(new Change.DetachScp(owned.name(), owned.id(), t, "target no longer configured"));
                }
            }
        }
        Set<String> desiredNames = baseline.scps().stream().map(ScpDocument::name).collect(Collectors.toSet());
        for (LiveState.Scp stale : live.ownedScps().values()) {
            if (!desiredNames.contains(stale.name())) {
                retire(stale, "SCP no longer in the baseline", "no longer in the baseline", detaches, deletes);
            }
        }

        List<Change> changes = new ArrayList<>(head);
        boolean combined = baseline.config().layout() == io.claudebaseline.config.BaselineConfig.Layout.COMBINED;
        changes.addAll(orderAttachments(live, attaches, detaches, maxPerTarget, combined, blockers));
        baseline.trail().ifPresent(t -> changes.addAll(trailChanges(t, live, baseline.config().limits().selectorValuesMax(), blockers)));
        changes.addAll(deletes);
        return new Plan(changes, blockers);
    }

    /**
     * destroy: remove what the tool installed and nothing else. Every SCP it owns (name prefix AND ownership tag)
     * is detached from every target and deleted; its own selectors are taken off the trail, every other selector
     * is written back as it was; the trail's logging state and the root's enabled policy types are left alone
     * (other SCPs may depend on them). The same order and refusals as apply: detaches before deletes, selectors
     * read, merged and written back, same-named SCPs without the tag never touched.
     */
    public static Plan planDestroy(Baseline baseline, LiveState live) {
        List<SafetyCheckException> blockers = new ArrayList<>();
        List<Change.DetachScp> detaches = new ArrayList<>();
        List<Change> deletes = new ArrayList<>();
        live.ownedScps().values().forEach(owned -> retire(owned, "claude-baseline destroy", "claude-baseline destroy", detaches, deletes));
        List<Change> changes = new ArrayList<>(orderAttachments(live, List.of(), detaches, baseline.config().limits().scpMaxPerTarget(),
                true, blockers));
        baseline.trail().ifPresent(t -> changes.addAll(removeOurSelectors(t, live)));
        changes.addAll(deletes);
        return new Plan(changes, blockers);
    }

    /** Detach {@code scp} from each of its targets, then delete it. */
    private static void retire(LiveState.Scp scp, String detachReason, String deleteReason, List<Change.DetachScp> detaches,
                               List<Change> deletes) {
        scp.targets().forEach(t -> detaches.add(new Change.DetachScp(scp.name(), scp.id(), t, detachReason)));
        deletes.add(new Change.DeleteScp(scp.name(), scp.id(), deleteReason));
    }

    /**
     * The trail without our selectors: nothing when none of ours is on it (basic selectors included: CloudTrail
     * keeps one kind at a time, so ours cannot be there). When ours were the only ones, CloudTrail's default for a
     * new trail (all management events) is written, since a trail cannot be left without selectors.
     */
    private static List<Change> removeOurSelectors(TrailSelectors wanted, LiveState live) {
        LiveState.TrailLookup lookup = live.trail().orElse(null);
        if (lookup == null || !lookup.found()) {
            return List.of();
        }
        LiveState.Trail trail = lookup.trail();
        List<ObjectNode> kept = trail.advancedSelectors().stream().filter(s -> !Selectors.isOurs(s)).toList();
        if (kept.size() == trail.advancedSelectors().size()) {
            return List.of();
        }
        List<ObjectNode> after = kept.isEmpty() ? List.of(Selectors.defaultManagementEvents()) : kept;
        return List.of(new Change.PutEventSelectors(trail.name(), trail.homeRegion(), trail.advancedSelectors(), after, List.of()));
    }

    private static String safeContent(LiveState.Scp scp) {
        return scp.content() == null ? "{}" : scp.content();
    }

    private static Change.UpdateScp update(ScpDocument d, LiveState.Scp owned) {
        boolean contentChanged;
        List<String> diff = new ArrayList<>();
        try {
            JsonNode want = PolicySemantics.parse(d.content());
            JsonNode have = PolicySemantics.parse(safeContent(owned));
            contentChanged = !PolicySemantics.equivalent(want, have);
            if (contentChanged) {
                diff.addAll(StatementDiff.of(want, have).lines());
                if (diff.isEmpty()) {
                    diff.add("~ document members other than Statement differ (e.g. Version)");
                }
            }
        } catch (IllegalArgumentException unparseable) {
            contentChanged = true;
            diff.add("- (live content is not valid JSON)");
            diff.add("+ " + d.content());
        }
        boolean descriptionChanged = d.description() != null && !d.description().equals(owned.description());
        if (!contentChanged && !descriptionChanged) {
            return null;
        }
        return new Change.UpdateScp(owned.id(), owned.name(), d.description(), owned.content(), d.content(),
                contentChanged, descriptionChanged, diff);
    }

    /**
     * Attach/detach changes grouped per target, with the slot check: the SCPs directly attached to a configured
     * target, plus ours to attach, minus ours to detach, must fit {@code limits.scpMaxPerTarget}.
     */
    private static List<Change> orderAttachments(LiveState live, List<Change.AttachScp> attaches, List<Change.DetachScp> detaches,
                                                 int maxPerTarget, boolean combined, List<SafetyCheckException> blockers) {
        Set<String> targets = new LinkedHashSet<>();
        attaches.forEach(a -> targets.add(a.targetId()));
        detaches.forEach(d -> targets.add(d.targetId()));
        List<Change> out = new ArrayList<>();
        for (String target : targets) {
            List<Change.AttachScp> in = attaches.stream().filter(a -> a.targetId().equals(target)).toList();
            List<Change.DetachScp> outOfTarget = detaches.stream().filter(d -> d.targetId().equals(target)).toList();
            List<LiveState.PolicyRef> attached = live.attachments().get(target);
            boolean detachFirst = false;
            if (attached != null && !in.isEmpty()) {
                int finalCount = attached.size() + in.size() - outOfTarget.size();
                if (finalCount > maxPerTarget) {
                    String occupants = attached.stream().map(p -> p.name() + " (" + p.id() + ")").collect(Collectors.joining(", "));
                    blockers.add(new SafetyCheckException(AwsOperation.ATTACH_POLICY, target, Kind.LIMIT_EXCEEDED,
                            "Target " + target + " has " + attached.size() + " of its " + maxPerTarget + " SCP slots taken by " + occupants
                                    + " and the baseline needs " + (finalCount - attached.size()) + " more; detach an SCP it no longer needs,"
                                    + (combined ? "" : " use layout: combined to need fewer,")
                                    + " or raise limits.scpMaxPerTarget if AWS raised your limit"
                                    + " (nothing was changed)."));
                }
                detachFirst = attached.size() + in.size() > maxPerTarget;
            }
            if (detachFirst) {
                out.addAll(outOfTarget);
                out.addAll(in);
            } else {
                out.addAll(in);
                out.addAll(outOfTarget);
            }
        }
        return out;
    }

    private static List<Change> trailChanges(TrailSelectors wanted, LiveState live, int maxValues, List<SafetyCheckException> blockers) {
        LiveState.TrailLookup lookup = live.trail().orElse(null);
        if (lookup == null || !lookup.found()) {
            blockers.add(new SafetyCheckException(AwsOperation.PUT_EVENT_SELECTORS, "trail " + wanted.trailName(), Kind.NOT_FOUND,
                    upperFirst(lookup == null ? "trail " + wanted.trailName() + " was not read" : lookup.problem()) + "."));
            return List.of();
        }
        LiveState.Trail trail = lookup.trail();
        List<Change> out = new ArrayList<>();
        List<ObjectNode> foreign = new ArrayList<>();
        List<ObjectNode> oursLive = new ArrayList<>();
        trail.advancedSelectors().forEach(s -> (Selectors.isOurs(s) ? oursLive : foreign).add(s));
        boolean dataInBasic = trail.basicSelectors().stream().anyMatch(Selectors::hasDataResources);
        if (dataInBasic) {
            blockers.add(new SafetyCheckException(AwsOperation.PUT_EVENT_SELECTORS, "trail " + trail.name(), Kind.CONFLICT,
                    "Trail " + trail.name() + " logs data events through basic event selectors, which writing advanced selectors"
                            + " would drop; switch the trail to advanced event selectors (CloudTrail console converts them) and run again."));
            return List.of();
        }
        for (int i = 0; i < trail.basicSelectors().size(); i++) {
            foreign.addAll(Selectors.convertManagementOnly(trail.basicSelectors().get(i), i));
        }
        boolean needsWrite = !trail.basicSelectors().isEmpty() || !Selectors.sameSet(oursLive, wanted.selectors());
        if (needsWrite) {
            List<ObjectNode> after = new ArrayList<>(foreign);
            after.addAll(wanted.selectors());
            int values = valueCount(after);
            if (values > maxValues) {
                blockers.add(new SafetyCheckException(AwsOperation.PUT_EVENT_SELECTORS, "trail " + trail.name(), Kind.LIMIT_EXCEEDED,
                        "Trail " + trail.name() + " would carry " + values + " selector values, over CloudTrail's " + maxValues
                                + "; use scope: all-workspaces or remove unused selectors from the trail, then run again."));
            }
            out.add(new Change.PutEventSelectors(trail.name(), trail.homeRegion(), trail.advancedSelectors(), after, trail.basicSelectors()));
        }
        if (!trail.logging()) {
            out.add(new Change.StartLogging(trail.name(), trail.homeRegion()));
        }
        return out;
    }

    static int valueCount(List<ObjectNode> selectors) {
        int n = 0;
        for (ObjectNode s : selectors) {
            for (JsonNode f : s.path("FieldSelectors")) {
                for (String op : Selectors.OPERATORS) {
                    n += Selectors.values(f, op).size();
                }
            }
        }
        return n;
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
