package io.claudebaseline.report;

import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.md}: what a reviewer reads first. Verdict, counts per control, then the exceptions (FAIL before
 * WARN), then structured details as short tables. Long lists are capped, with a pointer to report.json, so the
 * file stays readable for an organisation of thousands of accounts.
 */
final class SummaryMarkdown {
    /** Rows shown per list before "… and N more". */
    static final int MAX_ROWS = 50;
    /** Column that marks a row of a coverage table; rows with {@code covered: true} are summarised, not listed. */
    static final String COVERED = "covered";

    private SummaryMarkdown() {}

    static String render(EngineResult result, String generatedAt) {
        StringBuilder md = new StringBuilder();
        String verdict = result.compliant() ? "PASS" : "FAIL";
        md.append("# claude-baseline ").append(result.action().id()).append(": ").append(verdict).append("\n\n");
        md.append(cell(result.summary())).append("\n\n");
        md.append("Generated ").append(generatedAt).append(". ")
          .append(result.count(CheckStatus.PASS)).append(" passed, ")
          .append(result.count(CheckStatus.WARN)).append(" warnings, ")
          .append(result.count(CheckStatus.FAIL)).append(" failed")
          .append(result.count(CheckStatus.EXCEPTED) == 0 ? "" : ", " + result.count(CheckStatus.EXCEPTED) + " excepted").append(".\n\n");

        Map<String, long[]> perControl = new LinkedHashMap<>();
        for (CheckResult c : result.checks()) {
            perControl.computeIfAbsent(c.control(), k -> new long[CheckStatus.values().length])[c.status().ordinal()]++;
        }
        if (!perControl.isEmpty()) {
            md.append("## By control\n\n| control | PASS | WARN | FAIL | EXCEPTED |\n|---|---:|---:|---:|---:|\n");
            perControl.forEach((control, n) -> md.append("| ").append(cell(control)).append(" | ")
                    .append(n[CheckStatus.PASS.ordinal()]).append(" | ").append(n[CheckStatus.WARN.ordinal()]).append(" | ")
                    .append(n[CheckStatus.FAIL.ordinal()]).append(" | ").append(n[CheckStatus.EXCEPTED.ordinal()]).append(" |\n"));
            md.append('\n');
        }

        appendChecks(md, "Failures", result, CheckStatus.FAIL);
        appendChecks(md, "Warnings", result, CheckStatus.WARN);
        appendChecks(md, "Excepted (accepted deviations, with owner, reason and expiry)", result, CheckStatus.EXCEPTED);

        if (!result.warnings().isEmpty()) {
            md.append("## Config warnings\n\n");
            result.warnings().stream().limit(MAX_ROWS).forEach(w ->
                    md.append("- `").append(cell(w.path())).append("`: ").append(cell(w.message())).append('\n'));
            md.append('\n');
        }

        for (Map.Entry<String, Object> detail : result.details().entrySet()) {
            appendDetail(md, detail.getKey(), detail.getValue());
        }
        return md.toString();
    }

    private static void appendChecks(StringBuilder md, String title, EngineResult result, CheckStatus status) {
        List<CheckResult> matching = result.checks().stream().filter(c -> c.status() == status).toList();
        if (matching.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append(" (").append(matching.size()).append(")\n\n");
        md.append("| control | check | message |\n|---|---|---|\n");
        matching.stream().limit(MAX_ROWS).forEach(c -> md.append("| ").append(cell(c.control())).append(" | `")
                .append(cell(c.check())).append("` | ").append(cell(c.message())).append(" |\n"));
        more(md, matching.size());
        md.append('\n');
    }

    /** Lists of maps become tables; maps become key/value lists; anything else one line. */
    private static void appendDetail(StringBuilder md, String name, Object value) {
        md.append("## ").append(cell(name)).append("\n\n");
        if (value instanceof Collection<?> all && !all.isEmpty() && all.iterator().next() instanceof Map<?, ?> first
                && first.containsKey(COVERED)) {
            // Coverage tables (accounts, OUs) can run to thousands of rows: show only the exceptions.
            List<Object> uncovered = all.stream().filter(r -> !Boolean.TRUE.equals(((Map<?, ?>) r).get(COVERED))).map(r -> (Object) r).toList();
            md.append(all.size() - uncovered.size()).append(" of ").append(all.size()).append(" covered");
            if (uncovered.isEmpty()) {
                md.append(".\n\n");
                return;
            }
            md.append("; not covered:\n\n");
            value = uncovered;
        }
        if (value instanceof Collection<?> rows && !rows.isEmpty() && rows.iterator().next() instanceof Map<?, ?> first) {
            List<Object> columns = new ArrayList<>(first.keySet());
            md.append('|');
            columns.forEach(c -> md.append(' ').append(cell(String.valueOf(c))).append(" |"));
            md.append("\n|");
            columns.forEach(c -> md.append("---|"));
            md.append('\n');
            rows.stream().limit(MAX_ROWS).forEach(row -> {
                md.append('|');
                Map<?, ?> r = (Map<?, ?>) row;
                columns.forEach(c -> md.append(' ').append(cell(text(r.get(c)))).append(" |"));
                md.append('\n');
            });
            more(md, rows.size());
        } else if (value instanceof Map<?, ?> map) {
            map.entrySet().stream().limit(MAX_ROWS).forEach(e -> md.append("- ").append(cell(String.valueOf(e.getKey())))
                    .append(": ").append(cell(text(e.getValue()))).append('\n'));
            more(md, map.size());
        } else if (value instanceof Collection<?> list) {
            list.stream().limit(MAX_ROWS).forEach(v -> md.append("- ").append(cell(text(v))).append('\n'));
            more(md, list.size());
        } else {
            md.append(cell(text(value))).append('\n');
        }
        md.append('\n');
    }

    /** A detail value as text: nested lists and maps as compact JSON (readable, unambiguous), null as empty. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            try {
                return COMPACT.writeValueAsString(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper COMPACT = new com.fasterxml.jackson.databind.ObjectMapper();

    private static void more(StringBuilder md, int total) {
        if (total > MAX_ROWS) {
            md.append("\n… and ").append(total - MAX_ROWS).append(" more in report.json.\n");
        }
    }

    /** Makes a value safe inside a Markdown table cell: no pipes, no raw HTML, no line breaks. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>");
    }
}
