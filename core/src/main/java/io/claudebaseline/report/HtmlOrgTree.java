package io.claudebaseline.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organisation section of report.html: uncovered accounts first, in a table nobody can miss, then the tree
 * (root, OUs, accounts) with each node's coverage by the baseline SCPs. Subtrees that are fully covered are
 * collapsed ({@code <details>} without {@code open}: no script needed); subtrees holding an uncovered account
 * are open. It reads the rows verify puts into the details ({@code coverage}, {@code accounts}, {@code ous}; see
 * {@code org.OrgReport}) and tolerates missing fields.
 */
final class HtmlOrgTree {
    static final String COVERAGE = "coverage";
    static final String ACCOUNTS = "accounts";
    static final String OUS = "ous";
    /** Covered accounts listed under one node before "and N more" (uncovered ones are capped at MAX_ROWS). */
    static final int COVERED_PER_NODE = 20;

    private final Map<String, Object> coverage;
    private final List<Map<?, ?>> accounts;
    private final Map<String, Map<?, ?>> ousById = new LinkedHashMap<>();
    private final Map<String, List<String>> childOus = new LinkedHashMap<>();
    private final Map<String, List<Map<?, ?>>> accountsByParent = new LinkedHashMap<>();
    private final List<Map<?, ?>> unplaced = new ArrayList<>();
    private final Map<String, int[]> totals = new LinkedHashMap<>(); // node -> {accounts, uncovered}
    private final String rootId;

    private HtmlOrgTree(Map<String, Object> details) {
        this.coverage = asMap(details.get(COVERAGE));
        this.accounts = rows(details.get(ACCOUNTS));
        for (Map<?, ?> ou : rows(details.get(OUS))) {
            String id = str(ou.get("id"));
            if (id != null) {
                ousById.put(id, ou);
            }
        }
        String root = str(coverage.get("rootId"));
        this.rootId = root != null ? root : "root";
        for (Map<?, ?> ou : ousById.values()) {
            String parent = str(ou.get("parentId"));
            // An OU whose parent was not read hangs under the root rather than disappearing.
            childOus.computeIfAbsent(parent != null && (ousById.containsKey(parent) || parent.equals(rootId)) ? parent : rootId,
                    k -> new ArrayList<>()).add(str(ou.get("id")));
        }
        for (Map<?, ?> a : accounts) {
            String parent = str(a.get("parentId"));
            if (parent == null || !(ousById.containsKey(parent) || parent.equals(rootId))) {
                unplaced.add(a);
            } else {
                accountsByParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(a);
            }
        }
        int[] rootTotal = total(rootId, new HashSet<>());
        // Accounts listed organisation-wide are somewhere beneath the root: count them there.
        rootTotal[0] += unplaced.size();
        rootTotal[1] += (int) unplaced.stream().filter(HtmlOrgTree::uncovered).count();
    }

    /** True when the details hold an organisation audit to draw. */
    static boolean present(Map<String, Object> details) {
        return details.get(ACCOUNTS) instanceof Collection<?> || details.get(COVERAGE) instanceof Map<?, ?>;
    }

    static void render(HtmlOut out, Map<String, Object> details, Collection<String> notReadBeneath) {
        new HtmlOrgTree(details).write(out, notReadBeneath);
    }

    private void write(HtmlOut out, Collection<String> notReadBeneath) {
        List<Map<?, ?>> uncovered = accounts.stream().filter(HtmlOrgTree::uncovered).toList();
        long members = accounts.stream().filter(a -> !isTrue(a.get("management"))).count();
        out.open("p", "lead");
        if (!coverage.isEmpty()) {
            out.text("Baseline SCPs: " + String.join(", ", strings(coverage.get("baselineScps")))
                    + ". Attached to the root: " + (strings(coverage.get("rootScps")).isEmpty() ? "none" : String.join(", ", strings(coverage.get("rootScps"))))
                    + ". ");
        }
        out.text(members + " member account" + (members == 1 ? "" : "s") + " and " + ousById.size() + " OU" + (ousById.size() == 1 ? "" : "s") + " read.");
        out.close("p");

        if (uncovered.isEmpty()) {
            out.el("p", "all-covered", "COVERED: every member account inherits every baseline SCP.");
        } else {
            out.open("div", "alert");
            out.el("h3", null, "NOT COVERED: " + uncovered.size() + " account" + (uncovered.size() == 1 ? "" : "s")
                    + (uncovered.size() == 1 ? " lacks" : " lack") + " at least one baseline SCP");
            out.open("div", "scroll").open("table", "data").open("thead", null).open("tr", null);
            for (String h : List.of("account", "name", "path", "status", "missing SCPs", "workspaces")) {
                out.el("th", null, h);
            }
            out.close("tr").close("thead").open("tbody", null);
            uncovered.stream().limit(HtmlValues.MAX_ROWS).forEach(a -> {
                out.open("tr", "uncovered");
                out.el("td", "id", a.get("id")).el("td", null, a.get("name")).el("td", null, a.get("path"))
                        .el("td", null, a.get("status")).el("td", null, String.join(", ", strings(a.get("missingScps"))))
                        .el("td", null, String.join(", ", strings(a.get("workspaces"))));
                out.close("tr");
            });
            out.close("tbody").close("table").close("div");
            HtmlValues.more(out, uncovered.size(), HtmlValues.MAX_ROWS);
            out.close("div");
        }

        out.el("h3", null, "Tree");
        out.el("p", "note", "Open subtrees hold an uncovered OU or account; fully covered subtrees are collapsed.");
        out.open("ul", "tree");
        node(out, rootId, true, new HashSet<>());
        if (!unplaced.isEmpty()) {
            long bad = unplaced.stream().filter(HtmlOrgTree::uncovered).count();
            out.open("li", bad > 0 ? "node uncovered" : "node covered");
            if (bad > 0) {
                out.openWith("details", null, "open", "open");
            } else {
                out.open("details", null);
            }
            out.open("summary", null).el("span", "node-name", "Accounts whose OU was not read")
                    .text(" " + unplaced.size() + " account" + (unplaced.size() == 1 ? "" : "s") + (bad > 0 ? ", " + bad + " uncovered" : "")
                            + " (listed organisation-wide: the reader skips listing parents one by one where it can)")
                    .close("summary");
            accountList(out, unplaced);
            out.close("details").close("li");
        }
        out.close("ul");
        if (notReadBeneath != null && !notReadBeneath.isEmpty()) {
            out.el("p", "note", "OUs beneath " + String.join(", ", notReadBeneath)
                    + " were not read: those parents carry every baseline SCP, so everything beneath them inherits it.");
        }
    }

    private void node(HtmlOut out, String id, boolean isRoot, Set<String> seen) {
        if (!seen.add(id)) {
            return; // a cycle would be a reader bug; never loop on it
        }
        Map<?, ?> ou = ousById.get(id);
        boolean covered = isRoot ? rootCovered() : isTrue(ou.get("covered"));
        int[] t = totals.getOrDefault(id, new int[2]);
        List<String> kids = childOus.getOrDefault(id, List.of());
        List<Map<?, ?>> direct = accountsByParent.getOrDefault(id, List.of());
        out.open("li", covered ? "node covered" : "node uncovered");
        boolean open = !covered || t[1] > 0;
        if (open) {
            out.openWith("details", null, "open", "open");
        } else {
            out.open("details", null);
        }
        out.open("summary", null);
        out.el("span", "node-name", isRoot ? "Root" : String.valueOf(ou.get("name") == null ? id : ou.get("name")));
        out.text(" ").el("span", "id", id).text(" ");
        out.el("span", covered ? "badge badge-covered" : "badge badge-uncovered", covered ? "COVERED" : "NOT COVERED");
        out.text(" " + t[0] + " account" + (t[0] == 1 ? "" : "s") + (t[1] > 0 ? ", " + t[1] + " uncovered" : ""));
        List<String> missing = isRoot ? rootMissing() : strings(ou.get("missingScps"));
        if (!covered && !missing.isEmpty()) {
            out.text(" — missing " + String.join(", ", missing));
        }
        out.close("summary");
        if (!kids.isEmpty()) {
            out.open("ul", "tree");
            kids.forEach(k -> node(out, k, false, seen));
            out.close("ul");
        }
        accountList(out, direct);
        out.close("details").close("li");
    }

    private void accountList(HtmlOut out, List<Map<?, ?>> list) {
        if (list.isEmpty()) {
            return;
        }
        List<Map<?, ?>> bad = list.stream().filter(a -> !isTrue(a.get("covered")) || isTrue(a.get("management"))).toList();
        List<Map<?, ?>> good = list.stream().filter(a -> isTrue(a.get("covered")) && !isTrue(a.get("management"))).toList();
        out.open("ul", "accounts");
        bad.stream().limit(HtmlValues.MAX_ROWS).forEach(a -> account(out, a));
        good.stream().limit(COVERED_PER_NODE).forEach(a -> account(out, a));
        out.close("ul");
        HtmlValues.more(out, bad.size(), HtmlValues.MAX_ROWS);
        if (good.size() > COVERED_PER_NODE) {
            out.el("p", "note", "… and " + (good.size() - COVERED_PER_NODE) + " more covered accounts here; report.json lists all.");
        }
    }

    private static void account(HtmlOut out, Map<?, ?> a) {
        boolean mgmt = isTrue(a.get("management"));
        boolean covered = isTrue(a.get("covered"));
        out.open("li", mgmt ? "account management" : covered ? "account covered" : "account uncovered");
        out.el("span", "id", a.get("id")).text(" ").el("span", "node-name", a.get("name")).text(" ");
        if (mgmt) {
            out.el("span", "badge badge-management", "MANAGEMENT ACCOUNT — SCPs never apply");
        } else {
            out.el("span", covered ? "badge badge-covered" : "badge badge-uncovered", covered ? "COVERED" : "NOT COVERED");
        }
        String status = str(a.get("status"));
        if (status != null && !"ACTIVE".equals(status)) {
            out.text(" ").el("span", "badge", status);
        }
        List<String> missing = strings(a.get("missingScps"));
        if (!covered && !mgmt && !missing.isEmpty()) {
            out.text(" missing " + String.join(", ", missing));
        }
        List<String> ws = strings(a.get("workspaces"));
        if (!ws.isEmpty()) {
            out.text(" · workspaces: " + String.join(", ", ws));
        }
        String audit = str(a.get("keyAudit"));
        if ("findings".equals(audit) || "failed".equals(audit)) {
            out.text(" · key audit: " + audit);
        }
        out.close("li");
    }

    private int[] total(String id, Set<String> seen) {
        int[] t = new int[2];
        if (!seen.add(id)) {
            return t;
        }
        for (Map<?, ?> a : accountsByParent.getOrDefault(id, List.of())) {
            t[0]++;
            t[1] += uncovered(a) ? 1 : 0;
        }
        for (String k : childOus.getOrDefault(id, List.of())) {
            int[] c = total(k, seen);
            t[0] += c[0];
            t[1] += c[1];
        }
        totals.put(id, t);
        return t;
    }

    private boolean rootCovered() {
        return rootMissing().isEmpty() && !strings(coverage.get("baselineScps")).isEmpty();
    }

    private List<String> rootMissing() {
        List<String> missing = new ArrayList<>(strings(coverage.get("baselineScps")));
        missing.removeAll(strings(coverage.get("rootScps")));
        return missing;
    }

    /** A member account (not the management account, which SCPs never reach) that lacks a baseline SCP. */
    static boolean uncovered(Map<?, ?> a) {
        return !isTrue(a.get("covered")) && !isTrue(a.get("management"));
    }

    private static boolean isTrue(Object o) {
        return Boolean.TRUE.equals(o) || "true".equals(o);
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Map<?, ?>> rows(Object o) {
        if (!(o instanceof Collection<?> c)) {
            return List.of();
        }
        return c.stream().filter(r -> r instanceof Map<?, ?>).<Map<?, ?>>map(r -> (Map<?, ?>) r).toList();
    }

    private static List<String> strings(Object o) {
        if (o instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (o instanceof Map<?, ?> m) {
            return m.keySet().stream().map(String::valueOf).toList();
        }
        return o == null ? List.of() : List.of(String.valueOf(o));
    }
}
