package io.claudebaseline.org;

import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.config.AuditConfig;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.exceptions.Waivers;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.verify.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Organisation-scale part of verify: which accounts each baseline SCP covers through the OU tree, and the
 * per-member-account long-term key audit.
 *
 * <p>Steps: read the tree ({@link OrgTreeReader}: the whole organisation, or one account's chain of parents for
 * {@code verify --account}); compute coverage ({@link Coverage}, pure) from the targets verify already read with
 * ListTargetsForPolicy; audit member accounts ({@link MemberAudit}) when {@code audit.memberAccounts} is on, or the
 * one account asked about; turn it all into a bounded set of checks and report details ({@link OrgReport}).
 */
public final class OrganizationAudit {
    private OrganizationAudit() {}

    /**
     * @param baseline          desired state
     * @param targetsByScpName  for each owned baseline SCP found live: the ids it is attached to (from ListTargetsForPolicy)
     * @param aws               clients
     * @param accountFilter     answer for this one account only (verify --account), or null for the whole organisation
     */
    public static Result run(Baseline baseline, Map<String, Set<String>> targetsByScpName, AwsClients aws,
                             String accountFilter, Progress progress) {
        return run(baseline, targetsByScpName, aws, accountFilter, progress, null, Waivers.none(), System::nanoTime);
    }

    /**
     * As {@link #run(Baseline, Map, AwsClients, String, Progress)}, reusing what verify already read about the
     * organisation: saves a DescribeOrganization and a ListRoots call.
     */
    public static Result run(Baseline baseline, Map<String, Set<String>> targetsByScpName, AwsClients aws,
                             String accountFilter, Progress progress, KnownOrganization known) {
        return run(baseline, targetsByScpName, aws, accountFilter, progress, known, Waivers.none(), System::nanoTime);
    }

    /** As above, with the config's exceptions applied to the coverage and key findings. */
    public static Result run(Baseline baseline, Map<String, Set<String>> targetsByScpName, AwsClients aws,
                             String accountFilter, Progress progress, KnownOrganization known, Waivers waivers) {
        return run(baseline, targetsByScpName, aws, accountFilter, progress, known, waivers, System::nanoTime);
    }

    /** The organisation's root and management account, when the caller has read them already. */
    public record KnownOrganization(String rootId, String managementAccountId) {}

    /** The full form, with the clock the progress line uses. */
    static Result run(Baseline baseline, Map<String, Set<String>> targetsByScpName, AwsClients aws,
                      String accountFilter, Progress progress, KnownOrganization known, Waivers waivers, LongSupplier clock) {
        BaselineConfig config = baseline.config();
        AuditConfig audit = config.audit();

        List<String> scpNames = baseline.scps().stream().map(ScpDocument::name).toList();
        if (scpNames.isEmpty() && accountFilter == null && !audit.memberAccounts()) {
            // No SCP to cover anything and no member audit asked for: the tree would cost calls and say nothing.
            return new Result(List.of(), Map.of());
        }
        OrgTree tree;
        if (accountFilter == null) {
            OrgTreeReader.Structure walked = OrgTreeReader.readStructure(aws.organizations(), known, scpNames, targetsByScpName);
            OrgTree structure = walked.tree();
            Set<String> skip;
            if (walked.notDescended().isEmpty() || coveredGroupIsTheOneToSkip(walked, scpNames, targetsByScpName)) {
                // Parents inheriting every baseline SCP were not looked beneath; their accounts (wherever below they
                // sit) come from the organisation-wide listing, and every other parent is listed one by one.
                skip = walked.notDescended().isEmpty() ? parentsToListOrganizationWide(structure, scpNames, targetsByScpName)
                        : walked.notDescended();
            } else {
                // Most parents share a coverage short of the full baseline: listing those organisation-wide is
                // cheaper, which needs the covered parents' subtrees to be placed one by one, so walk them too.
                structure = OrgTreeReader.expand(aws.organizations(), structure, walked.notDescended());
                skip = parentsToListOrganizationWide(structure, scpNames, targetsByScpName);
            }
            tree = OrgTreeReader.readAccounts(aws.organizations(), structure, skip);
            progress.line("organization: read " + tree.ous().size() + " OUs"
                    + (tree.unexploredParents().isEmpty() ? "" : " (none beneath " + tree.unexploredParents().size()
                    + " parent" + (tree.unexploredParents().size() == 1 ? "" : "s") + " inheriting every baseline SCP)")
                    + " and " + tree.accounts().size() + " accounts"
                    + (skip.isEmpty() ? "" : " (accounts under " + skip.size() + " parent" + (skip.size() == 1 ? "" : "s")
                    + " with identical coverage listed organisation-wide)"));
        } else {
            tree = OrgTreeReader.readForAccount(aws.organizations(), accountFilter, known);
        }

        Coverage coverage = Coverage.compute(tree, scpNames, targetsByScpName);

        List<MemberAudit.Outcome> outcomes = MemberAudit.run(membersToAudit(tree, audit, accountFilter), aws,
                audit.roleName(), audit.externalId(), audit.concurrency(),
                config.controls().denyShadowUsers().userNamePattern(), config.controls().denyLongTermKeyCreation().isEnabled()
                        ? config.controls().denyLongTermKeyCreation().maxAgeDays() : null, progress, clock);

        OrgReport.Output out = OrgReport.build(coverage, outcomes, new OrgReport.Settings(config.workspaces(),
                audit.keyFindings(), audit.memberAccounts(), audit.roleName(), accountFilter, waivers));
        return new Result(out.checks(), out.details());
    }

    /**
     * After a pruned walk: keep the fully covered parents as the organisation-wide group unless a larger group of
     * the other parents shares one coverage (then that group is the cheaper one to list organisation-wide).
     */
    static boolean coveredGroupIsTheOneToSkip(OrgTreeReader.Structure walked, List<String> scpNames,
                                              Map<String, Set<String>> targetsByScpName) {
        Set<String> largest = Coverage.largestUniformParentGroup(walked.tree(), scpNames, targetsByScpName);
        return largest.size() <= walked.notDescended().size() || walked.notDescended().containsAll(largest);
    }

    /**
     * Parents whose accounts need not be listed one parent at a time: the largest group of parents with identical
     * baseline coverage ({@link Coverage#largestUniformParentGroup}), when it holds at least half of all parents
     * (root and OUs). Each parent listed costs at least one call even when empty, while the organisation-wide
     * listing that replaces the group costs ⌈accounts / 20⌉ once; with a smaller group that trade does not pay.
     * Coverage stays exact either way; only the OU of the accounts in that group goes unrecorded.
     */
    static Set<String> parentsToListOrganizationWide(OrgTree structure, List<String> scpNames,
                                                     Map<String, Set<String>> targetsByScpName) {
        Set<String> group = Coverage.largestUniformParentGroup(structure, scpNames, targetsByScpName);
        int parents = structure.ous().size() + 1;
        return group.size() * 2 >= parents ? group : Set.of();
    }

    /**
     * Whole organisation: every ACTIVE member account when {@code audit.memberAccounts} is on. One account: that
     * account (the release gate asks about its keys too), unless it is the management account — verify's own key
     * audit covers the account it runs in — or not an active member.
     */
    static List<String> membersToAudit(OrgTree tree, AuditConfig audit, String accountFilter) {
        if (accountFilter != null) {
            OrgTree.Account account = tree.account(accountFilter);
            return account != null && account.isActive() && !tree.isManagement(accountFilter) ? List.of(accountFilter) : List.of();
        }
        if (!audit.memberAccounts()) {
            return List.of();
        }
        return tree.accounts().stream()
                .filter(a -> a.isActive() && !tree.isManagement(a.id()))
                .map(OrgTree.Account::id)
                .toList();
    }

    /**
     * @param checks  checks to add to verify's report
     * @param details structured data for report.json (e.g. {@code accounts}: the per-account table, {@code ous}: per-OU summary)
     */
    public record Result(List<CheckResult> checks, Map<String, Object> details) {}
}
