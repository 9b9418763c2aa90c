package io.claudebaseline.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.claudebaseline.config.AuditConfig;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ControlsConfig;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.exceptions.ExceptableCheck;
import io.claudebaseline.exceptions.Subject;
import io.claudebaseline.exceptions.Waivers;
import io.claudebaseline.facts.AwsFacts;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.org.AccountKeyScan;
import io.claudebaseline.policy.PolicySemantics;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * check(Baseline, LiveState) → verify's checks, each PASS / WARN / FAIL with evidence. Pure: no AWS.
 * The organisation-scale checks (coverage through the OU tree, member accounts) and the deny scenarios come
 * from {@code OrganizationAudit} and {@code Simulator} and are merged by {@link LiveOperations}.
 */
public final class Verifier {
    private Verifier() {}

    static final String ORGANIZATION = "organization";

    public static List<CheckResult> check(Baseline baseline, LiveState live) {
        return check(baseline, live, Waivers.none());
    }

    /** The checks, with the config's exceptions applied to the findings they cover. */
    public static List<CheckResult> check(Baseline baseline, LiveState live, Waivers waivers) {
        List<CheckResult> out = new ArrayList<>();
        organization(live, out);
        scps(baseline, live, waivers, out);
        workspaces(baseline, live, out);
        baseline.trail().ifPresent(t -> trail(baseline.config(), t.selectors(), live, waivers, out));
        live.keys().ifPresent(k -> keys(baseline.config(), k, waivers, out));
        return out;
    }

    private static void organization(LiveState live, List<CheckResult> out) {
        LiveState.Organization org = live.organization();
        Map<String, Object> ev = Map.of("organizationId", org.id(), "rootId", org.rootId(), "featureSet", String.valueOf(org.featureSet()));
        out.add((org.scpEnabled()
                ? CheckResult.pass(ORGANIZATION, "scp-policy-type-enabled", "Service control policies are enabled on root " + org.rootId() + ".")
                : CheckResult.fail(ORGANIZATION, "scp-policy-type-enabled", "Service control policies are not enabled on root "
                        + org.rootId() + ", so no SCP has any effect; run apply.")).withEvidence(ev));
    }

    private static void scps(Baseline baseline, LiveState live, Waivers waivers, List<CheckResult> out) {
        Map<String, LiveState.Scp> foreign = live.foreignSameNamed().stream()
                .collect(Collectors.toMap(LiveState.Scp::name, s -> s, (a, b) -> a));
        for (ScpDocument d : baseline.scps()) {
            String control = controlOf(d);
            LiveState.Scp owned = live.ownedScps().get(d.name());
            if (owned == null) {
                LiveState.Scp f = foreign.get(d.name());
                out.add(f != null
                        ? CheckResult.fail(control, "scp-exists:" + d.name(), "SCP " + d.name() + " exists as " + f.id()
                                + " but without the ownership tag " + AwsFacts.OWNERSHIP_TAG_KEY + "=" + AwsFacts.OWNERSHIP_TAG_VALUE
                                + ", so it is not the baseline's; rename or remove it and run apply.").withEvidence(Map.of("policyId", f.id()))
                        : CheckResult.fail(control, "scp-exists:" + d.name(), "SCP " + d.name() + " does not exist; run apply."));
                for (String t : baseline.targets()) {
                    out.add(CheckResult.fail(control, "scp-attached:" + d.name() + ":" + t, "SCP " + d.name()
                            + " is not attached to " + t + " because it does not exist; run apply.").withEvidence(Map.of("target", t)));
                }
                continue;
            }
            out.add(CheckResult.pass(control, "scp-exists:" + d.name(), "SCP " + d.name() + " exists as " + owned.id()
                    + " and carries the ownership tag.").withEvidence(Map.of("policyId", owned.id())));
            out.add(content(control, d, owned));
            for (String t : baseline.targets()) {
                Map<String, Object> ev = Map.of("policyId", owned.id(), "target", t, "attachedTo", owned.targets());
                out.add((owned.targets().contains(t)
                        ? CheckResult.pass(control, "scp-attached:" + d.name() + ":" + t, "SCP " + d.name() + " is attached to " + t + ".")
                        : CheckResult.fail(control, "scp-attached:" + d.name() + ":" + t, "SCP " + d.name() + " (" + owned.id()
                                + ") is not attached to " + t + "; run apply.")).withEvidence(ev));
            }
            List<String> extra = owned.targets().stream().filter(t -> !baseline.targets().contains(t)).toList();
            if (!extra.isEmpty()) {
                out.add(waivers.apply(CheckResult.warn(control, "scp-extra-targets:" + d.name(), "SCP " + d.name() + " is also attached to "
                        + String.join(", ", extra) + ", which the config does not list; apply detaches it there.")
                        .withEvidence(Map.of("policyId", owned.id(), "targets", extra)),
                        Waivers.Finding.of(ExceptableCheck.SCP_EXTRA_TARGETS).with(Subject.POLICY, d.name())));
            }
        }
        Set<String> desired = baseline.scps().stream().map(ScpDocument::name).collect(Collectors.toSet());
        for (LiveState.Scp stale : live.ownedScps().values()) {
            if (!desired.contains(stale.name())) {
                // A FAIL, not a warning: live and desired differ (plan would delete it), and a gate that passes while
                // the config has dropped a control would be passing vacuously.
                out.add(CheckResult.fail(ORGANIZATION, "scp-stale:" + stale.name(), "SCP " + stale.name() + " (" + stale.id()
                        + ") was made by claude-baseline but is no longer in the baseline; run apply, which detaches and deletes it"
                        + " (or put its control back in the config).")
                        .withEvidence(Map.of("policyId", stale.id(), "targets", stale.targets())));
            }
        }
    }

    private static CheckResult content(String control, ScpDocument d, LiveState.Scp owned) {
        String check = "scp-content:" + d.name();
        try {
            JsonNode want = PolicySemantics.parse(d.content());
            JsonNode have = PolicySemantics.parse(owned.content() == null ? "{}" : owned.content());
            if (PolicySemantics.equivalent(want, have)) {
                return CheckResult.pass(control, check, "SCP " + d.name() + " has the baseline's content (compared by meaning).")
                        .withEvidence(Map.of("policyId", owned.id()));
            }
            StatementDiff diff = StatementDiff.of(want, have);
            List<String> missing = diff.missing();
            List<String> unexpected = diff.unexpected();
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("policyId", owned.id());
            ev.put("missingStatements", missing);
            ev.put("unexpectedStatements", unexpected);
            return CheckResult.fail(control, check, "SCP " + d.name() + " (" + owned.id() + ") differs from the baseline: "
                    + missing.size() + " statement(s) missing and " + unexpected.size() + " unexpected; run apply.").withEvidence(ev);
        } catch (IllegalArgumentException e) {
            return CheckResult.fail(control, check, "SCP " + d.name() + " (" + owned.id() + ") does not hold a JSON policy document; run apply.")
                    .withEvidence(Map.of("policyId", owned.id()));
        }
    }

    private static void workspaces(Baseline baseline, LiveState live, List<CheckResult> out) {
        BaselineConfig config = baseline.config();
        if (!config.controls().protectWorkspaces().enabled() || config.workspaces().isEmpty()) {
            return;
        }
        String control = Control.PROTECT_WORKSPACES.id();
        String management = live.organization().managementAccountId();
        List<String> inManagement = new ArrayList<>();
        for (WorkspaceConfig w : config.workspaces()) {
            if (management != null && management.equals(w.account())) {
                inManagement.add(w.id());
                out.add(CheckResult.fail(control, "workspace-not-in-management-account:" + w.id(), "Workspace " + w.id()
                        + " lives in the management account " + management + ", where SCPs never apply; move the workload to a member account.")
                        .withEvidence(Map.of("workspace", w.id(), "account", management)));
            }
        }
        if (inManagement.isEmpty()) {
            out.add(CheckResult.pass(control, "workspaces-not-in-management-account", "No protected workspace is configured in the"
                    + " management account " + management + " (SCPs never apply there).").withEvidence(Map.of("managementAccount", String.valueOf(management))));
        }
    }

    private static void trail(BaselineConfig config, List<? extends JsonNode> wantedSelectors, LiveState live, Waivers waivers,
                              List<CheckResult> out) {
        String control = Control.CLOUDTRAIL_DATA_EVENTS.id();
        ControlsConfig.CloudTrailDataEvents wanted = config.controls().cloudTrailDataEvents();
        LiveState.TrailLookup lookup = live.trail().orElse(null);
        if (lookup == null || !lookup.found()) {
            out.add(CheckResult.fail(control, "trail-exists", lookup == null ? "Trail " + wanted.trailName() + " was not read."
                    : Character.toUpperCase(lookup.problem().charAt(0)) + lookup.problem().substring(1) + ".")
                    .withEvidence(Map.of("trailName", String.valueOf(wanted.trailName()), "homeRegion", String.valueOf(wanted.homeRegion()))));
            return;
        }
        LiveState.Trail t = lookup.trail();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("trailArn", t.arn());
        ev.put("homeRegion", t.homeRegion());
        out.add(CheckResult.pass(control, "trail-exists", "Trail " + t.name() + " exists in " + t.homeRegion() + ".").withEvidence(ev));
        out.add((t.logging()
                ? CheckResult.pass(control, "trail-logging", "Trail " + t.name() + " is logging.")
                : CheckResult.fail(control, "trail-logging", "Trail " + t.name() + " is not logging, so no event reaches it; run apply (StartLogging)."))
                .withEvidence(ev));

        List<WorkspaceConfig> workspaces = config.workspaces();
        Map<String, Object> regionEv = new LinkedHashMap<>(ev);
        regionEv.put("multiRegion", t.multiRegion());
        Waivers.Partition<WorkspaceConfig> outsideRegion = waivers.partition(
                workspaces.stream().filter(w -> !t.multiRegion() && !w.region().equals(t.homeRegion())).toList(),
                w -> Waivers.Finding.of(ExceptableCheck.TRAIL_REGION_COVERAGE).with(Subject.WORKSPACE, w.id()),
                w -> CheckResult.fail(control, "trail-region-coverage:" + w.id(), "Trail " + t.name() + " logs only " + t.homeRegion()
                        + " but workspace " + w.id() + " lives in " + w.region() + ".").withEvidence(Map.of("workspace", w.id(), "region", w.region())));
        List<String> outside = outsideRegion.remaining().stream().map(w -> w.id() + " (" + w.region() + ")").toList();
        out.add((outside.isEmpty()
                ? CheckResult.pass(control, "trail-region-coverage", t.multiRegion() ? "Trail " + t.name() + " is multi-region."
                        : "Every workspace" + (outsideRegion.excepted().isEmpty() ? "" : " not excepted") + " is in the trail's region " + t.homeRegion() + ".")
                : CheckResult.fail(control, "trail-region-coverage", "Trail " + t.name() + " logs only " + t.homeRegion()
                        + " but workspaces " + String.join(", ", outside) + " live elsewhere (or in an unknown region); make the trail multi-region."
                        + outsideRegion.expiredNote()))
                .withEvidence(regionEv));
        out.addAll(outsideRegion.excepted());

        accountCoverage(workspaces, t, ev, waivers, out);
        // The baseline's own selectors next to the live ones, so report.html shows a selector drift as before/after.
        Map<String, Object> selectorEvidence = new LinkedHashMap<>(ev);
        selectorEvidence.put("baselineAdvancedEventSelectors", wantedSelectors.stream().map(JsonNode::toString).toList());
        selectorCoverage(config, t, selectorEvidence, waivers, out);
        out.add(waivers.apply((t.logFileValidation()
                ? CheckResult.pass(control, "trail-log-file-validation", "Trail " + t.name() + " validates its log files.")
                : CheckResult.warn(control, "trail-log-file-validation", "Trail " + t.name() + " does not validate its log files, so"
                        + " tampering with delivered logs would go unnoticed; turn on log file validation.")).withEvidence(ev),
                Waivers.Finding.of(ExceptableCheck.TRAIL_LOG_FILE_VALIDATION).with(Subject.TRAIL, t.name())));
    }

    /**
     * A trail logs the events of the account it lives in; only an organization trail also logs every member
     * account. So a workspace in another account is invisible to a plain trail, however its selectors read.
     */
    private static void accountCoverage(List<WorkspaceConfig> workspaces, LiveState.Trail t, Map<String, Object> ev,
                                        Waivers waivers, List<CheckResult> out) {
        String control = Control.CLOUDTRAIL_DATA_EVENTS.id();
        Map<String, Object> accountEv = new LinkedHashMap<>(ev);
        accountEv.put("organizationTrail", t.organizationTrail());
        if (t.organizationTrail()) {
            out.add(CheckResult.pass(control, "trail-account-coverage", "Trail " + t.name()
                    + " is an organization trail, so it logs every member account.").withEvidence(accountEv));
            return;
        }
        String trailAccount = accountOf(t.arn());
        accountEv.put("trailAccount", trailAccount);
        // One item per other account (an exception names an account, and covers all its workspaces).
        Map<String, List<String>> byAccount = new LinkedHashMap<>();
        workspaces.stream().filter(w -> !WorkspaceConfig.ANY.equals(w.account()) && !w.account().equals(trailAccount))
                .forEach(w -> byAccount.computeIfAbsent(w.account(), a -> new ArrayList<>()).add(w.id()));
        Waivers.Partition<String> accounts = waivers.partition(new ArrayList<>(byAccount.keySet()),
                a -> Waivers.Finding.of(ExceptableCheck.TRAIL_ACCOUNT_COVERAGE).with(Subject.ACCOUNT, a),
                a -> CheckResult.fail(control, "trail-account-coverage:" + a, "Trail " + t.name() + " is not an organization trail, so"
                        + " it does not log account " + a + " with workspaces " + String.join(", ", byAccount.get(a)) + ".")
                        .withEvidence(Map.of("account", a, "workspaces", byAccount.get(a), "trailArn", t.arn())));
        out.addAll(accounts.excepted());
        List<String> elsewhere = accounts.remaining().stream()
                .flatMap(a -> byAccount.get(a).stream().map(id -> id + " (" + a + ")")).toList();
        List<String> unknown = workspaces.stream().filter(w -> WorkspaceConfig.ANY.equals(w.account())).map(WorkspaceConfig::id).toList();
        if (!elsewhere.isEmpty()) {
            out.add(CheckResult.fail(control, "trail-account-coverage", "Trail " + t.name() + " is not an organization trail, so it logs"
                    + " only account " + trailAccount + " and misses workspaces " + String.join(", ", elsewhere)
                    + "; make it an organization trail (from the management account) or add a trail in those accounts."
                    + accounts.expiredNote()).withEvidence(accountEv));
        } else if (!unknown.isEmpty()) {
            out.add(CheckResult.warn(control, "trail-account-coverage", "Trail " + t.name() + " is not an organization trail, so it logs"
                    + " only account " + trailAccount + "; workspaces " + String.join(", ", unknown)
                    + " name no account, so their coverage cannot be told; set workspaces[].account or use an organization trail.")
                    .withEvidence(accountEv));
        } else {
            out.add(CheckResult.pass(control, "trail-account-coverage", "Every workspace" + (accounts.excepted().isEmpty() ? ""
                    : " not excepted") + " is in the trail's account " + trailAccount + ".").withEvidence(accountEv));
        }
    }

    /**
     * verify --account: does the trail log this one account? Only an organization trail, or a trail living in that
     * very account, does. Absent when the data-events control is off or the trail was not found (trail-exists says so).
     */
    public static java.util.Optional<CheckResult> trailCoversAccount(LiveState live, String account) {
        return trailCoversAccount(live, account, Waivers.none());
    }

    /** As above, with an exception for that account applied. */
    public static java.util.Optional<CheckResult> trailCoversAccount(LiveState live, String account, Waivers waivers) {
        return live.trail().filter(LiveState.TrailLookup::found).map(LiveState.TrailLookup::trail).map(t -> {
            String control = Control.CLOUDTRAIL_DATA_EVENTS.id();
            String check = "trail-account-coverage:" + account;
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("trailArn", t.arn());
            ev.put("organizationTrail", t.organizationTrail());
            ev.put("account", account);
            if (t.organizationTrail()) {
                return CheckResult.pass(control, check, "Trail " + t.name() + " is an organization trail, so it logs account " + account + ".")
                        .withEvidence(ev);
            }
            String trailAccount = accountOf(t.arn());
            return waivers.apply((trailAccount.equals(account)
                    ? CheckResult.pass(control, check, "Trail " + t.name() + " lives in account " + account + " and logs it.")
                    : CheckResult.fail(control, check, "Trail " + t.name() + " is not an organization trail and lives in account "
                            + trailAccount + ", so Claude data events of account " + account + " would go unlogged; make it an"
                            + " organization trail or add a trail in " + account + ".")).withEvidence(ev),
                    Waivers.Finding.of(ExceptableCheck.TRAIL_ACCOUNT_COVERAGE).with(Subject.ACCOUNT, account));
        });
    }

    /** The account field of an ARN ({@code arn:partition:service:region:account:resource}), or "unknown". */
    private static String accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length >= 5 && !parts[4].isEmpty() ? parts[4] : "unknown";
    }

    private static void selectorCoverage(BaselineConfig config, LiveState.Trail t, Map<String, Object> ev, Waivers waivers,
                                         List<CheckResult> out) {
        out.add(selectorCoverage(config, t, ev, waivers, out::add));
    }

    private static CheckResult selectorCoverage(BaselineConfig config, LiveState.Trail t, Map<String, Object> ev, Waivers waivers,
                                                java.util.function.Consumer<CheckResult> exceptedOut) {
        String control = Control.CLOUDTRAIL_DATA_EVENTS.id();
        boolean all = config.controls().cloudTrailDataEvents().scope() == ControlsConfig.CloudTrailDataEvents.Scope.ALL_WORKSPACES;
        Map<String, Object> evidence = new LinkedHashMap<>(ev);
        evidence.put("advancedEventSelectors", t.advancedSelectors().stream().map(JsonNode::toString).toList());
        if (all) {
            boolean covered = t.advancedSelectors().stream().anyMatch(s -> SelectorCoverage.capturesAllWorkspaces(s));
            return covered
                    ? CheckResult.pass(control, "trail-data-selectors", "Trail " + t.name() + " logs " + AwsFacts.WORKSPACE_RESOURCE_TYPE
                            + " data events for every workspace.").withEvidence(evidence)
                    : CheckResult.fail(control, "trail-data-selectors", "Trail " + t.name() + " has no advanced event selector logging "
                            + AwsFacts.WORKSPACE_RESOURCE_TYPE + " data events for all workspaces" + selectorRemedy(t)).withEvidence(evidence);
        }
        List<String> unlogged = new ArrayList<>();
        for (WorkspaceConfig w : config.workspaces()) {
            String arn = AwsFacts.workspaceArn(config.partition(), w.region(), w.account(), w.id());
            if (t.advancedSelectors().stream().noneMatch(s -> SelectorCoverage.captures(s, arn))) {
                unlogged.add(w.id());
            }
        }
        Waivers.Partition<String> split = waivers.partition(unlogged,
                id -> Waivers.Finding.of(ExceptableCheck.TRAIL_DATA_SELECTORS).with(Subject.WORKSPACE, id),
                id -> CheckResult.fail(control, "trail-data-selectors:" + id, "Trail " + t.name() + " does not log data events for workspace "
                        + id + ".").withEvidence(Map.of("workspace", id, "trailArn", t.arn())));
        split.excepted().forEach(exceptedOut);
        List<String> uncovered = split.remaining();
        evidence.put("uncoveredWorkspaces", uncovered);
        return uncovered.isEmpty()
                ? CheckResult.pass(control, "trail-data-selectors", "Trail " + t.name() + " logs data events for every listed workspace"
                        + (split.excepted().isEmpty() ? "." : " not excepted.")).withEvidence(evidence)
                : CheckResult.fail(control, "trail-data-selectors", "Trail " + t.name() + " does not log data events for workspaces "
                        + String.join(", ", uncovered) + selectorRemedy(t) + split.expiredNote()).withEvidence(evidence);
    }

    /** apply refuses a trail whose basic selectors log data events (see Planner), so "run apply" alone would not help. */
    private static String selectorRemedy(LiveState.Trail t) {
        return t.basicSelectors().stream().anyMatch(Selectors::hasDataResources)
                ? "; its basic event selectors log data events, which apply will not overwrite: switch the trail to advanced"
                        + " event selectors (the CloudTrail console converts them), then run apply."
                : "; run apply.";
    }

    private static void keys(BaselineConfig config, LiveState.KeyInventory inv, Waivers waivers, List<CheckResult> out) {
        CheckStatus severity = config.audit().keyFindings() == AuditConfig.Severity.WARN ? CheckStatus.WARN : CheckStatus.FAIL;
        String keyControl = Control.DENY_LONG_TERM_KEY_CREATION.id();
        String userControl = Control.DENY_SHADOW_USERS.id();
        String account = String.valueOf(inv.accountId());
        Integer maxAgeDays = config.controls().denyLongTermKeyCreation().isEnabled()
                ? config.controls().denyLongTermKeyCreation().maxAgeDays() : null;
        List<AccountKeyScan.LongTermKey> active = new ArrayList<>();
        for (AccountKeyScan.LongTermKey k : inv.keys()) {
            if (!k.active()) {
                continue;
            }
            if (k.withinMaxAge(maxAgeDays)) {
                out.add(CheckResult.pass(keyControl, "long-term-key:" + account + ":" + k.id(), "Long-term Claude API key " + k.id()
                        + " of IAM user " + k.userName() + " in account " + account + " expires " + k.expires() + ", within"
                        + " controls.denyLongTermKeyCreation.maxAgeDays = " + maxAgeDays + " days of its creation (" + k.created() + ").")
                        .withEvidence(keyEvidence(account, k)));
            } else {
                active.add(k);
            }
        }
        for (AccountKeyScan.LongTermKey k : active) {
            out.add(waivers.apply(new CheckResult(keyControl, "long-term-key:" + account + ":" + k.id(), severity, "Active long-term Claude API key "
                    + k.id() + " of IAM user " + k.userName() + " in account " + account + " (created " + k.created() + ", "
                    + (k.expires() == null ? "never expires" : "expires " + k.expires()) + ")"
                    + (maxAgeDays == null ? "" : ", beyond maxAgeDays = " + maxAgeDays) + "; delete it"
                    + " (iam:DeleteServiceSpecificCredential; the baseline denies re-activating and so also deactivating with"
                    + " UpdateServiceSpecificCredential, except to exempt principals) and use short-term keys.", keyEvidence(account, k)),
                    Waivers.Finding.of(ExceptableCheck.LONG_TERM_KEY).with(Subject.KEY, k.id()).with(Subject.USER, k.userName())
                            .with(Subject.ACCOUNT, account)));
        }
        if (active.isEmpty()) {
            List<String> inactive = inv.keys().stream().filter(k -> !k.active()).map(AccountKeyScan.LongTermKey::id).toList();
            out.add(CheckResult.pass(keyControl, "long-term-keys:" + account, "No active long-term Claude API key "
                    + (maxAgeDays == null ? "" : "beyond maxAgeDays = " + maxAgeDays + " ") + "in account " + account
                    + (inactive.isEmpty() ? "." : " (" + inactive.size() + " inactive).")).withEvidence(Map.of("account", account,
                    "inactiveKeys", inactive)));
        }
        for (LiveState.ShadowUser u : inv.shadowUsers()) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("account", account);
            ev.put("userName", u.userName());
            ev.put("path", u.path());
            ev.put("arn", u.arn());
            ev.put("created", String.valueOf(u.created()));
            out.add(waivers.apply(new CheckResult(userControl, "shadow-user:" + account + ":" + u.userName(), severity, "IAM user " + u.userName()
                    + " in account " + account + " matches the shadow-user pattern " + config.controls().denyShadowUsers().userNamePattern()
                    + " of long-term Claude API keys; delete it once its keys are gone.", ev),
                    Waivers.Finding.of(ExceptableCheck.SHADOW_USER).with(Subject.USER, u.userName()).with(Subject.ACCOUNT, account)));
        }
        if (inv.shadowUsers().isEmpty()) {
            out.add(CheckResult.pass(userControl, "shadow-users:" + account, "No IAM user in account " + account + " matches "
                    + config.controls().denyShadowUsers().userNamePattern() + ".").withEvidence(Map.of("account", account)));
        }
    }

    private static Map<String, Object> keyEvidence(String account, AccountKeyScan.LongTermKey k) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("account", account);
        ev.put("userName", k.userName());
        ev.put("keyId", k.id());
        ev.put("status", k.status());
        ev.put("created", String.valueOf(k.created()));
        ev.put("expires", k.expires() == null ? "never" : k.expires().toString());
        return ev;
    }

    /**
     * The control an SCP's checks report under: the control's id when the SCP carries one control (layout:
     * per-control), else {@value #COMBINED_SCPS} (layout: combined packs several controls into one SCP).
     */
    static String controlOf(ScpDocument d) {
        return d.controls().size() == 1 ? d.controls().get(0).id() : COMBINED_SCPS;
    }

    /** Control name of the checks of an SCP that carries several controls. */
    static final String COMBINED_SCPS = "baseline-scps";
}
