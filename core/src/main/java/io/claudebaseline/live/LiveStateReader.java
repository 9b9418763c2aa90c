package io.claudebaseline.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.model.TrailSelectors;
import io.claudebaseline.org.AccountKeyScan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * Reads the {@link LiveState} the baseline needs, read-only, with the SDK's paginators. Calls per run: 2 for
 * the organisation and root, the ListPolicies pages, 3 per SCP carrying our prefix (tags, content, targets), one
 * ListPoliciesForTarget per configured target when slots are needed, 3 for the trail, and the IAM listings for
 * the key inventory.
 */
public final class LiveStateReader {
    private LiveStateReader() {}

    /** What to read besides the organisation, the SCPs and the trail. */
    public record Options(boolean targetAttachments, boolean keyInventory, String accountFilter) {
        /** plan and apply: attachments for slot counting, no key inventory. */
        public static final Options FOR_CHANGES = new Options(true, false, null);

        /**
         * verify: the key inventory of the caller's account, no per-target attachment listing. With
         * {@code verify --account ID} the caller's inventory is read only when ID is the management account (the
         * organisation audit covers a member account's keys).
         */
        public static Options forVerify(String accountFilter) {
            return new Options(false, true, accountFilter);
        }
    }

    public static LiveState read(Baseline baseline, AwsClients aws, Options options, Progress progress) {
        OrganizationsClient org = aws.organizations();
        LiveState.Organization organization = readOrganization(org);
        progress.line("Organization " + organization.id() + " (management account " + organization.managementAccountId()
                + ", root " + organization.rootId() + ", SCPs " + (organization.scpEnabled() ? "enabled" : "not enabled") + ")");

        String prefix = baseline.config().policyNamePrefix();
        Set<String> desiredNames = baseline.scps().stream().map(ScpDocument::name).collect(Collectors.toSet());
        List<PolicySummary> all = AwsOperation.LIST_POLICIES.call("SERVICE_CONTROL_POLICY", () ->
                org.listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).stream()
                        .flatMap(p -> p.policies().stream()).toList());

        Map<String, LiveState.Scp> owned = new LinkedHashMap<>();
        List<LiveState.Scp> foreign = new ArrayList<>();
        for (PolicySummary p : all) {
            boolean prefixed = p.name().startsWith(prefix);
            if (Boolean.TRUE.equals(p.awsManaged()) || !(prefixed || desiredNames.contains(p.name()))) {
                continue;
            }
            Map<String, String> tags = tags(org, p.id());
            boolean ours = prefixed && AwsFacts.OWNERSHIP_TAG_VALUE.equals(tags.get(AwsFacts.OWNERSHIP_TAG_KEY));
            if (ours) {
                var policy = AwsOperation.DESCRIBE_POLICY.call(p.id(), () -> org.describePolicy(r -> r.policyId(p.id()))).policy();
                List<String> targets = AwsOperation.LIST_TARGETS_FOR_POLICY.call(p.id(), () ->
                        org.listTargetsForPolicyPaginator(r -> r.policyId(p.id())).stream()
                                .flatMap(t -> t.targets().stream()).map(t -> t.targetId()).toList());
                owned.put(p.name(), new LiveState.Scp(p.id(), p.name(), policy.policySummary().description(), policy.content(), tags, targets));
            } else if (desiredNames.contains(p.name())) {
                foreign.add(new LiveState.Scp(p.id(), p.name(), p.description(), null, tags, List.of()));
            }
        }
        progress.line("Found " + owned.size() + " SCP(s) owned by claude-baseline"
                + (foreign.isEmpty() ? "" : " and " + foreign.size() + " same-named SCP(s) it does not own"));

        Map<String, List<LiveState.PolicyRef>> attachments = new LinkedHashMap<>();
        if (options.targetAttachments() && !organization.scpEnabled()) {
            // Enabling SCPs attaches FullAWSAccess to every root, OU and account: that is what each target will hold.
            LiveState.PolicyRef full = new LiveState.PolicyRef(AwsFacts.FULL_AWS_ACCESS_POLICY_ID, "FullAWSAccess", true);
            baseline.targets().forEach(t -> attachments.put(t, List.of(full)));
        } else if (options.targetAttachments()) {
            for (String target : baseline.targets()) {
                attachments.put(target, AwsOperation.LIST_POLICIES_FOR_TARGET.call(target, () ->
                        org.listPoliciesForTargetPaginator(r -> r.targetId(target).filter(PolicyType.SERVICE_CONTROL_POLICY)).stream()
                                .flatMap(p -> p.policies().stream())
                                .map(p -> new LiveState.PolicyRef(p.id(), p.name(), Boolean.TRUE.equals(p.awsManaged()))).toList()));
            }
        }

        Optional<LiveState.TrailLookup> trail = baseline.trail().map(t -> readTrail(t, aws));
        Optional<LiveState.KeyInventory> keys = Optional.empty();
        if (options.keyInventory()) {
            // The inventory is of the account the credentials act in (the management account, or a delegated admin).
            String own = AwsOperation.GET_CALLER_IDENTITY.call(null, () -> aws.sts().getCallerIdentity()).account();
            if (options.accountFilter() == null || options.accountFilter().equals(own)) {
                keys = Optional.of(readKeys(aws.iam(), own, baseline.config().controls().denyShadowUsers().userNamePattern()));
            }
        }
        return new LiveState(organization, owned, foreign, attachments, trail, keys);
    }

    static LiveState.Organization readOrganization(OrganizationsClient org) {
        DescribeOrganizationResponse o = AwsOperation.DESCRIBE_ORGANIZATION.call(null, org::describeOrganization);
        List<Root> roots = AwsOperation.LIST_ROOTS.call(null, () -> org.listRootsPaginator(r -> { }).stream()
                .flatMap(p -> p.roots().stream()).toList());
        if (roots.isEmpty()) {
            throw new IllegalStateException("organization " + o.organization().id() + " has no root; run from its management account");
        }
        Root root = roots.get(0);
        boolean scpEnabled = root.policyTypes().stream().anyMatch(t -> t.type() == PolicyType.SERVICE_CONTROL_POLICY
                && t.status() == PolicyTypeStatus.ENABLED);
        return new LiveState.Organization(o.organization().id(), o.organization().masterAccountId(),
                o.organization().featureSetAsString(), root.id(), scpEnabled);
    }

    private static Map<String, String> tags(OrganizationsClient org, String policyId) {
        Map<String, String> tags = new LinkedHashMap<>();
        AwsOperation.LIST_TAGS_FOR_RESOURCE.run(policyId, () -> org.listTagsForResourcePaginator(r -> r.resourceId(policyId))
                .stream().flatMap(p -> p.tags().stream()).forEach(t -> tags.put(t.key(), t.value())));
        return tags;
    }

    /** DescribeTrails (shadow trails included) for one trail name; also what {@code usage} reads the trail's delivery from. */
    public static Optional<Trail> describeTrail(CloudTrailClient ct, String name, String where) {
        List<Trail> trails = AwsOperation.DESCRIBE_TRAILS.call(where, () ->
                ct.describeTrails(r -> r.trailNameList(name).includeShadowTrails(true)).trailList());
        return trails.stream().filter(t -> name.equals(t.name()) || (t.trailARN() != null && t.trailARN().endsWith(":trail/" + name)))
                .findFirst();
    }

    /**
     * The trail, looked up in its configured home region. DescribeTrails with shadow trails also finds a
     * multi-region trail whose home is elsewhere, so a wrong homeRegion is named rather than reported as missing.
     */
    static LiveState.TrailLookup readTrail(TrailSelectors wanted, AwsClients aws) {
        String name = wanted.trailName();
        String home = wanted.homeRegion();
        CloudTrailClient ct = aws.cloudTrail(home);
        String where = "trail " + name + " in " + home;
        Optional<Trail> match = describeTrail(ct, name, where);
        if (match.isEmpty()) {
            return new LiveState.TrailLookup(name, home, null, "trail " + name + " does not exist in " + home
                    + "; create it (the Terraform module does when controls.cloudTrailDataEvents.createTrail is set) or fix"
                    + " controls.cloudTrailDataEvents.trailName/homeRegion");
        }
        Trail t = match.get();
        if (t.homeRegion() != null && !t.homeRegion().equals(home)) {
            return new LiveState.TrailLookup(name, home, null, "trail " + name + " lives in " + t.homeRegion() + ", not " + home
                    + "; set controls.cloudTrailDataEvents.homeRegion: " + t.homeRegion() + " (CloudTrail accepts changes only there)");
        }
        GetTrailStatusResponse status = AwsOperation.GET_TRAIL_STATUS.call(where, () -> ct.getTrailStatus(r -> r.name(name)));
        GetEventSelectorsResponse selectors = AwsOperation.GET_EVENT_SELECTORS.call(where, () -> ct.getEventSelectors(r -> r.trailName(name)));
        List<ObjectNode> advanced = selectors.hasAdvancedEventSelectors()
                ? selectors.advancedEventSelectors().stream().map(Selectors::toJson).toList() : List.of();
        List<ObjectNode> basic = selectors.hasEventSelectors()
                ? selectors.eventSelectors().stream().map(Selectors::basicToJson).toList() : List.of();
        LiveState.Trail trail = new LiveState.Trail(t.name(), t.trailARN(), t.homeRegion() == null ? home : t.homeRegion(),
                Boolean.TRUE.equals(t.isMultiRegionTrail()), Boolean.TRUE.equals(t.isOrganizationTrail()),
                Boolean.TRUE.equals(t.logFileValidationEnabled()), Boolean.TRUE.equals(status.isLogging()), advanced, basic);
        return new LiveState.TrailLookup(name, home, trail, null);
    }

    /** Shadow users (by name pattern, any path) and Claude long-term keys of the account {@code iam} acts in. */
    public static LiveState.KeyInventory readKeys(IamClient iam, String accountId, String shadowUserPattern) {
        ShadowUserPattern pattern = new ShadowUserPattern(shadowUserPattern);
        List<LiveState.ShadowUser> users = AwsOperation.LIST_USERS.call("account " + accountId, () ->
                iam.listUsersPaginator(r -> { }).users().stream()
                        .filter(u -> pattern.matches(u.userName()))
                        .map(u -> new LiveState.ShadowUser(u.userName(), u.path(), u.arn(), u.createDate())).toList());
        List<AccountKeyScan.LongTermKey> keys = AccountKeyScan.listKeys(iam, "account " + accountId);
        return new LiveState.KeyInventory(accountId, users, keys);
    }
}
