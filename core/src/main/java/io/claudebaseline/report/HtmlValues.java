package io.claudebaseline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders any evidence or details value — the plain maps, lists and scalars every action puts into
 * {@code EngineResult} — as HTML, so a new action's details show without code of their own. Lists of maps become
 * tables, maps definition lists, JSON text pretty-printed; long lists are capped with a note pointing to
 * report.json. Pairs of fields that hold the two sides of a change (see {@link #PAIRS}) are shown side by side.
 */
final class HtmlValues {
    /** Rows of a table or items of a list shown before the "N more in report.json" note. */
    static final int MAX_ROWS = 200;
    /** Characters of one pretty-printed JSON block before it is cut. */
    static final int MAX_TEXT = 20_000;
    private static final int MAX_DEPTH = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Two fields that are the before and the after of one change, with the words a reader sees for each. */
    record Pair(String before, String after, String beforeLabel, String afterLabel) {}

    /** The change pairs the engine writes: verify's SCP and selector drift, plan's update and selector changes. */
    static final List<Pair> PAIRS = List.of(
            new Pair("unexpectedStatements", "missingStatements", "Live now (not in the baseline)", "Baseline (missing live)"),
            new Pair("advancedEventSelectors", "baselineAdvancedEventSelectors", "Live selectors now", "Baseline selectors"),
            new Pair("contentBefore", "contentAfter", "Before", "After"),
            new Pair("before", "after", "Before", "After"));

    private HtmlValues() {}

    static void render(HtmlOut out, Object value) {
        render(out, value, 0);
    }

    private static void render(HtmlOut out, Object value, int depth) {
        if (value == null) {
            out.el("span", "none", "none");
        } else if (value instanceof Map<?, ?> map) {
            if (depth >= MAX_DEPTH) {
                json(out, value);
            } else {
                map(out, map, depth);
            }
        } else if (value instanceof Collection<?> list) {
            if (depth >= MAX_DEPTH) {
                json(out, value);
            } else {
                list(out, list, depth);
            }
        } else if (value instanceof String s && looksLikeJson(s)) {
            json(out, s);
        } else {
            out.text(value);
        }
    }

    private static void map(HtmlOut out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.el("span", "none", "none");
            return;
        }
        Set<Object> shown = new LinkedHashSet<>();
        for (Pair p : PAIRS) {
            if (map.containsKey(p.before()) && map.containsKey(p.after())) {
                beforeAfter(out, p, map.get(p.before()), map.get(p.after()));
                shown.add(p.before());
                shown.add(p.after());
            }
        }
        List<Map.Entry<?, ?>> rest = map.entrySet().stream().filter(e -> !shown.contains(e.getKey())).<Map.Entry<?, ?>>map(e -> e).toList();
        if (rest.isEmpty()) {
            return;
        }
        out.open("dl", "kv");
        rest.stream().limit(MAX_ROWS).forEach(e -> {
            out.el("dt", null, e.getKey());
            out.open("dd", null);
            render(out, e.getValue(), depth + 1);
            out.close("dd");
        });
        out.close("dl");
        more(out, rest.size(), MAX_ROWS);
    }

    private static void list(HtmlOut out, Collection<?> list, int depth) {
        if (list.isEmpty()) {
            out.el("span", "none", "none");
            return;
        }
        if (list.stream().allMatch(v -> v instanceof Map<?, ?>)) {
            if (list.stream().anyMatch(v -> hasPair((Map<?, ?>) v))) {
                cards(out, list, depth); // a before/after pair does not fit in a table cell
            } else {
                table(out, list, depth);
            }
            return;
        }
        out.open("ul", "values");
        list.stream().limit(MAX_ROWS).forEach(v -> {
            out.open("li", null);
            render(out, v, depth + 1);
            out.close("li");
        });
        out.close("ul");
        more(out, list.size(), MAX_ROWS);
    }

    static boolean hasPair(Map<?, ?> map) {
        return PAIRS.stream().anyMatch(p -> map.containsKey(p.before()) && map.containsKey(p.after()));
    }

    private static void cards(HtmlOut out, Collection<?> rows, int depth) {
        rows.stream().limit(MAX_ROWS).forEach(r -> {
            out.open("div", "card");
            map(out, (Map<?, ?>) r, depth + 1);
            out.close("div");
        });
        more(out, rows.size(), MAX_ROWS);
    }

    /** Columns are the union of the first rows' keys, in first-seen order. */
    private static void table(HtmlOut out, Collection<?> rows, int depth) {
        List<Object> columns = new ArrayList<>();
        rows.stream().limit(MAX_ROWS).forEach(r -> ((Map<?, ?>) r).keySet().forEach(k -> {
            if (!columns.contains(k)) {
                columns.add(k);
            }
        }));
        out.open("div", "scroll").open("table", "data").open("thead", null).open("tr", null);
        columns.forEach(c -> out.el("th", null, c));
        out.close("tr").close("thead").open("tbody", null);
        rows.stream().limit(MAX_ROWS).forEach(r -> {
            out.open("tr", null);
            Map<?, ?> row = (Map<?, ?>) r;
            for (Object c : columns) {
                out.open("td", null);
                if (row.containsKey(c)) {
                    render(out, row.get(c), depth + 1);
                }
                out.close("td");
            }
            out.close("tr");
        });
        out.close("tbody").close("table").close("div");
        more(out, rows.size(), MAX_ROWS);
    }

    static void beforeAfter(HtmlOut out, Pair pair, Object before, Object after) {
        out.open("div", "diff");
        side(out, "before", pair.beforeLabel(), before);
        side(out, "after", pair.afterLabel(), after);
        out.close("div");
    }

    private static void side(HtmlOut out, String cls, String label, Object value) {
        out.open("div", cls).el("p", "side-label", label);
        List<?> items = value instanceof Collection<?> c ? new ArrayList<>(c) : value == null ? List.of() : List.of(value);
        if (items.isEmpty()) {
            out.el("p", "none", "nothing");
        }
        items.stream().limit(MAX_ROWS).forEach(v -> json(out, v));
        more(out, items.size(), MAX_ROWS);
        out.close("div");
    }

    /** A value as indented JSON in a {@code <pre>}; JSON text is parsed first so it is indented too. */
    static void json(HtmlOut out, Object value) {
        String text;
        try {
            Object tree = value instanceof String s && looksLikeJson(s) ? JSON.readTree(s) : value;
            text = tree instanceof String s ? s : PRETTY.writeValueAsString(tree);
        } catch (java.io.IOException e) {
            text = String.valueOf(value);
        }
        boolean cut = text.length() > MAX_TEXT;
        out.el("pre", "json", cut ? text.substring(0, MAX_TEXT) : text);
        if (cut) {
            out.el("p", "note", "Cut at " + MAX_TEXT + " of " + text.length() + " characters; report.json has all of it.");
        }
    }

    static boolean looksLikeJson(String s) {
        String t = s.strip();
        if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) {
            return false;
        }
        try {
            JsonNode n = JSON.readTree(t);
            return n != null && n.isContainerNode();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static void more(HtmlOut out, int total, int shown) {
        if (total > shown) {
            out.el("p", "note", "Showing " + shown + " of " + total + "; report.json lists all " + total + ".");
        }
    }

}
