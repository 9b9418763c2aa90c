package io.claudebaseline.org;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which baseline SCPs apply to each account and OU — a pure function of the organisation tree and the targets
 * each SCP is attached to. An SCP applies to a node when it is attached to the node itself, to an ancestor OU or
 * to the root; it never applies to the management account, whatever is attached there.
 *
 * <p>Each OU's effective set is computed once from its parent's (memoised), and each account's from its
 * parent's, so the whole organisation costs O(accounts + OUs) × SCPs.
 */
public final class Coverage {

    /**
     * Coverage of one account.
     *
     * @param account    the account
     * @param coveredBy  for each baseline SCP that applies: the id it is attached to (the account, an OU or the root)
     * @param missing    baseline SCPs that do not apply, in baseline order
     * @param management true for the management account (no SCP ever applies)
     */
    public record AccountCoverage(OrgTree.Account account, Map<String, String> coveredBy, List<String> missing,
                                  boolean management) {
        public boolean covered() {
            return missing.isEmpty();
        }
    }

    /**
     * Coverage of one OU, and a summary of the accounts beneath it.
     *
     * @param ou                 the OU
     * @param coveredBy          for each baseline SCP that applies to the OU: the id it is attached to
     * @param missing            baseline SCPs that do not apply to the OU (accounts moved in later are not covered
     *                           by them unless attached to the account itself)
     * @param directAccounts     active member accounts directly in this OU; null when its accounts were not listed
     *                           one by one (it inherits every baseline SCP, see {@link OrgTree#unlistedParents()})
     * @param accountsBeneath    active member accounts in this OU and every OU below it; null when some of them
     *                           were not listed one by one
     * @param uncoveredBeneath   of those, accounts missing at least one baseline SCP; null when not all were listed
     */
    public record OuCoverage(OrgTree.Ou ou, Map<String, String> coveredBy, List<String> missing,
                             Integer directAccounts, Integer accountsBeneath, Integer uncoveredBeneath) {
        public boolean covered() {
            return missing.isEmpty();
        }
    }

    private final OrgTree tree;
    private final List<String> scpNames;
    private final Map<String, AccountCoverage> accounts;
    private final Map<String, OuCoverage> ous;
    private final Map<String, String> rootCoveredBy;

    private Coverage(OrgTree tree, List<String> scpNames, Map<String, AccountCoverage> accounts,
                     Map<String, OuCoverage> ous, Map<String, String> rootCoveredBy) {
        this.tree = tree;
        this.scpNames = scpNames;
        this.accounts = accounts;
        this.ous = ous;
        this.rootCoveredBy = rootCoveredBy;
    }

    /**
     * @param tree             the organisation (or the one-account chain)
     * @param scpNames         the baseline SCPs, in baseline order
     * @param targetsByScpName for each baseline SCP found live: the root/OU/account ids it is attached to; an SCP
     *                         absent from the map covers nothing
     */
    public static Coverage compute(OrgTree tree, List<String> scpNames, Map<String, Set<String>> targetsByScpName) {
        List<String> names = List.copyOf(scpNames);
        // Invert once: target id -> SCPs attached there, so each node is one map lookup.
        Map<String, List<String>> scpsByTarget = new HashMap<>();
        for (String name : names) {
            for (String target : targetsByScpName.getOrDefault(name, Set.of())) {
                scpsByTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(name);
            }
        }

        Map<String, String> rootEffective = new LinkedHashMap<>();
        for (String scp : scpsByTarget.getOrDefault(tree.rootId(), List.of())) {
            rootEffective.put(scp, tree.rootId());
        }

        Map<String, Map<String, String>> effectiveByParent = new HashMap<>();
        effectiveByParent.put(tree.rootId(), rootEffective);
        Map<String, OuCoverage> ous = new LinkedHashMap<>();
        for (OrgTree.Ou ou : tree.ous()) {
            Map<String, String> eff = effective(ou.id(), tree, scpsByTarget, effectiveByParent);
            ous.put(ou.id(), new OuCoverage(ou, ordered(eff, names), missing(eff, names), 0, 0, 0));
        }
        Map<String, String> unplacedEffective = unplacedEffective(tree, scpsByTarget, effectiveByParent);
        // An OU whose subtree holds an unlisted parent cannot count the accounts beneath it.
        Set<String> partialCounts = new java.util.HashSet<>();
        for (String unlisted : tree.unlistedParents()) {
            if (tree.ou(unlisted) != null) {
                partialCounts.add(unlisted);
                partialCounts.addAll(tree.ancestors(unlisted));
            }
        }

        Map<String, AccountCoverage> accounts = new LinkedHashMap<>();
        Map<String, int[]> counts = new HashMap<>(); // ou id -> {direct, beneath, uncoveredBeneath}
        for (OrgTree.Account account : tree.accounts()) {
            boolean management = tree.isManagement(account.id());
            Map<String, String> eff;
            if (management) {
                eff = Map.of(); // SCPs never apply to the management account
            } else if (!account.placed()) {
                eff = new LinkedHashMap<>(unplacedEffective);
                for (String scp : scpsByTarget.getOrDefault(account.id(), List.of())) {
                    eff.putIfAbsent(scp, account.id());
                }
            } else {
                eff = new LinkedHashMap<>(effective(account.parentId(), tree, scpsByTarget, effectiveByParent));
                for (String scp : scpsByTarget.getOrDefault(account.id(), List.of())) {
                    eff.putIfAbsent(scp, account.id());
                }
            }
            AccountCoverage ac = new AccountCoverage(account, ordered(eff, names), missing(eff, names), management);
            accounts.put(account.id(), ac);
            if (!management && account.isActive()) {
                if (tree.ou(account.parentId()) != null) {
                    counts.computeIfAbsent(account.parentId(), k -> new int[3])[0]++;
                }
                for (String ancestor : tree.ancestors(account.id())) {
                    if (tree.ou(ancestor) != null) {
                        int[] c = counts.computeIfAbsent(ancestor, k -> new int[3]);
                        c[1]++;
                        if (!ac.covered()) {
                            c[2]++;
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, OuCoverage> e : ous.entrySet()) {
            int[] c = counts.getOrDefault(e.getKey(), new int[3]);
            OuCoverage o = e.getValue();
            e.setValue(new OuCoverage(o.ou(), o.coveredBy(), o.missing(),
                    tree.unlistedParents().contains(e.getKey()) ? null : c[0],
                    partialCounts.contains(e.getKey()) ? null : c[1], partialCounts.contains(e.getKey()) ? null : c[2]));
        }
        return new Coverage(tree, names, Collections.unmodifiableMap(accounts), Collections.unmodifiableMap(ous),
                ordered(rootEffective, names));
    }

    /** Effective SCPs of a root or OU, memoised; an unknown parent (partial tree) inherits nothing. */
    private static Map<String, String> effective(String nodeId, OrgTree tree, Map<String, List<String>> scpsByTarget,
                                                 Map<String, Map<String, String>> memo) {
        Map<String, String> known = memo.get(nodeId);
        if (known != null) {
            return known;
        }
        OrgTree.Ou ou = tree.ou(nodeId);
        Map<String, String> eff = new LinkedHashMap<>();
        if (ou != null) {
            // Nearest attachment wins as the reported source, so attach the node's own first.
            for (String scp : scpsByTarget.getOrDefault(nodeId, List.of())) {
                eff.putIfAbsent(scp, nodeId);
            }
            effective(ou.parentId(), tree, scpsByTarget, memo).forEach(eff::putIfAbsent);
        }
        memo.put(nodeId, eff);
        return eff;
    }

    /**
     * What an account listed organisation-wide inherits: the SCPs every unlisted parent has — exactly its coverage,
     * since the reader leaves unlisted only parents with the same SCPs ({@link #largestUniformParentGroup}), and a
     * safe lower bound otherwise. The source is named when all those parents get the SCP from the same place
     * (typically the root), else {@link #INHERITED}.
     */
    private static Map<String, String> unplacedEffective(OrgTree tree, Map<String, List<String>> scpsByTarget,
                                                         Map<String, Map<String, String>> memo) {
        Map<String, String> common = null;
        for (String parent : tree.unlistedParents()) {
            Map<String, String> eff = effective(parent, tree, scpsByTarget, memo);
            if (common == null) {
                common = new LinkedHashMap<>(eff);
            } else {
                common.keySet().retainAll(eff.keySet());
                for (Map.Entry<String, String> e : common.entrySet()) {
                    if (!e.getValue().equals(eff.get(e.getKey()))) {
                        e.setValue(INHERITED);
                    }
                }
            }
        }
        return common == null ? Map.of() : common;
    }

    /** Source named for an SCP that an account inherits from one of several parents that were not told apart. */
    public static final String INHERITED = "inherited";

    /**
     * The largest set of parents (root and OUs) to which exactly the same baseline SCPs apply. Accounts beneath any
     * of them have that same coverage (plus what is attached to the account itself) wherever exactly they sit,
     * which is what lets the reader list them organisation-wide instead of parent by parent without losing
     * precision. Ties go to the group holding the root.
     */
    public static Set<String> largestUniformParentGroup(OrgTree structure, List<String> scpNames,
                                                        Map<String, Set<String>> targetsByScpName) {
        Coverage c = compute(structure, scpNames, targetsByScpName);
        Map<Set<String>, Set<String>> groups = new LinkedHashMap<>();
        groups.computeIfAbsent(Set.copyOf(c.rootCoveredBy().keySet()), k -> new java.util.LinkedHashSet<>()).add(structure.rootId());
        for (OuCoverage o : c.ous().values()) {
            groups.computeIfAbsent(Set.copyOf(o.coveredBy().keySet()), k -> new java.util.LinkedHashSet<>()).add(o.ou().id());
        }
        Set<String> best = Set.of();
        for (Set<String> group : groups.values()) {
            if (group.size() > best.size()) {
                best = group;
            }
        }
        return best;
    }

    private static Map<String, String> ordered(Map<String, String> eff, List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            String source = eff.get(name);
            if (source != null) {
                out.put(name, source);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<String> missing(Map<String, String> eff, List<String> names) {
        return names.stream().filter(n -> !eff.containsKey(n)).toList();
    }

    public OrgTree tree() {
        return tree;
    }

    public List<String> scpNames() {
        return scpNames;
    }

    /** Every account of the tree, management account included, in tree order. */
    public Map<String, AccountCoverage> accounts() {
        return accounts;
    }

    public AccountCoverage account(String id) {
        return accounts.get(id);
    }

    /** Every OU of the tree, parents first. */
    public Map<String, OuCoverage> ous() {
        return ous;
    }

    /** Baseline SCPs attached to the root, which therefore apply to every member account. */
    public Map<String, String> rootCoveredBy() {
        return rootCoveredBy;
    }
}
