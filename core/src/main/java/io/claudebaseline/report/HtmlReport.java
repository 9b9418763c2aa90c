package io.claudebaseline.report;

import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.model.Control;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one page for a reviewer or an on-call engineer. The verdict first, then the key findings,
 * drift as before/after, the organisation tree, each control with its checks and evidence, the scenarios by
 * control, config warnings and every other detail. It is generic over {@link EngineResult}: any action's checks
 * and details render, and statuses other than PASS/WARN/FAIL are shown by name.
 *
 * <p>The page must work as a Jenkins artifact, served with {@code Content-Security-Policy: sandbox;
 * default-src 'none'; img-src 'self'; style-src 'self';}: so no script, no inline style, no external font or
 * image — only markup and the sibling {@link Reports#CSS report.css}. Collapsing uses {@code <details>}. The markup
 * is also well-formed XML (void elements closed, attributes quoted), so tests parse it with the JDK's parser.
 */
final class HtmlReport {
    /** Findings listed one by one at the top before the note that points to the controls section. */
    static final int MAX_FINDINGS = 50;
    /** Check names of the scenario checks (offline or on the live SCPs) start with this. */
    static final String SCENARIO_PREFIX = "scenario:";
    /** Evidence key under which verify names the OUs it did not read (see org.OrgReport). */
    private static final String NOT_READ_BENEATH = "ousNotReadBeneath";

    private HtmlReport() {}

    static String render(EngineResult result, String generatedAt) {
        HtmlOut out = new HtmlOut();
        String verdict = verdict(result);
        String title = "claude-baseline " + result.action().id() + ": " + verdict;
        out.markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .el("title", null, title).nl()
                .markup("<link rel=\"stylesheet\" href=\"" + Reports.CSS + "\"/>\n</head>\n<body>\n");

        List<CheckResult> checks = result.checks();
        List<CheckResult> scenarios = checks.stream().filter(HtmlReport::isScenario).toList();
        List<CheckResult> others = checks.stream().filter(c -> !isScenario(c)).toList();
        List<Integer> drift = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            if (Statuses.needsAttention(checks.get(i).status()) && HtmlValues.hasPair(checks.get(i).evidence())) {
                drift.add(i);
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>(result.details());
        boolean org = HtmlOrgTree.present(extra);

        header(out, result, verdict, generatedAt);
        out.open("nav", null).open("ul", null);
        link(out, "findings", "Key findings");
        if (!drift.isEmpty()) {
            link(out, "drift", "Drift");
        }
        if (org) {
            link(out, "organization", "Organisation");
        }
        if (!others.isEmpty()) {
            link(out, "controls", "Controls");
        }
        if (!scenarios.isEmpty()) {
            link(out, "scenarios", "Scenarios");
        }
        if (!result.warnings().isEmpty()) {
            link(out, "config-warnings", "Config warnings");
        }
        if (!extra.isEmpty()) {
            link(out, "details", "Details");
        }
        out.close("ul").close("nav").nl();

        out.open("main", null);
        findings(out, checks);
        if (!drift.isEmpty()) {
            section(out, "drift", "Drift: what changed");
            out.el("p", "note", "Each change shows the live side next to the baseline's; apply turns the first into the second.");
            for (int i : drift) {
                CheckResult c = checks.get(i);
                out.open("article", "drift-item");
                out.open("h3", null).text(c.check() + " ").el("span", badge(c.status()), c.status().name()).close("h3");
                out.el("p", null, c.message());
                for (HtmlValues.Pair p : HtmlValues.PAIRS) {
                    if (c.evidence().containsKey(p.before()) && c.evidence().containsKey(p.after())) {
                        HtmlValues.beforeAfter(out, p, c.evidence().get(p.before()), c.evidence().get(p.after()));
                    }
                }
                out.close("article");
            }
            out.close("section").nl();
        }
        if (org) {
            section(out, "organization", "Organisation: coverage by the baseline SCPs");
            HtmlOrgTree.render(out, extra, notReadBeneath(checks));
            out.close("section").nl();
            extra.remove(HtmlOrgTree.COVERAGE);
            extra.remove(HtmlOrgTree.ACCOUNTS);
            extra.remove(HtmlOrgTree.OUS);
        }
        if (!others.isEmpty()) {
            controls(out, checks);
        }
        if (!scenarios.isEmpty()) {
            scenarios(out, scenarios, checks);
        }
        if (!result.warnings().isEmpty()) {
            section(out, "config-warnings", "Config warnings (" + result.warnings().size() + ")");
            out.open("ul", "problems");
            result.warnings().stream().limit(HtmlValues.MAX_ROWS).forEach(w -> problem(out, w));
            out.close("ul");
            HtmlValues.more(out, result.warnings().size(), HtmlValues.MAX_ROWS);
            out.close("section").nl();
        }
        if (!extra.isEmpty()) {
            section(out, "details", "Details");
            extra.forEach((k, v) -> {
                out.open("details", "detail").open("summary", null).el("span", "node-name", k).close("summary");
                HtmlValues.render(out, v);
                out.close("details");
            });
            out.close("section").nl();
        }
        out.close("main");
        out.open("footer", null).text("claude-baseline " + result.action().id() + " · generated " + generatedAt
                + " · report.json holds every field; junit.xml and report.sarif hold the checks.").close("footer");
        out.markup("\n</body>\n</html>\n");
        return out.toString();
    }

    /** The word a reader looks for first. */
    static String verdict(EngineResult result) {
        if (result.action() == Action.PLAN || result.action() == Action.APPLY) {
            return result.compliant() ? "IN SYNC" : "DRIFT";
        }
        return result.compliant() ? "PASS" : "FAIL";
    }

    private static void header(HtmlOut out, EngineResult result, String verdict, String generatedAt) {
        out.open("header", result.compliant() ? "verdict verdict-pass" : "verdict verdict-fail");
        out.el("p", "verdict-word", verdict);
        out.el("h1", null, "claude-baseline " + result.action().id());
        for (String line : String.valueOf(result.summary()).split("\n")) {
            out.el("p", "summary", line);
        }
        if (!result.checks().isEmpty()) {
            out.open("ul", "counts");
            Statuses.counts(result.checks()).forEach((s, n) -> {
                if (n > 0 || Statuses.rank(s) != 1) {
                    out.open("li", "count count-" + Statuses.cssName(s)).el("span", "n", n).text(" " + s.name()).close("li");
                }
            });
            out.open("li", "count").el("span", "n", result.checks().size()).text(" checks").close("li");
            out.close("ul");
        }
        if (result.changes() > 0) {
            out.el("p", "summary", result.changes() + " change" + (result.changes() == 1 ? "" : "s")
                    + (result.action() == Action.APPLY ? "" : " pending") + ".");
        }
        out.el("p", "generated", "Generated " + generatedAt);
        out.close("header").nl();
    }

    private static void findings(HtmlOut out, List<CheckResult> checks) {
        section(out, "findings", "Key findings");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            if (Statuses.needsAttention(checks.get(i).status())) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Statuses.rank(checks.get(b).status()) - Statuses.rank(checks.get(a).status()));
        if (order.isEmpty()) {
            out.el("p", "all-pass", checks.isEmpty() ? "No checks ran for this action." : "All " + checks.size() + " checks PASS.");
        } else {
            out.open("ol", "findings");
            order.stream().limit(MAX_FINDINGS).forEach(i -> {
                CheckResult c = checks.get(i);
                out.open("li", "finding finding-" + Statuses.cssName(c.status()));
                out.el("span", badge(c.status()), c.status().name()).text(" ");
                out.el("span", "control", c.control()).text(" ");
                out.markup("<a href=\"#check-" + i + "\">").el("code", null, c.check()).markup("</a>");
                out.el("p", "message", c.message());
                out.close("li");
            });
            out.close("ol");
            if (order.size() > MAX_FINDINGS) {
                out.el("p", "note", "Showing " + MAX_FINDINGS + " of " + order.size()
                        + " findings; every one is listed under its control below and in report.json.");
            }
        }
        out.close("section").nl();
    }

    private static void controls(HtmlOut out, List<CheckResult> checks) {
        section(out, "controls", "Controls");
        Map<String, List<Integer>> byControl = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            byControl.computeIfAbsent(checks.get(i).control(), k -> new ArrayList<>()).add(i);
        }
        List<String> names = new ArrayList<>(byControl.keySet()); // anchors by position: control ids may hold any text
        List<CheckStatus> columns = new ArrayList<>(Statuses.counts(checks).keySet());
        out.open("div", "scroll").open("table", "data controls").open("thead", null).open("tr", null);
        out.el("th", null, "control").el("th", null, "status");
        columns.forEach(s -> out.el("th", "num", s.name()));
        out.close("tr").close("thead").open("tbody", null);
        byControl.forEach((control, idx) -> {
            List<CheckResult> cs = idx.stream().map(checks::get).toList();
            CheckStatus worst = Statuses.worst(cs);
            out.open("tr", null).open("td", null).markup("<a href=\"#control-" + names.indexOf(control) + "\">").text(control).markup("</a>");
            String title = title(control);
            if (title != null) {
                out.el("span", "title", " — " + title);
            }
            out.close("td").open("td", null).el("span", badge(worst), worst.name()).close("td");
            Map<CheckStatus, Long> n = Statuses.counts(cs);
            columns.forEach(s -> out.el("td", "num", n.getOrDefault(s, 0L)));
            out.close("tr");
        });
        out.close("tbody").close("table").close("div");

        byControl.forEach((control, idx) -> {
            List<Integer> own = idx.stream().filter(i -> !isScenario(checks.get(i))).toList();
            if (own.isEmpty()) {
                return;
            }
            CheckStatus worst = Statuses.worst(own.stream().map(checks::get).toList());
            out.markup("<details class=\"control\" id=\"control-" + names.indexOf(control) + "\"" + (Statuses.needsAttention(worst) ? " open=\"open\"" : "") + ">");
            out.open("summary", null).el("span", badge(worst), worst.name()).text(" ").el("span", "node-name", control);
            String title = title(control);
            out.text((title == null ? "" : " — " + title) + " (" + own.size() + " check" + (own.size() == 1 ? "" : "s") + ")").close("summary");
            List<Integer> sorted = new ArrayList<>(own);
            sorted.sort((a, b) -> Statuses.rank(checks.get(b).status()) - Statuses.rank(checks.get(a).status()));
            sorted.forEach(i -> check(out, checks.get(i), i));
            out.close("details").nl();
        });
        out.close("section").nl();
    }

    private static void check(HtmlOut out, CheckResult c, int index) {
        out.markup("<div class=\"check check-" + Statuses.cssName(c.status()) + "\" id=\"check-" + index + "\">");
        out.open("p", "check-head").el("span", badge(c.status()), c.status().name()).text(" ").el("code", null, c.check()).close("p");
        out.el("p", "message", c.message());
        if (!c.evidence().isEmpty()) {
            boolean open = c.status() == CheckStatus.FAIL;
            out.markup(open ? "<details class=\"evidence\" open=\"open\">" : "<details class=\"evidence\">");
            out.el("summary", null, "Evidence");
            HtmlValues.render(out, c.evidence());
            out.close("details");
        }
        out.close("div");
    }

    private static void scenarios(HtmlOut out, List<CheckResult> scenarios, List<CheckResult> all) {
        section(out, "scenarios", "Scenarios (" + scenarios.size() + ")");
        out.el("p", "note", "Requests evaluated against the SCPs, grouped by control; failures first. Passing scenarios are collapsed.");
        Map<String, List<CheckResult>> byControl = new LinkedHashMap<>();
        scenarios.forEach(c -> byControl.computeIfAbsent(c.control(), k -> new ArrayList<>()).add(c));
        byControl.forEach((control, cs) -> {
            out.open("h3", null).text(control).close("h3");
            Map<CheckStatus, Long> n = Statuses.counts(cs);
            out.open("p", "counts-line");
            n.forEach((s, k) -> {
                if (k > 0) {
                    out.el("span", badge(s), k + " " + s.name()).text(" ");
                }
            });
            out.close("p");
            List<CheckResult> attention = cs.stream().filter(c -> Statuses.needsAttention(c.status()))
                    .sorted(Statuses.MOST_URGENT_FIRST).toList();
            List<CheckResult> passed = cs.stream().filter(c -> !Statuses.needsAttention(c.status())).toList();
            if (!attention.isEmpty()) {
                scenarioTable(out, attention, all);
            }
            if (!passed.isEmpty()) {
                out.open("details", null).el("summary", null, passed.size() + " scenario" + (passed.size() == 1 ? "" : "s") + " PASS");
                scenarioTable(out, passed, all);
                out.close("details");
            }
        });
        out.close("section").nl();
    }

    private static void scenarioTable(HtmlOut out, List<CheckResult> cs, List<CheckResult> all) {
        out.open("div", "scroll").open("table", "data").open("thead", null).open("tr", null);
        out.el("th", null, "status").el("th", null, "scenario").el("th", null, "result");
        out.close("tr").close("thead").open("tbody", null);
        cs.stream().limit(HtmlValues.MAX_ROWS).forEach(c -> {
            out.markup("<tr id=\"check-" + indexOf(all, c) + "\">");
            out.open("td", null).el("span", badge(c.status()), c.status().name()).close("td");
            out.open("td", null).el("code", null, c.check().substring(SCENARIO_PREFIX.length())).close("td");
            out.el("td", null, c.message());
            out.close("tr");
        });
        out.close("tbody").close("table").close("div");
        HtmlValues.more(out, cs.size(), HtmlValues.MAX_ROWS);
    }

    private static int indexOf(List<CheckResult> all, CheckResult c) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static void problem(HtmlOut out, Problem p) {
        out.open("li", null).el("span", p.isError() ? "badge badge-fail" : "badge badge-warn", p.isError() ? "ERROR" : "WARNING").text(" ");
        if (p.path() != null && !p.path().isEmpty()) {
            out.el("code", null, p.path()).text(": ");
        }
        out.text(p.message()).close("li");
    }

    private static Collection<String> notReadBeneath(List<CheckResult> checks) {
        for (CheckResult c : checks) {
            if (c.evidence().get(NOT_READ_BENEATH) instanceof Collection<?> ids) {
                return ids.stream().map(String::valueOf).toList();
            }
        }
        return List.of();
    }

    private static boolean isScenario(CheckResult c) {
        return c.check() != null && c.check().startsWith(SCENARIO_PREFIX);
    }

    private static void section(HtmlOut out, String id, String title) {
        out.markup("<section id=\"" + id + "\">").el("h2", null, title);
    }

    private static void link(HtmlOut out, String id, String text) {
        out.open("li", null).markup("<a href=\"#" + id + "\">").text(text).markup("</a>").close("li");
    }

    static String badge(CheckStatus s) {
        return "badge badge-" + Statuses.cssName(s);
    }

    private static String title(String controlId) {
        for (Control c : Control.values()) {
            if (c.id().equals(controlId)) {
                return c.title();
            }
        }
        return null;
    }
}
