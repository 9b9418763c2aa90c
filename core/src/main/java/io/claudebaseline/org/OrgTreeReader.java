package io.claudebaseline.org;

import io.claudebaseline.aws.AwsOperation;
import io.claudebaseline.facts.AwsFacts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * Reads the organisation's structure with as few calls as the API allows. Never one call per account.
 *
 * <p>Whole organisation, in two steps:
 * <ol>
 *   <li>{@link #readStructure}: DescribeOrganization (management account), ListRoots, then a breadth-first walk
 *       asking each parent (root and every OU) for its child OUs — 2 + (OUs + 1) calls (more only for a parent
 *       with over 20 child OUs).</li>
 *   <li>{@link #readAccounts}: ListAccountsForParent for each parent whose placement matters, at the largest page
 *       size (20); if some parents are skipped — because the same baseline SCPs apply to all of them, so their
 *       accounts' coverage does not depend on which one they sit in — one organisation-wide ListAccounts (also 20 a
 *       page) finds the accounts beneath them, without their parent. Skipping pays when many parents share
 *       coverage: a parent costs at least one ListAccountsForParent call even when empty, while ListAccounts costs
 *       ⌈accounts / 20⌉ in all.</li>
 * </ol>
 *
 * <p>One account ({@link #readForAccount}): DescribeOrganization, DescribeAccount and one ListParents per level up
 * to the root — at most 8 calls, whatever the size of the organisation.
 *
 * <p>Every call goes through {@link AwsOperation#call}, so a failure names the operation and the fix.
 */
public final class OrgTreeReader {
    private OrgTreeReader() {}

    /** The whole organisation, every account listed under its parent (exact placement). */
    public static OrgTree readAll(OrganizationsClient organizations) {
        return readAccounts(organizations, readStructure(organizations), Set.of());
    }

    /** Management account, root and every OU with its parent; no accounts. */
    public static OrgTree readStructure(OrganizationsClient organizations) {
        return readStructure(organizations, null);
    }

    /** As {@link #readStructure(OrganizationsClient)}; {@code known} (if not null) saves DescribeOrganization and ListRoots. */
    public static OrgTree readStructure(OrganizationsClient organizations, OrganizationAudit.KnownOrganization known) {
        return readStructure(organizations, known, List.of(), Map.of()).tree();
    }

    /**
     * The structure, without looking beneath a parent that already inherits every one of {@code required} (all its
     * descendants inherit them too, so where exactly they sit cannot change their coverage). Those parents are
     * returned as {@link Structure#notDescended()}; their accounts, and those of the OUs beneath, are found with the
     * organisation-wide listing. With {@code required} empty nothing is pruned.
     *
     * @param targetsByScpName for each required SCP, the ids it is attached to
     */
    public static Structure readStructure(OrganizationsClient organizations, OrganizationAudit.KnownOrganization known,
                                          List<String> required, Map<String, Set<String>> targetsByScpName) {
        String management = known != null ? known.managementAccountId() : managementAccount(organizations);
        String rootId = known != null ? known.rootId() : rootId(organizations);
        OrgTree.Builder tree = OrgTree.builder(rootId, management);
        Set<String> notDescended = new LinkedHashSet<>();
        walk(organizations, tree, Map.of(rootId, Set.of()), required, targetsByScpName, notDescended);
        return new Structure(tree.unexploredParents(notDescended).build(), notDescended);
    }

    /** Completes a pruned structure: walks beneath {@code notDescended} as well. */
    public static OrgTree expand(OrganizationsClient organizations, OrgTree structure, Set<String> notDescended) {
        // A fresh builder (not ousOf's copy of the unexplored set): after this walk every parent has been explored.
        OrgTree.Builder tree = OrgTree.builder(structure.rootId(), structure.managementAccountId());
        structure.ous().forEach(o -> tree.ou(o.id(), o.name(), o.parentId()));
        Map<String, Set<String>> start = new LinkedHashMap<>();
        notDescended.forEach(p -> start.put(p, Set.of()));
        walk(organizations, tree, start, List.of(), Map.of(), new LinkedHashSet<>());
        return tree.build();
    }

    /**
     * A structure read with {@link #readStructure(OrganizationsClient, OrganizationAudit.KnownOrganization, List, Map)}.
     *
     * @param notDescended parents that inherit every required SCP and whose child OUs were not asked for
     */
    public record Structure(OrgTree tree, Set<String> notDescended) {
        public Structure {
            notDescended = Set.copyOf(notDescended);
        }
    }

    /** Breadth first from {@code start} (parent id → SCPs it inherits from above), one listing per parent entered. */
    private static void walk(OrganizationsClient organizations, OrgTree.Builder tree, Map<String, Set<String>> start,
                             List<String> required, Map<String, Set<String>> targetsByScpName, Set<String> notDescended) {
        Deque<Map.Entry<String, Set<String>>> parents = new ArrayDeque<>(start.entrySet());
        while (!parents.isEmpty()) {
            Map.Entry<String, Set<String>> next = parents.poll();
            String parent = next.getKey();
            Set<String> inherited = new HashSet<>(next.getValue());
            required.stream().filter(scp -> targetsByScpName.getOrDefault(scp, Set.of()).contains(parent)).forEach(inherited::add);
            if (!required.isEmpty() && inherited.containsAll(required)) {
                notDescended.add(parent);
                continue;
            }
            AwsOperation.LIST_ORGANIZATIONAL_UNITS_FOR_PARENT.run(parent, () -> {
                // The SDK model does not flatten this listing, so iterate pages; each page is one call.
                for (ListOrganizationalUnitsForParentResponse page : organizations.listOrganizationalUnitsForParentPaginator(
                        r -> r.parentId(parent).maxResults(AwsFacts.ORGANIZATIONS_MAX_PAGE_SIZE))) {
                    for (OrganizationalUnit ou : page.organizationalUnits()) {
                        tree.ou(ou.id(), ou.name(), parent);
                        parents.add(Map.entry(ou.id(), Set.copyOf(inherited)));
                    }
                }
            });
        }
    }

    /**
     * Adds the accounts to {@code structure}.
     *
     * @param skipParents root/OU ids whose accounts need no placement (the same baseline SCPs apply to each); their
     *                    accounts come from one organisation-wide listing, without a parent id. Empty: every
     *                    parent is listed and every account placed.
     */
    public static OrgTree readAccounts(OrganizationsClient organizations, OrgTree structure, Set<String> skipParents) {
        OrgTree.Builder tree = OrgTree.builder(structure.rootId(), structure.managementAccountId())
                .ousOf(structure).unlistedParents(skipParents);
        Set<String> placed = new HashSet<>();
        List<String> parents = new ArrayList<>();
        parents.add(structure.rootId());
        structure.ous().forEach(o -> parents.add(o.id()));
        for (String parent : parents) {
            if (skipParents.contains(parent)) {
                continue;
            }
            AwsOperation.LIST_ACCOUNTS_FOR_PARENT.run(parent, () -> {
                for (ListAccountsForParentResponse page : organizations.listAccountsForParentPaginator(
                        r -> r.parentId(parent).maxResults(AwsFacts.ORGANIZATIONS_MAX_PAGE_SIZE))) {
                    for (Account account : page.accounts()) {
                        tree.account(account.id(), account.name(), status(account), parent);
                        placed.add(account.id());
                    }
                }
            });
        }
        if (!skipParents.isEmpty()) {
            AwsOperation.LIST_ACCOUNTS.call("the organization", () -> {
                for (ListAccountsResponse page : organizations.listAccountsPaginator(
                        r -> r.maxResults(AwsFacts.ORGANIZATIONS_MAX_PAGE_SIZE))) {
                    for (Account account : page.accounts()) {
                        if (!placed.contains(account.id())) {
                            tree.account(account.id(), account.name(), status(account), null);
                        }
                    }
                }
                return null;
            });
        }
        return tree.build();
    }

    /**
     * One account and its chain of parents (OU names unknown: ids stand in). Returns a tree without the account
     * when it is not a member of this organisation.
     */
    public static OrgTree readForAccount(OrganizationsClient organizations, String accountId) {
        return readForAccount(organizations, accountId, null);
    }

    /** As {@link #readForAccount(OrganizationsClient, String)}; {@code known} (if not null) saves DescribeOrganization. */
    public static OrgTree readForAccount(OrganizationsClient organizations, String accountId,
                                         OrganizationAudit.KnownOrganization known) {
        String management = known != null ? known.managementAccountId() : managementAccount(organizations);
        Account account;
        try {
            account = organizations.describeAccount(r -> r.accountId(accountId)).account();
        } catch (AccountNotFoundException e) {
            return OrgTree.builder(known != null ? known.rootId() : rootId(organizations), management).partial().build();
        } catch (SdkException e) {
            throw io.claudebaseline.aws.AwsErrors.translate(AwsOperation.DESCRIBE_ACCOUNT, accountId, e);
        }
        // Walk up: account -> parent -> ... -> root. OUs nest at most five levels, so this stays a handful of calls.
        List<Parent> chain = new ArrayList<>();
        String child = accountId;
        while (true) {
            String current = child;
            List<Parent> parents = AwsOperation.LIST_PARENTS.call(current,
                    () -> organizations.listParents(r -> r.childId(current)).parents());
            if (parents.isEmpty()) {
                throw new IllegalStateException("Organizations returned no parent for " + current);
            }
            Parent parent = parents.get(0);
            chain.add(parent);
            if (parent.type() == ParentType.ROOT || chain.size() > 10) {
                break;
            }
            child = parent.id();
        }
        Parent top = chain.get(chain.size() - 1);
        if (top.type() != ParentType.ROOT) {
            throw new IllegalStateException("the parents of account " + accountId + " do not reach a root");
        }
        OrgTree.Builder tree = OrgTree.builder(top.id(), management).partial();
        for (int i = chain.size() - 2; i >= 0; i--) {
            tree.ou(chain.get(i).id(), null, chain.get(i + 1).id());
        }
        tree.account(account.id(), account.name(), status(account), chain.get(0).id());
        return tree.build();
    }

    private static String managementAccount(OrganizationsClient organizations) {
        return AwsOperation.DESCRIBE_ORGANIZATION.call("the organization",
                () -> organizations.describeOrganization().organization().masterAccountId());
    }

    private static String rootId(OrganizationsClient organizations) {
        List<Root> roots = AwsOperation.LIST_ROOTS.call("the organization", () -> organizations.listRoots().roots());
        if (roots.isEmpty()) {
            throw new IllegalStateException("Organizations returned no root");
        }
        return roots.get(0).id();
    }

    /** Organizations' newer {@code State} when present, else the older {@code Status}. */
    private static String status(Account account) {
        String state = account.stateAsString();
        return state != null ? state : account.statusAsString();
    }
}
