package io.claudebaseline.usage;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.facts.AwsFacts;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code usage --emit-sql athena}: the Athena (Trino SQL) query that computes, over the trail's S3 logs, the same
 * per-workspace aggregates the reader builds, one row per workspace × principal × action × outcome, so that
 * {@code usage --from-results} can run the same analysis on its CSV result when the logs outgrow one machine.
 *
 * <p>It expects the CloudTrail table of Athena's documentation ("Querying AWS CloudTrail logs": columns
 * {@code useridentity} struct with {@code sessioncontext.sessionissuer}, {@code eventtime} as an ISO string,
 * {@code resources} array of {@code (arn, accountid, type)}, {@code requestparameters} as JSON text). The query
 * mirrors {@link Observation#of}: the first workspace ARN of {@code resources}, the role of a session from its
 * sessionIssuer (the remaining normalisation runs in Java on the result, so both paths share
 * {@link PrincipalNormalizer}), an SCP deny told by its error message, LONG_TERM bearer tokens.
 */
final class AthenaQuery {
    private AthenaQuery() {}

    /** The result columns, in order; {@link AthenaResults} reads them by name. */
    static final List<String> COLUMNS = List.of("workspace_arn", "identity_type", "principal_arn", "user_name", "invoked_by",
            "event_name", "error_code", "scp_deny", "long_term_key", "events", "first_seen", "last_seen", "last_source_ip",
            "last_user_agent");

    static final String DEFAULT_TABLE = "cloudtrail_logs";

    private static final String TABLE_PATTERN = "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?";

    static String render(BaselineConfig config, Window window, String table) {
        String t = table == null || table.isBlank() ? DEFAULT_TABLE : table.trim();
        if (!t.matches(TABLE_PATTERN)) {
            throw new IllegalArgumentException("--athena-table '" + table + "' is not a table name; give [database.]table with letters, digits and _");
        }
        String from = window.from().truncatedTo(ChronoUnit.SECONDS).toString();
        String to = window.to().truncatedTo(ChronoUnit.SECONDS).toString();
        String workspaceLike = "arn:%:" + AwsFacts.SERVICE_PREFIX + ":%:workspace/%";
        return String.join("\n",
                "-- claude-baseline usage: Claude Platform events per workspace, principal, action and outcome,",
                "-- " + from + " (inclusive) to " + to + " (exclusive), for the " + config.workspaces().size() + " workspace(s) of the config and any other.",
                "-- Table: the CloudTrail table of Athena's documentation (\"Querying AWS CloudTrail logs\"); with partition",
                "-- projection, also restrict its date partition to the window so Athena scans only those days.",
                "-- Run it, download the result as CSV, then: claude-baseline usage --config <file> --from-results <result.csv>",
                "WITH claude AS (",
                "  SELECT",
                "    element_at(filter(resources, r -> r.arn LIKE '" + workspaceLike + "'), 1).arn AS workspace_arn,",
                "    useridentity.type AS identity_type,",
                "    CASE WHEN useridentity.type = 'AssumedRole' AND useridentity.sessioncontext.sessionissuer.arn IS NOT NULL",
                "         THEN useridentity.sessioncontext.sessionissuer.arn ELSE useridentity.arn END AS principal_arn,",
                "    useridentity.username AS user_name,",
                "    useridentity.invokedby AS invoked_by,",
                "    eventname, eventtime, sourceipaddress, useragent, errorcode,",
                "    errorcode IN ('AccessDenied', 'AccessDeniedException')",
                "      AND errormessage LIKE '%" + AwsFacts.SCP_EXPLICIT_DENY_PHRASE + "%' AS scp_deny,",
                "    json_extract_scalar(requestparameters, '$." + AwsFacts.BEARER_TOKEN_TYPE_PARAMETER + "') = '"
                        + AwsFacts.BEARER_TOKEN_LONG_TERM + "' AS long_term_key",
                "  FROM " + t,
                "  WHERE eventsource = '" + AwsFacts.CLAUDE_EVENT_SOURCE + "'",
                "    AND eventtime >= '" + from + "' AND eventtime < '" + to + "'",
                ")",
                "SELECT",
                "  COALESCE(workspace_arn, '') AS workspace_arn,",
                "  identity_type, principal_arn, user_name, invoked_by,",
                "  eventname AS event_name,",
                "  COALESCE(errorcode, '') AS error_code,",
                "  COALESCE(scp_deny, false) AS scp_deny,",
                "  COALESCE(long_term_key, false) AS long_term_key,",
                "  count(*) AS events,",
                "  min(eventtime) AS first_seen,",
                "  max(eventtime) AS last_seen,",
                "  max_by(sourceipaddress, eventtime) AS last_source_ip,",
                "  max_by(useragent, eventtime) AS last_user_agent",
                "FROM claude",
                "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9",
                "ORDER BY 1, 3, 6, 7",
                "") ;
    }
}
