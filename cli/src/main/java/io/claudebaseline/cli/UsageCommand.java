package io.claudebaseline.cli;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.usage.Window;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "usage", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Read the trail's Claude Platform events back: who uses each workspace, who was denied, how to tighten.",
        description = {
            "Reads the Claude Platform events (data and management) of the trail in controls.cloudTrailDataEvents from",
            "its CloudWatch Logs group, when it has one, or its S3 bucket (only the window's day prefixes), and reports",
            "per workspace: the principals that acted (actions, counts, first/last seen), allow-listed principals that",
            "did not, calls refused by an SCP from principals outside the allow-list (time, action, source IP, user",
            "agent), calls made with long-term API keys, and a suggested config change: each allow-list tightened to",
            "what was used, as a unified diff of your YAML (also written to DIR/suggested-allowlist.diff). The change",
            "is never applied. Read-only; `claude-baseline permissions --for usage` prints the IAM policy it needs.",
            "",
            "For trails too large for one machine: --emit-sql athena prints the Athena query computing the same",
            "aggregates; --from-results reads its CSV result into the same analysis and reports.",
        },
        footer = {"", "Examples:", "  claude-baseline usage --config claude-baseline.yaml --since 90d --report-dir usage",
                  "  claude-baseline usage --from 2026-09-01 --to 2026-10-01 --source s3",
                  "  claude-baseline usage --emit-sql athena --athena-table cloudtrail_logs > usage.sql",
                  "  claude-baseline usage --from-results 'athena-result.csv' --since 90d"})
final class UsageCommand extends EngineCommand {
    @Mixin ConfigOptions config;
    @Mixin AwsOptions aws;

    @Option(names = "--since", paramLabel = "DURATION", description = "Window ending now: 90d, 24h, 30m or P90D. Default: 90d.")
    String since;

    @Option(names = "--from", paramLabel = "TIME", description = "Window start: a UTC date (2026-09-01) or instant (2026-09-01T12:00:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Window end, exclusive (default: now). Needs --from.")
    String to;

    @Option(names = "--source", paramLabel = "SOURCE", description = "auto (the log group if the trail has one, else S3), s3 or logs. Default: auto.")
    String source;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "claude-baseline-usage",
            description = "Where report.json, junit.xml, summary.md and suggested-allowlist.diff are written. Default: ${DEFAULT-VALUE}.")
    Path reportDir;

    @Option(names = "--emit-sql", paramLabel = "DIALECT", description = "Print the query computing the same aggregates instead (athena); no AWS call.")
    String emitSql;

    @Option(names = "--athena-table", paramLabel = "TABLE", description = "The CloudTrail table the query reads. Default: cloudtrail_logs.")
    String athenaTable;

    @Option(names = "--from-results", paramLabel = "FILE", description = "Analyse the CSV result of the --emit-sql query instead of reading the trail.")
    Path fromResults;

    @Override
    EngineRequest request(Map<String, String> env) {
        EngineRequest.UsageWindow window;
        try {
            window = new EngineRequest.UsageWindow(since == null ? null : Window.parseDuration("--since", since),
                    from == null ? null : Window.parseTime("--from", from), to == null ? null : Window.parseTime("--to", to),
                    source, emitSql, athenaTable, fromResults);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return base(Action.USAGE, config, aws, env).reportDir(emitSql == null ? reportDir : null).usage(window).build();
    }

    @Override
    void print(EngineResult result, PrintWriter out) {
        if (result.details().containsKey("athenaQuery")) {
            // Only the query on stdout, so it can be piped or redirected as is.
            out.print(result.summary());
            out.flush();
            return;
        }
        super.print(result, out);
    }
}
