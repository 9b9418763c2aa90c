package io.claudebaseline.usage;

import io.claudebaseline.facts.AwsFacts;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code usage --from-results FILE}: reads the CSV Athena writes for {@link AthenaQuery} (RFC 4180: a header row,
 * values in double quotes, quotes doubled inside) into the same aggregator the trail readers feed. Rows are read
 * one at a time; a row that does not fit the columns fails with its line number and the column at fault.
 */
final class AthenaResults {
    private AthenaResults() {}

    /** Returns the number of rows read. */
    static long read(Path csv, PrincipalNormalizer normalizer, UsageAggregator aggregator) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CsvRows rows = new CsvRows(in);
            List<String> header = rows.next();
            if (header == null) {
                throw new IOException(csv + " is empty; give the CSV result of the --emit-sql athena query");
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.put(header.get(i).trim().toLowerCase(java.util.Locale.ROOT), i);
            }
            List<String> missing = AthenaQuery.COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new IOException(csv + " lacks the column(s) " + String.join(", ", missing)
                        + "; it is not the result of the --emit-sql athena query (run that query unchanged)");
            }
            long n = 0;
            for (List<String> row = rows.next(); row != null; row = rows.next()) {
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue;
                }
                aggregator.add(observation(csv, rows.line(), row, index, normalizer));
                n++;
            }
            return n;
        }
    }

    private static Observation observation(Path csv, long line, List<String> row, Map<String, Integer> index, PrincipalNormalizer normalizer)
            throws IOException {
        java.util.function.Function<String, String> col = name -> {
            int i = index.get(name);
            String v = i < row.size() ? row.get(i) : "";
            return v == null || v.isEmpty() ? null : v;
        };
        TrailEvent.Identity identity = new TrailEvent.Identity(col.apply("identity_type"), col.apply("principal_arn"), null,
                col.apply("user_name"), null, null, col.apply("invoked_by"));
        Principal principal = normalizer.normalize(identity);
        boolean scpDeny = "true".equalsIgnoreCase(col.apply("scp_deny"));
        Outcome outcome = Outcome.of(col.apply("error_code"), scpDeny ? AwsFacts.SCP_EXPLICIT_DENY_PHRASE : null);
        boolean longTerm = principal.isShadowUser() || "true".equalsIgnoreCase(col.apply("long_term_key"));
        long count;
        Instant first;
        Instant last;
        String column = "events";
        try {
            count = Long.parseLong(String.valueOf(col.apply("events")));
            column = "first_seen";
            first = Instant.parse(String.valueOf(col.apply("first_seen")));
            column = "last_seen";
            last = Instant.parse(String.valueOf(col.apply("last_seen")));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IOException(csv + " line " + line + ": column " + column + " is not "
                    + ("events".equals(column) ? "a count" : "an ISO time such as 2026-09-01T12:00:00Z"), e);
        }
        String workspace = col.apply("workspace_arn");
        if (workspace != null && !WorkspaceRef.isWorkspaceArn(workspace)) {
            throw new IOException(csv + " line " + line + ": column workspace_arn is not a workspace ARN");
        }
        return new Observation(workspace, principal, col.apply("event_name"), outcome, longTerm, count, first, last,
                col.apply("last_source_ip"), col.apply("last_user_agent"), col.apply("error_code"));
    }

    /** RFC 4180 rows, quoted fields may hold commas, doubled quotes and line breaks. */
    static final class CsvRows {
        private final BufferedReader in;
        private long line;

        CsvRows(BufferedReader in) {
            this.in = in;
        }

        long line() {
            return line;
        }

        List<String> next() throws IOException {
            String text = in.readLine();
            if (text == null) {
                return null;
            }
            line++;
            List<String> out = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i == text.length()) {
                    if (quoted) {
                        String more = in.readLine();
                        if (more == null) {
                            throw new IOException("line " + line + ": a quoted value is not closed before the end of the file");
                        }
                        line++;
                        field.append('\n');
                        text = more;
                        i = 0;
                        continue;
                    }
                    out.add(field.toString());
                    return out;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    out.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
        }
    }
}
