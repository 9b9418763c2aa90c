package io.claudebaseline.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --emit-sql athena}: the query's shape; {@code --from-results}: its CSV through the same analysis. */
class AthenaPathTest {
    @TempDir
    Path dir;

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theQueryFiltersTheEventSourceAndWindowAndGroupsByTheResultColumns() throws Exception {
        BaselineConfig config = BaselineEngine.loadAndValidate(UsageWorld.examples().resolve("claude-baseline.yaml"));
        String sql = AthenaQuery.render(config, new Window(FROM, TO.plusNanos(5)), "security.cloudtrail_logs");
        assertThat(sql).contains("FROM security.cloudtrail_logs", "WHERE eventsource = 'aws-external-anthropic.amazonaws.com'",
                "eventtime >= '2026-11-01T00:00:00Z' AND eventtime < '2026-12-01T00:00:00Z'",
                "useridentity.sessioncontext.sessionissuer.arn", "explicit deny in a service control policy", "'$.bearerTokenType') = 'LONG_TERM'",
                "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9");
        // Every result column the CSV reader needs is selected, in order, and the first nine are the grouping keys.
        List<String> selected = new ArrayList<>();
        String select = sql.substring(sql.lastIndexOf("\nSELECT\n"), sql.indexOf("\nFROM claude"));
        for (String line : select.split("\n")) {
            int as = line.lastIndexOf(" AS ");
            if (as >= 0) {
                selected.add(line.substring(as + 4).replace(",", "").trim());
            } else if (line.startsWith("  identity_type")) {
                for (String c : line.trim().split(",\\s*")) {
                    if (!c.isBlank()) {
                        selected.add(c.trim());
                    }
                }
            }
        }
        assertThat(selected).containsExactlyElementsOf(AthenaQuery.COLUMNS);
        assertThat(AthenaQuery.COLUMNS.indexOf("events")).isEqualTo(9);
        assertThat(sql.chars().filter(c -> c == '(').count()).isEqualTo(sql.chars().filter(c -> c == ')').count());
        assertThatThrownBy(() -> AthenaQuery.render(config, new Window(FROM, TO), "x; DROP TABLE y"))
                .hasMessageContaining("--athena-table 'x; DROP TABLE y' is not a table name");
    }

    /** The rows the query computes for {@link UsageWorld}'s deliveries, written as Athena writes CSV (all quoted). */
    private static String athenaCsv(UsageWorld w) {
        String app = "arn:aws:iam::111122223333:role/claude-prod-app";
        String t = w.base.toString();
        List<List<String>> rows = List.of(
                List.of(UsageWorld.PROD, "AssumedRole", app, "", "", "CountTokens", "", "false", "false", "1", w.base.plusSeconds(130).toString(), w.base.plusSeconds(130).toString(), "10.1.0.5", "anthropic-sdk/1"),
                List.of(UsageWorld.PROD, "AssumedRole", app, "", "", "CreateInference", "", "false", "false", "3", t, w.base.plusSeconds(120).toString(), "10.1.0.5", "anthropic-sdk/1"),
                List.of(UsageWorld.PROD, "AssumedRole", "arn:aws:iam::111122223333:role/developer", "", "", "CreateInference", "AccessDenied", "true", "false", "2",
                        w.base.plusSeconds(200).toString(), w.base.plusSeconds(260).toString(), "203.0.113.9", "python-httpx/0.28.1"),
                List.of(UsageWorld.PROD, "IAMUser", "arn:aws:iam::111122223333:user/AeaApiKey-3f9a", "AeaApiKey-3f9a", "", "CreateInference", "AccessDenied", "true", "true", "1",
                        w.base.plusSeconds(300).toString(), w.base.plusSeconds(300).toString(), "198.51.100.20", "curl/8.5"),
                List.of("", "AssumedRole", app, "", "", "ListWorkspaces", "", "false", "false", "1", w.base.plusSeconds(140).toString(), w.base.plusSeconds(140).toString(), "10.1.0.5", "anthropic-sdk/1"),
                List.of(UsageWorld.UNLISTED, "AssumedRole", app, "", "", "CreateInference", "", "false", "false", "1", w.base.plusSeconds(320).toString(), w.base.plusSeconds(320).toString(), "10.1.0.5", "anthropic-sdk/1"),
                List.of(UsageWorld.RESEARCH, "AssumedRole", "arn:aws:iam::111122223333:role/claude-research-notebooks", "", "", "CreateInference", "", "false", "false", "2",
                        w.base.plusSeconds(30).toString(), w.base.plusSeconds(90).toString(), "10.2.0.9", "jupyter"),
                List.of(UsageWorld.RESEARCH, "AssumedRole", "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DataScience_0a1b2c3d", "", "",
                        "CreateBatch", "AccessDenied", "true", "false", "1", w.base.plusSeconds(400).toString(), w.base.plusSeconds(400).toString(), "192.0.2.44", "Mozilla/5.0"));
        StringBuilder csv = new StringBuilder(String.join(",", AthenaQuery.COLUMNS.stream().map(c -> "\"" + c + "\"").toList())).append('\n');
        for (List<String> r : rows) {
            csv.append(String.join(",", r.stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList())).append('\n');
        }
        return csv.toString();
    }

    @Test
    void theCsvResultGivesTheSameAnalysisAsReadingTheEvents() throws Exception {
        // The same deliveries as the moto tests, read from local files (no AWS) and, grouped, as Athena's CSV.
        try (UsageWorld world = new UsageWorld(dir)) {
            Path logs = Files.createDirectories(dir.resolve("logs"));
            Files.write(logs.resolve("a.json.gz"), SyntheticTrail.gzip(SyntheticTrail.logFileJson(world.prodRecords())));
            Files.write(logs.resolve("b.json.gz"), SyntheticTrail.gzip(SyntheticTrail.logFileJson(world.researchRecords())));
            BaselineConfig config = BaselineEngine.loadAndValidate(world.config);
            var baseline = io.claudebaseline.render.BaselineBuilder.build(config, io.claudebaseline.render.Templates.bundled());
            EngineRequest request = EngineRequest.builder(Action.USAGE, world.config).build();
            UsageAggregator fromEvents = UsageOperation.aggregator(config, new Window(world.from, world.to));
            new LocalFilesEventReader(logs, 2).read(world.from, world.to, fromEvents, l -> { });
            EngineResult events = UsageOperation.finish(baseline, request, fromEvents, "files", null, null);

            Path csv = Files.writeString(dir.resolve("result.csv"), athenaCsv(world));
            EngineResult athena = BaselineEngine.class.getDeclaredConstructor().newInstance().run(EngineRequest.builder(Action.USAGE, world.config)
                    .usage(new EngineRequest.UsageWindow(null, world.from, world.to, null, null, null, csv)).build(), l -> { });

            assertThat(comparable(athena)).isEqualTo(comparable(events));
            assertThat(athena.checks().stream().map(c -> c.check() + "=" + c.status()).toList())
                    .isEqualTo(events.checks().stream().map(c -> c.check() + "=" + c.status()).toList());
            assertThat(athena.details().get("suggestedConfigDiff")).isEqualTo(events.details().get("suggestedConfigDiff")).isNotNull();
        }
    }

    /**
     * The details that do not depend on where the events came from. Grouped rows keep one sample (the latest) of a
     * principal's denied attempts where the events keep the latest few: compare the latest.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> comparable(EngineResult r) {
        Map<String, Object> out = new LinkedHashMap<>(r.details());
        out.remove("usageWindow");
        Map<String, Object> latest = new LinkedHashMap<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) out.get("deniedAttempts")) {
            latest.put(a.get("workspace") + " " + a.get("principal"), a);
        }
        out.put("deniedAttempts", List.copyOf(latest.values()));
        return out;
    }

    @Test
    void aCsvThatIsNotTheQuerysResultFailsNamingWhatIsMissing() throws Exception {
        Path csv = Files.writeString(dir.resolve("other.csv"), "\"a\",\"b\"\n\"1\",\"2\"\n");
        BaselineConfig config = BaselineEngine.loadAndValidate(UsageWorld.examples().resolve("claude-baseline.yaml"));
        UsageAggregator agg = UsageOperation.aggregator(config, new Window(FROM, TO));
        assertThatThrownBy(() -> AthenaResults.read(csv, UsageOperation.normalizer(config), agg))
                .hasMessageContaining("lacks the column(s) workspace_arn, identity_type");
        Path bad = Files.writeString(dir.resolve("bad.csv"), String.join(",", AthenaQuery.COLUMNS) + "\n"
                + ",AssumedRole,arn:aws:iam::111122223333:role/x,,,ListWorkspaces,,false,false,many,2026-11-02T00:00:00Z,2026-11-02T00:00:00Z,,\n");
        assertThatThrownBy(() -> AthenaResults.read(bad, UsageOperation.normalizer(config), agg))
                .hasMessageContaining("line 2: column events is not a count");
    }
}
