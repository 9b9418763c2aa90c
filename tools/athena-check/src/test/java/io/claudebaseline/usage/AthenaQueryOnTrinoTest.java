package io.claudebaseline.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.trino.Session;
import io.trino.plugin.memory.MemoryPlugin;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import io.trino.testing.StandaloneQueryRunner;
import io.trino.testing.TestingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query {@code usage --emit-sql athena} prints, run unchanged on Trino (Athena engine version 3 is Trino) over
 * the same synthetic CloudTrail records the other usage tests read: allowed, SCP-denied, shadow-user (long-term key),
 * resource-less, unlisted-workspace, other-service and out-of-window events. Its rows, written as Athena writes CSV,
 * go through {@code --from-results} and must give the analysis the per-event reader gives over the same records.
 */
class AthenaQueryOnTrinoTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The columns of Athena's CloudTrail table (Athena user guide, create-cloudtrail-table.html, "Create a table for
     * CloudTrail logs in Athena using manual partitioning"), STRING as varchar, STRUCT as row, ARRAY as array, MAP as map.
     */
    static final List<String> COLUMN_LIST = List.of(
            "eventversion varchar",
            "useridentity row(type varchar, principalid varchar, arn varchar, accountid varchar, invokedby varchar, accesskeyid varchar,"
                    + " username varchar, onbehalfof row(userid varchar, identitystorearn varchar), sessioncontext row(attributes"
                    + " row(mfaauthenticated varchar, creationdate varchar), sessionissuer row(type varchar, principalid varchar, arn varchar,"
                    + " accountid varchar, username varchar), ec2roledelivery varchar, webidfederationdata row(federatedprovider varchar,"
                    + " attributes map(varchar, varchar))))",
            "eventtime varchar", "eventsource varchar", "eventname varchar", "awsregion varchar", "sourceipaddress varchar",
            "useragent varchar", "errorcode varchar", "errormessage varchar", "requestparameters varchar", "responseelements varchar",
            "additionaleventdata varchar", "requestid varchar", "eventid varchar",
            "resources array(row(arn varchar, accountid varchar, type varchar))",
            "eventtype varchar", "apiversion varchar", "readonly varchar", "recipientaccountid varchar", "serviceeventdetails varchar",
            "sharedeventid varchar", "vpcendpointid varchar", "vpcendpointaccountid varchar", "eventcategory varchar",
            "addendum row(reason varchar, updatedfields varchar, originalrequestid varchar, originaleventid varchar)",
            "sessioncredentialfromconsole varchar", "edgedevicedetails varchar",
            "tlsdetails row(tlsversion varchar, ciphersuite varchar, clientprovidedhostheader varchar)");
    static final String COLUMNS = String.join(", ", COLUMN_LIST);

    /** Columns the CloudTrail SerDe reads as nested structures; every other column holds the field as text (JSON for objects). */
    private static final Set<String> STRUCTURED = Set.of("useridentity", "resources", "addendum", "tlsdetails");

    @Test
    void theEmittedQueryRunsOnTrinoAndItsCsvGivesTheSameAnalysisAsTheEvents() throws Exception {
        try (UsageWorld world = new UsageWorld(dir)) {
            List<String> records = new ArrayList<>(world.prodRecords());
            records.addAll(world.researchRecords());
            BaselineConfig config = BaselineEngine.loadAndValidate(world.config);
            String sql = AthenaQuery.render(config, new Window(world.from, world.to), null);

            Session session = TestingSession.testSessionBuilder().setCatalog("memory").setSchema("default").build();
            MaterializedResult result;
            // The engine's own jar (trino-main); the in-process server reports "testversion" as its node version.
            String version = Session.class.getPackage().getImplementationVersion();
            try (StandaloneQueryRunner trino = new StandaloneQueryRunner(session)) {
                trino.installPlugin(new MemoryPlugin());
                trino.createCatalog("memory", "memory", Map.of());
                trino.execute("CREATE TABLE " + AthenaQuery.DEFAULT_TABLE + " (" + COLUMNS + ")");
                trino.execute(insert(records));
                result = trino.execute(sql);
            }
            System.out.println("athena-check: the --emit-sql athena query ran on Trino " + version + ": " + result.getRowCount()
                    + " row(s) from " + records.size() + " record(s)");
            assertThat(version).as("trino-main's version").isNotBlank();
            assertThat(result.getColumnNames()).containsExactlyElementsOf(AthenaQuery.COLUMNS);

            // What the engine computed, row by row, for a few of the cases: the first nine columns are the grouping keys.
            List<List<Object>> rows = result.getMaterializedRows().stream().map(MaterializedRow::getFields).toList();
            assertThat(rows).hasSize(8);
            assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 10)).containsExactly(UsageWorld.PROD, "AssumedRole",
                    "arn:aws:iam::111122223333:role/developer", null, null, "CreateInference", "AccessDenied", true, false, 2L));
            assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 10)).containsExactly(UsageWorld.PROD, "IAMUser",
                    "arn:aws:iam::111122223333:user/AeaApiKey-3f9a", "AeaApiKey-3f9a", null, "CreateInference", "AccessDenied", true, true, 1L));
            assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 10)).containsExactly("", "AssumedRole",
                    "arn:aws:iam::111122223333:role/claude-prod-app", null, null, "ListWorkspaces", "", false, false, 1L));
            assertThat(rows).as("other services and the event before the window are not counted")
                    .allSatisfy(r -> assertThat(r.get(5)).isNotIn("GetObject", "CreateServiceSpecificCredential"));
            assertThat(rows.stream().mapToLong(r -> (Long) r.get(9)).sum()).isEqualTo(12L);

            // The same records through the per-event reader, and the engine's rows through the CSV path.
            Path logs = Files.createDirectories(dir.resolve("logs"));
            Files.write(logs.resolve("a.json.gz"), SyntheticTrail.gzip(SyntheticTrail.logFileJson(records)));
            var baseline = io.claudebaseline.render.BaselineBuilder.build(config, io.claudebaseline.render.Templates.bundled());
            UsageAggregator fromEvents = UsageOperation.aggregator(config, new Window(world.from, world.to));
            new LocalFilesEventReader(logs, 2).read(world.from, world.to, fromEvents, l -> { });
            EngineResult events = UsageOperation.finish(baseline, EngineRequest.builder(Action.USAGE, world.config).build(), fromEvents, "files", null, null);

            Path csv = Files.writeString(dir.resolve("trino-result.csv"), athenaCsv(result));
            EngineResult athena = BaselineEngine.class.getDeclaredConstructor().newInstance().run(EngineRequest.builder(Action.USAGE, world.config)
                    .usage(new EngineRequest.UsageWindow(null, world.from, world.to, null, null, null, csv)).build(), l -> { });

            assertThat(AthenaPathTest.comparable(athena)).isEqualTo(AthenaPathTest.comparable(events));
            assertThat(athena.checks().stream().map(c -> c.check() + "=" + c.status()).toList())
                    .isEqualTo(events.checks().stream().map(c -> c.check() + "=" + c.status()).toList());
            assertThat(athena.details().get("suggestedConfigDiff")).isEqualTo(events.details().get("suggestedConfigDiff")).isNotNull();
        }
    }

    /**
     * The records as rows of the CloudTrail table: each JSON record cast to the table's row type, as Athena's
     * CloudTrail SerDe reads it (field names case-insensitive, nested objects of text columns kept as JSON text).
     */
    static String insert(List<String> records) throws Exception {
        List<String> values = new ArrayList<>();
        for (String r : records) {
            ObjectNode row = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> e : JSON.readTree(r).properties()) {
                String column = e.getKey().toLowerCase(java.util.Locale.ROOT);
                JsonNode v = e.getValue();
                row.set(column, STRUCTURED.contains(column) ? lowerKeys(v) : v.isContainerNode() ? JSON.getNodeFactory().textNode(v.toString()) : v);
            }
            values.add("('" + JSON.writeValueAsString(row).replace("'", "''") + "')");
        }
        String fields = COLUMN_LIST.stream().map(c -> "r." + c.substring(0, c.indexOf(' '))).collect(Collectors.joining(", "));
        return "INSERT INTO " + AthenaQuery.DEFAULT_TABLE + " SELECT " + fields + " FROM (SELECT CAST(json_parse(j) AS row(" + COLUMNS + ")) AS r"
                + " FROM (VALUES " + String.join(", ", values) + ") AS v(j))";
    }

    private static JsonNode lowerKeys(JsonNode v) {
        if (v.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            v.forEach(x -> out.add(lowerKeys(x)));
            return out;
        }
        if (!v.isObject()) {
            return v;
        }
        ObjectNode out = JSON.createObjectNode();
        v.properties().forEach(e -> out.set(e.getKey().toLowerCase(java.util.Locale.ROOT), lowerKeys(e.getValue())));
        return out;
    }

    /** The result as Athena writes it: a header, every value in double quotes (quotes doubled), NULL as an empty field. */
    static String athenaCsv(MaterializedResult result) {
        StringBuilder out = new StringBuilder(result.getColumnNames().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","))).append('\n');
        for (MaterializedRow row : result.getMaterializedRows()) {
            out.append(row.getFields().stream().map(v -> v == null ? "" : "\"" + v.toString().replace("\"", "\"\"") + "\"")
                    .collect(Collectors.joining(","))).append('\n');
        }
        return out.toString();
    }
}
