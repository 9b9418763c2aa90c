package io.claudebaseline.org;

import io.claudebaseline.config.AuditConfig;
import io.claudebaseline.config.WorkspaceConfig;
import io.claudebaseline.exceptions.ExceptableCheck;
import io.claudebaseline.exceptions.Subject;
import io.claudebaseline.exceptions.Waivers;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns coverage and member-audit outcomes into verify's checks and report.json details — a pure function.
 *
 * <p>The number of checks stays bounded however large the organisation: one check per configured workspace
 * account (bounded by the config), one each for the management account, the other accounts and the OUs
 * (each aggregating every exception, with the first {@link #EVIDENCE_LIMIT} listed in evidence and all of them in
 * the details), and at most {@link #INDIVIDUAL_LIMIT} + 1 checks each for key findings and audit failures.
 */
public final class OrgReport {
    /** Check control id for everything this package reports. */
    public static final String CONTROL = "organization";
    /** Items named one by one in a check's evidence before "and N more" (the details list them all). */
    public static final int EVIDENCE_LIMIT = 50;
    /** Member accounts that get a check of their own for key findings or audit failures; the rest share one. */
    public static final int INDIVIDUAL_LIMIT = 20;

    private OrgReport() {}

    /** Inputs that shape the report besides the coverage itself. */
    public record Settings(List<WorkspaceConfig> workspaces, AuditConfig.Severity keyFindings, boolean memberAudit,
                           String roleName, String accountFilter, Waivers waivers) {
        public Settings {
            workspaces = List.copyOf(workspaces);
            waivers = waivers == null ? Waivers.none() : waivers;
        }

        /** Without exceptions. */
        public Settings(List<WorkspaceConfig> workspaces, AuditConfig.Severity keyFindings, boolean memberAudit,
                        String roleName, String accountFilter) {
            this(workspaces, keyFindings, memberAudit, roleName, accountFilter, null);
        }
    }

    /** Checks and details, ready to merge into verify's report. */
    public record Output(List<CheckResult> checks, Map<String, Object> details) {}

    public static Output build(Coverage coverage, List<MemberAudit.Outcome> outcomes, Settings settings) {
        OrgTree tree = coverage.tree();
        Map<String, List<String>> workspacesByAccount = workspacesByAccount(settings.workspaces());
        List<CheckResult> checks = new ArrayList<>();
        boolean scps = !coverage.scpNames().isEmpty();
        if (settings.accountFilter() != null) {
            if (scps) {
                checks.add(accountGate(coverage, settings.accountFilter(), workspacesByAccount));
            }
        } else if (scps) {
            checks.addAll(workspaceAccounts(coverage, workspacesByAccount));
            checks.add(managementAccount(tree, workspacesByAccount));
            checks.addAll(otherAccounts(coverage, workspacesByAccount.keySet(), settings.waivers()));
            checks.addAll(ous(coverage, settings.waivers()));
        }
        checks.addAll(keyChecks(coverage, outcomes, settings));

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("coverage", coverageSummary(coverage, settings));
        details.put("accounts", accountRows(coverage, outcomes, workspacesByAccount));
        details.put("ous", ouRows(coverage));
        if (!outcomes.isEmpty()) {
            details.put("memberAudit", memberAuditDetails(outcomes, settings));
        }
        return new Output(List.copyOf(checks), details);
    }

    // ------------------------------------------------------------------ coverage checks

    private static Map<String, List<String>> workspacesByAccount(List<WorkspaceConfig> workspaces) {
        Map<String, List<String>> out = new TreeMap<>();
        for (WorkspaceConfig w : workspaces) {
            if (w.account() != null && !WorkspaceConfig.ANY.equals(w.account())) {
                out.computeIfAbsent(w.account(), k -> new ArrayList<>()).add(w.id());
            }
        }
        return out;
    }

    private static List<CheckResult> workspaceAccounts(Coverage coverage, Map<String, List<String>> workspacesByAccount) {
        List<CheckResult> out = new ArrayList<>();
        OrgTree tree = coverage.tree();
        for (Map.Entry<String, List<String>> e : workspacesByAccount.entrySet()) {
            String id = e.getKey();
            if (tree.isManagement(id)) {
                continue; // reported by the management-account check
            }
            String check = "org-coverage:workspace-account:" + id;
            Coverage.AccountCoverage ac = coverage.account(id);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("account", id);
            evidence.put("workspaces", e.getValue());
            if (ac == null) {
                out.add(CheckResult.fail(CONTROL, check, "Account " + id + " (workspace " + String.join(", ", e.getValue())
                        + ") is not a member of this organisation, so no baseline SCP protects it; invite it or fix workspaces[].account.")
                        .withEvidence(evidence));
                continue;
            }
            evidence.putAll(accountEvidence(tree, ac));
            if (ac.covered()) {
                out.add(CheckResult.pass(CONTROL, check, "Account " + id + " (" + tree.path(ac.account().parentId())
                        + ") hosting workspace " + String.join(", ", e.getValue()) + " inherits every baseline SCP.").withEvidence(evidence));
            } else {
                out.add(CheckResult.fail(CONTROL, check, "Account " + id + " (" + tree.path(ac.account().parentId())
                        + ") hosts workspace " + String.join(", ", e.getValue()) + " but " + describeMissing(ac.missing())
                        + "; attach them to the account, one of its OUs or the root.").withEvidence(evidence));
            }
        }
        return out;
    }

    private static CheckResult managementAccount(OrgTree tree, Map<String, List<String>> workspacesByAccount) {
        String mgmt = tree.managementAccountId();
        List<String> hosted = mgmt == null ? List.of() : workspacesByAccount.getOrDefault(mgmt, List.of());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("account", mgmt);
        if (!hosted.isEmpty()) {
            evidence.put("workspaces", hosted);
            return CheckResult.fail(CONTROL, "org-coverage:management-account", "Workspace " + String.join(", ", hosted)
                    + " lives in the management account " + mgmt + ", where SCPs never apply; move it to a member account.")
                    .withEvidence(evidence);
        }
        return CheckResult.warn(CONTROL, "org-coverage:management-account", "SCPs never apply to the management account "
                + mgmt + ": keep Claude workspaces and long-term keys out of it and restrict who can sign in there.")
                .withEvidence(evidence);
    }

    private static List<CheckResult> otherAccounts(Coverage coverage, Set<String> workspaceAccounts, Waivers waivers) {
        int inScope = 0;
        List<Coverage.AccountCoverage> lacking = new ArrayList<>();
        Map<String, Integer> missingByScp = new LinkedHashMap<>();
        int inactive = 0;
        for (Coverage.AccountCoverage ac : coverage.accounts().values()) {
            if (ac.management() || workspaceAccounts.contains(ac.account().id())) {
                continue;
            }
            if (!ac.account().isActive()) {
                inactive++;
                continue;
            }
            inScope++;
            if (!ac.covered()) {
                lacking.add(ac);
            }
        }
        OrgTree tree = coverage.tree();
        Waivers.Partition<Coverage.AccountCoverage> split = waivers.partition(lacking,
                ac -> Waivers.Finding.of(ExceptableCheck.ORG_COVERAGE_ACCOUNTS).with(Subject.ACCOUNT, ac.account().id())
                        .with(Subject.OU, tree.ancestors(ac.account().id())),
                ac -> CheckResult.warn(CONTROL, "org-coverage:accounts:" + ac.account().id(), "Account " + ac.account().id()
                        + " (" + tree.path(ac.account().parentId()) + ") lacks " + String.join(", ", ac.missing()) + ".")
                        .withEvidence(accountEvidence(tree, ac)));
        List<Coverage.AccountCoverage> uncovered = split.remaining();
        uncovered.forEach(ac -> ac.missing().forEach(s -> missingByScp.merge(s, 1, Integer::sum)));
        List<CheckResult> out = new ArrayList<>(split.excepted());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("accountsInScope", inScope);
        evidence.put("uncoveredAccounts", uncovered.size());
        if (!split.excepted().isEmpty()) {
            evidence.put("exceptedAccounts", split.excepted().size());
        }
        if (inactive > 0) {
            evidence.put("inactiveAccountsSkipped", inactive);
        }
        if (uncovered.isEmpty()) {
            String excepted = split.excepted().isEmpty() ? "" : " (" + split.excepted().size() + " excepted account"
                    + plural(split.excepted().size()) + " aside)";
            out.add(0, CheckResult.pass(CONTROL, "org-coverage:accounts", (inScope == 1 ? "The one other active member account inherits"
                    : "All " + inScope + " other active member accounts inherit") + " every baseline SCP" + excepted + ".")
                    .withEvidence(evidence));
            return out;
        }
        evidence.put("missingByScp", missingByScp);
        evidence.putAll(limited("uncovered", uncovered, ac -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("account", ac.account().id());
            row.put("name", ac.account().name());
            row.put("path", tree.path(ac.account().parentId()));
            row.put("missingScps", ac.missing());
            return row;
        }));
        out.add(0, CheckResult.warn(CONTROL, "org-coverage:accounts", uncovered.size() + " of " + inScope
                + " other active member account" + plural(inScope) + " lack at least one baseline SCP; attach the SCPs "
                + "higher in the tree if these accounts should be protected (details: accounts)." + split.expiredNote())
                .withEvidence(evidence));
        return out;
    }

    private static List<CheckResult> ous(Coverage coverage, Waivers waivers) {
        OrgTree tree = coverage.tree();
        Waivers.Partition<Coverage.OuCoverage> split = waivers.partition(
                coverage.ous().values().stream().filter(o -> !o.covered()).toList(),
                o -> Waivers.Finding.of(ExceptableCheck.ORG_COVERAGE_OUS).with(Subject.OU, o.ou().id()),
                o -> CheckResult.warn(CONTROL, "org-coverage:ous:" + o.ou().id(), "OU " + o.ou().id() + " (" + tree.path(o.ou().id())
                        + ") does not inherit " + String.join(", ", o.missing()) + ".")
                        .withEvidence(Map.of("ou", o.ou().id(), "missingScps", o.missing())));
        List<Coverage.OuCoverage> uncovered = split.remaining();
        List<CheckResult> out = new ArrayList<>(split.excepted());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("ous", coverage.ous().size());
        evidence.put("rootScps", new ArrayList<>(coverage.rootCoveredBy().keySet()));
        evidence.put("ousNotCovered", uncovered.size());
        boolean pruned = !tree.unexploredParents().isEmpty();
        evidence.put("ousNotReadBeneath", new ArrayList<>(tree.unexploredParents()));
        if (uncovered.isEmpty()) {
            String message = tree.unexploredParents().contains(tree.rootId())
                    ? "The root carries every baseline SCP, so every OU inherits them (OUs were not listed: none can lack one)."
                    : coverage.ous().isEmpty() ? "The organisation has no OUs."
                    : "All " + coverage.ous().size() + " OU" + plural(coverage.ous().size()) + (pruned ? " read" : "")
                            + " inherit every baseline SCP" + (pruned ? "; the OUs beneath fully covered ones inherit them too." : ".");
            if (!split.excepted().isEmpty()) {
                message = uncovered.isEmpty() && !coverage.ous().isEmpty() ? "Every OU but " + split.excepted().size()
                        + " excepted one" + plural(split.excepted().size()) + " inherits every baseline SCP." : message;
            }
            out.add(0, CheckResult.pass(CONTROL, "org-coverage:ous", message).withEvidence(evidence));
            return out;
        }
        evidence.putAll(limited("notCovered", uncovered, o -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ou", o.ou().id());
            row.put("path", tree.path(o.ou().id()));
            row.put("missingScps", o.missing());
            row.put("accountsBeneath", o.accountsBeneath());
            row.put("uncoveredBeneath", o.uncoveredBeneath());
            return row;
        }));
        out.add(0, CheckResult.warn(CONTROL, "org-coverage:ous", uncovered.size() + " of " + coverage.ous().size()
                + " OUs" + (pruned ? " read" : "") + " do not inherit every baseline SCP; accounts created in or moved to them"
                + " start unprotected (details: ous)" + (pruned ? "; OUs beneath fully covered ones were not read, as they inherit every SCP." : ".")
                + split.expiredNote()).withEvidence(evidence));
        return out;
    }

    /** verify --account: may Claude Platform be enabled in this account? */
    private static CheckResult accountGate(Coverage coverage, String accountId, Map<String, List<String>> workspacesByAccount) {
        OrgTree tree = coverage.tree();
        String check = "org-coverage:account:" + accountId;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("account", accountId);
        List<String> hosted = workspacesByAccount.getOrDefault(accountId, List.of());
        if (!hosted.isEmpty()) {
            evidence.put("workspaces", hosted);
        }
        if (tree.isManagement(accountId)) {
            return CheckResult.fail(CONTROL, check, "Account " + accountId + " is the management account: SCPs never apply "
                    + "there, so the baseline cannot protect Claude Platform in it; use a member account.").withEvidence(evidence);
        }
        Coverage.AccountCoverage ac = coverage.account(accountId);
        if (ac == null) {
            return CheckResult.fail(CONTROL, check, "Account " + accountId + " is not a member of this organisation, so no "
                    + "baseline SCP applies to it.").withEvidence(evidence);
        }
        evidence.putAll(accountEvidence(tree, ac));
        if (!ac.account().isActive()) {
            return CheckResult.fail(CONTROL, check, "Account " + accountId + " is " + ac.account().status()
                    + ", not ACTIVE.").withEvidence(evidence);
        }
        if (ac.covered()) {
            return CheckResult.pass(CONTROL, check, "Account " + accountId + " inherits every baseline SCP ("
                    + describeSources(ac.coveredBy()) + ").").withEvidence(evidence);
        }
        return CheckResult.fail(CONTROL, check, "Account " + accountId + " is not protected: " + describeMissing(ac.missing())
                + "; attach them to the account, one of its OUs or the root before enabling Claude Platform here.")
                .withEvidence(evidence);
    }

    private static Map<String, Object> accountEvidence(OrgTree tree, Coverage.AccountCoverage ac) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("name", ac.account().name());
        evidence.put("parents", tree.ancestors(ac.account().id()));
        evidence.put("path", tree.path(ac.account().parentId()));
        evidence.put("coveredBy", ac.coveredBy());
        evidence.put("missingScps", ac.missing());
        return evidence;
    }

    // ------------------------------------------------------------------ key audit checks

    private static List<CheckResult> keyChecks(Coverage coverage, List<MemberAudit.Outcome> allOutcomes, Settings settings) {
        if (allOutcomes.isEmpty()) {
            return List.of();
        }
        CheckStatus severity = settings.keyFindings() == AuditConfig.Severity.WARN ? CheckStatus.WARN : CheckStatus.FAIL;
        OrgTree tree = coverage.tree();
        List<CheckResult> out = new ArrayList<>();
        // Excepted keys and shadow users leave the inventories first, so counts and messages speak of what stands.
        List<MemberAudit.Outcome> outcomes = allOutcomes.stream().map(o -> withoutExcepted(o, settings.waivers(), out)).toList();
        List<MemberAudit.Outcome> withFindings = outcomes.stream().filter(o -> o.audited() && o.inventory().hasFindings()).toList();
        List<MemberAudit.Outcome> failed = outcomes.stream().filter(o -> !o.audited()).toList();
        int audited = outcomes.size() - failed.size();

        if (withFindings.isEmpty()) {
            String only = settings.accountFilter() != null ? ":" + settings.accountFilter() : "";
            if (audited > 0) {
                out.add(CheckResult.pass(CONTROL, "member-keys" + only, "No forbidden long-term Claude key and no shadow user in the "
                        + audited + " member account" + plural(audited) + " audited" + allowedNote(outcomes) + ".")
                        .withEvidence(Map.of("audited", audited)));
            }
        } else {
            for (MemberAudit.Outcome o : withFindings.subList(0, Math.min(INDIVIDUAL_LIMIT, withFindings.size()))) {
                AccountKeyScan.Inventory inv = o.inventory();
                Coverage.AccountCoverage ac = coverage.account(o.accountId());
                String where = ac == null ? "" : " (" + tree.path(ac.account().parentId()) + ")";
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("account", o.accountId());
                evidence.putAll(limited("activeKeys", inv.forbiddenKeys(), OrgReport::keyRow));
                if (!inv.allowedKeys().isEmpty()) {
                    evidence.putAll(limited("keysWithinMaxAgeDays", inv.allowedKeys(), OrgReport::keyRow));
                }
                evidence.putAll(limited("shadowUsers", inv.shadowUsers(), OrgReport::shadowUserRow));
                out.add(new CheckResult(CONTROL, "member-keys:" + o.accountId(), severity, "Account " + o.accountId() + where
                        + " holds " + inv.forbiddenKeys().size() + " active long-term Claude key" + plural(inv.forbiddenKeys().size())
                        + (inv.maxAgeDays() == null ? "" : " beyond maxAgeDays = " + inv.maxAgeDays())
                        + " and " + inv.shadowUsers().size() + " shadow user" + plural(inv.shadowUsers().size())
                        + "; delete them (DeleteServiceSpecificCredential: the baseline denies UpdateServiceSpecificCredential, so only an"
                        + " exempt principal can deactivate them).", evidence));
            }
            if (withFindings.size() > INDIVIDUAL_LIMIT) {
                List<MemberAudit.Outcome> rest = withFindings.subList(INDIVIDUAL_LIMIT, withFindings.size());
                Map<String, Object> evidence = new LinkedHashMap<>(limited("accounts", rest, o -> Map.of(
                        "account", o.accountId(),
                        "activeKeys", o.inventory().forbiddenKeys().size(),
                        "shadowUsers", o.inventory().shadowUsers().size())));
                out.add(new CheckResult(CONTROL, "member-keys:more", severity, rest.size() + " more member account"
                        + plural(rest.size()) + " hold long-term Claude keys or shadow users (" + withFindings.size()
                        + " in all; details: memberAudit.findings).", evidence));
            }
        }

        for (MemberAudit.Outcome o : failed.subList(0, Math.min(INDIVIDUAL_LIMIT, failed.size()))) {
            out.add(settings.waivers().apply(CheckResult.warn(CONTROL, "member-audit:" + o.accountId(), "Long-term keys in account " + o.accountId()
                    + " were not audited: " + o.failure()).withEvidence(Map.of("account", o.accountId(), "role", settings.roleName())),
                    Waivers.Finding.of(ExceptableCheck.MEMBER_AUDIT).with(Subject.ACCOUNT, o.accountId())));
        }
        if (failed.size() > INDIVIDUAL_LIMIT) {
            List<MemberAudit.Outcome> rest = failed.subList(INDIVIDUAL_LIMIT, failed.size());
            out.add(CheckResult.warn(CONTROL, "member-audit:more", rest.size() + " more member account" + plural(rest.size())
                    + " could not be audited (" + failed.size() + " in all; details: memberAudit.failures).")
                    .withEvidence(limited("accounts", rest, o -> Map.of("account", o.accountId(), "reason", o.failure()))));
        }
        return out;
    }

    /** The outcome with the keys and shadow users that exceptions cover taken out; their EXCEPTED checks go to {@code out}. */
    private static MemberAudit.Outcome withoutExcepted(MemberAudit.Outcome o, Waivers waivers, List<CheckResult> out) {
        if (!o.audited() || !o.inventory().hasFindings()) {
            return o;
        }
        String account = o.accountId();
        Waivers.Partition<AccountKeyScan.LongTermKey> keys = waivers.partition(o.inventory().forbiddenKeys(),
                k -> Waivers.Finding.of(ExceptableCheck.MEMBER_KEYS).with(Subject.ACCOUNT, account).with(Subject.USER, k.userName())
                        .with(Subject.KEY, k.id()),
                k -> CheckResult.fail(CONTROL, "member-keys:" + account + ":" + k.id(), "Account " + account + " holds active long-term"
                        + " Claude key " + k.id() + " of IAM user " + k.userName() + ".").withEvidence(keyRow(k)));
        Waivers.Partition<AccountKeyScan.ShadowUser> users = waivers.partition(o.inventory().shadowUsers(),
                u -> Waivers.Finding.of(ExceptableCheck.MEMBER_KEYS).with(Subject.ACCOUNT, account).with(Subject.USER, u.userName()),
                u -> CheckResult.fail(CONTROL, "member-keys:" + account + ":" + u.userName(), "Account " + account + " holds shadow user "
                        + u.userName() + ".").withEvidence(shadowUserRow(u)));
        if (keys.excepted().isEmpty() && users.excepted().isEmpty()) {
            return o;
        }
        out.addAll(keys.excepted());
        out.addAll(users.excepted());
        AccountKeyScan.Inventory inv = o.inventory();
        List<AccountKeyScan.LongTermKey> kept = new ArrayList<>(inv.keys().stream()
                .filter(k -> !k.active() || k.withinMaxAge(inv.maxAgeDays())).toList());
        kept.addAll(keys.remaining());
        return new MemberAudit.Outcome(account, new AccountKeyScan.Inventory(users.remaining(), kept, inv.maxAgeDays()), null);
    }

    /** How many active keys the audit found within maxAgeDays: allowed, so named but no finding. */
    private static String allowedNote(List<MemberAudit.Outcome> outcomes) {
        List<AccountKeyScan.Inventory> audited = outcomes.stream().filter(MemberAudit.Outcome::audited)
                .map(MemberAudit.Outcome::inventory).toList();
        int allowed = audited.stream().mapToInt(i -> i.allowedKeys().size()).sum();
        return allowed == 0 ? "" : " (" + allowed + " active key" + plural(allowed) + " expire" + (allowed == 1 ? "s" : "")
                + " within maxAgeDays = " + audited.get(0).maxAgeDays() + " of creation, which the baseline allows)";
    }

    private static Map<String, Object> keyRow(AccountKeyScan.LongTermKey k) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("keyId", k.id());
        row.put("userName", k.userName());
        row.put("status", k.status());
        row.put("created", iso(k.created()));
        row.put("expires", k.expires() == null ? "never" : iso(k.expires()));
        return row;
    }

    private static Map<String, Object> shadowUserRow(AccountKeyScan.ShadowUser u) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("userName", u.userName());
        row.put("path", u.path());
        row.put("created", iso(u.created()));
        return row;
    }

    // ------------------------------------------------------------------ details

    private static Map<String, Object> coverageSummary(Coverage coverage, Settings settings) {
        OrgTree tree = coverage.tree();
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("scope", settings.accountFilter() == null ? "organization" : "account");
        if (settings.accountFilter() != null) {
            org.put("account", settings.accountFilter());
        }
        org.put("rootId", tree.rootId());
        org.put("managementAccountId", tree.managementAccountId());
        org.put("baselineScps", coverage.scpNames());
        org.put("rootScps", new ArrayList<>(coverage.rootCoveredBy().keySet()));
        long active = coverage.accounts().values().stream().filter(a -> !a.management() && a.account().isActive()).count();
        long uncovered = coverage.accounts().values().stream()
                .filter(a -> !a.management() && a.account().isActive() && !a.covered()).count();
        org.put("accounts", coverage.accounts().size());
        org.put("activeMemberAccounts", active);
        org.put("uncoveredMemberAccounts", uncovered);
        org.put("ous", coverage.ous().size());
        org.put("ousNotCovered", coverage.ous().values().stream().filter(o -> !o.covered()).count());
        return org;
    }

    private static List<Map<String, Object>> accountRows(Coverage coverage, List<MemberAudit.Outcome> outcomes,
                                                         Map<String, List<String>> workspacesByAccount) {
        OrgTree tree = coverage.tree();
        Map<String, MemberAudit.Outcome> byAccount = new LinkedHashMap<>();
        outcomes.forEach(o -> byAccount.put(o.accountId(), o));
        List<Map<String, Object>> rows = new ArrayList<>(coverage.accounts().size());
        for (Coverage.AccountCoverage ac : coverage.accounts().values()) {
            OrgTree.Account a = ac.account();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", a.id());
            row.put("name", a.name());
            row.put("status", a.status());
            row.put("parentId", a.parentId());
            row.put("path", tree.path(a.parentId()));
            row.put("management", ac.management());
            row.put("workspaces", workspacesByAccount.getOrDefault(a.id(), List.of()));
            row.put("covered", ac.covered());
            row.put("missingScps", ac.missing());
            row.put("coveredBy", ac.coveredBy());
            MemberAudit.Outcome o = byAccount.get(a.id());
            if (o == null) {
                row.put("keyAudit", "not-audited");
            } else if (!o.audited()) {
                row.put("keyAudit", "failed");
                row.put("keyAuditFailure", o.failure());
            } else {
                row.put("keyAudit", o.inventory().hasFindings() ? "findings" : "clean");
                row.put("activeKeys", o.inventory().forbiddenKeys().size());
                row.put("keysWithinMaxAgeDays", o.inventory().allowedKeys().size());
                row.put("shadowUsers", o.inventory().shadowUsers().size());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> ouRows(Coverage coverage) {
        OrgTree tree = coverage.tree();
        List<Map<String, Object>> rows = new ArrayList<>(coverage.ous().size());
        for (Coverage.OuCoverage o : coverage.ous().values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", o.ou().id());
            row.put("name", o.ou().name());
            row.put("parentId", o.ou().parentId());
            row.put("path", tree.path(o.ou().id()));
            row.put("covered", o.covered());
            row.put("missingScps", o.missing());
            row.put("coveredBy", o.coveredBy());
            row.put("directAccounts", o.directAccounts());
            row.put("accountsBeneath", o.accountsBeneath());
            row.put("uncoveredBeneath", o.uncoveredBeneath());
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> memberAuditDetails(List<MemberAudit.Outcome> outcomes, Settings settings) {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("roleName", settings.roleName());
        audit.put("accounts", outcomes.size());
        audit.put("audited", outcomes.stream().filter(MemberAudit.Outcome::audited).count());
        audit.put("failed", outcomes.stream().filter(o -> !o.audited()).count());
        List<Map<String, Object>> findings = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        for (MemberAudit.Outcome o : outcomes) {
            if (!o.audited()) {
                failures.add(Map.of("account", o.accountId(), "reason", o.failure()));
                continue;
            }
            for (AccountKeyScan.LongTermKey k : o.inventory().keys()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("account", o.accountId());
                row.put("kind", "long-term-key");
                row.putAll(keyRow(k));
                boolean allowed = k.active() && k.withinMaxAge(o.inventory().maxAgeDays());
                row.put("finding", k.active() && !allowed);
                if (allowed) {
                    row.put("withinMaxAgeDays", o.inventory().maxAgeDays());
                }
                findings.add(row);
            }
            for (AccountKeyScan.ShadowUser u : o.inventory().shadowUsers()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("account", o.accountId());
                row.put("kind", "shadow-user");
                row.putAll(shadowUserRow(u));
                row.put("finding", true);
                findings.add(row);
            }
        }
        audit.put("findings", findings);
        audit.put("failures", failures);
        return audit;
    }

    // ------------------------------------------------------------------ helpers

    /** {@code name}: the first {@link #EVIDENCE_LIMIT} items; {@code nameMore}: how many were left out. */
    private static <T> Map<String, Object> limited(String name, List<T> items, Function<T, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(name, items.stream().limit(EVIDENCE_LIMIT).map(row).toList());
        if (items.size() > EVIDENCE_LIMIT) {
            out.put(name + "More", items.size() - EVIDENCE_LIMIT);
        }
        return out;
    }

    private static String describeMissing(List<String> missing) {
        return missing.size() == 1 ? "baseline SCP " + missing.get(0) + " does not apply to it"
                : "baseline SCPs " + String.join(", ", missing) + " do not apply to it";
    }

    private static String describeSources(Map<String, String> coveredBy) {
        Set<String> parts = new LinkedHashSet<>();
        coveredBy.forEach((scp, target) -> parts.add(scp + " via " + target));
        return String.join(", ", parts);
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
