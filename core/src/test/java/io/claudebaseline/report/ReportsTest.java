package io.claudebaseline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claudebaseline.config.Problem;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportsTest {

    @TempDir
    Path dir;

    private static EngineResult result(List<CheckResult> checks, Map<String, Object> details) {
        boolean compliant = checks.stream().noneMatch(c -> c.status() == io.claudebaseline.verify.CheckStatus.FAIL);
        return new EngineResult(Action.VERIFY, compliant, 0, checks,
                List.of(Problem.warning("workspaces[0].region", "region is '*'")), List.of(), null, "2 checks", details);
    }

    @Test
    void writesThreeReportsThatParseAndAgreeOnCounts() throws Exception {
        List<CheckResult> checks = List.of(
                CheckResult.pass("protect-workspaces", "scp-exists:claude-baseline-1", "SCP claude-baseline-1 exists."),
                CheckResult.fail("cloudtrail-data-events", "trail-logging:org-trail", "Trail org-trail is not logging.")
                        .withEvidence(Map.of("trail", "org-trail")),
                CheckResult.warn("deny-long-term-key-use", "x", "a warning"));

        List<Path> files = Reports.write(result(checks, Map.of()), dir);

        assertThat(files).containsExactly(Path.of("report.json"), Path.of("junit.xml"), Path.of("summary.md"),
                Path.of("report.html"), Path.of("report.css"), Path.of("report.sarif"));
        for (Path f : files) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.get("compliant").asBoolean()).isFalse();
        assertThat(json.get("counts").get("FAIL").asInt()).isEqualTo(1);
        assertThat(json.get("checks")).hasSize(3);
        assertThat(json.get("checks").get(1).get("evidence").get("trail").asText()).isEqualTo("org-trail");
        assertThat(json.get("configWarnings").get(0).get("path").asText()).isEqualTo("workspaces[0].region");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        NodeList failures = xml.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        assertThat(((Element) failures.item(0)).getAttribute("message")).isEqualTo("Trail org-trail is not logging.");
        assertThat(((Element) xml.getDocumentElement()).getAttribute("failures")).isEqualTo("1");

        String md = Files.readString(dir.resolve("summary.md"));
        assertThat(md).startsWith("# claude-baseline verify: FAIL");
        assertThat(md).contains("## Failures (1)").contains("Trail org-trail is not logging.").contains("## Warnings (1)");
        assertThat(md.indexOf("## Failures")).isLessThan(md.indexOf("## Warnings"));
    }

    @Test
    void hostileTextStaysInsideItsCellAndTheXmlStaysWellFormed() throws Exception {
        String hostile = "a|b\n<script>x</script> & \u0001 \"q\" ]]> ${x}";
        List<CheckResult> checks = List.of(CheckResult.fail("c|1", hostile, hostile));

        Reports.write(result(checks, Map.of()), dir);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        String message = ((Element) xml.getElementsByTagName("failure").item(0)).getAttribute("message");
        assertThat(message).contains("<script>x</script>").contains("a|b").doesNotContain("\u0001");
        String md = Files.readString(dir.resolve("summary.md"));
        String failureRow = md.lines().filter(l -> l.startsWith("| c\\|1 | `")).findFirst().orElseThrow();
        assertThat(failureRow).contains("a\\|b<br>&lt;script&gt;").doesNotContain("<script>");
        // A table row must have exactly the 4 unescaped pipes of its 3 cells.
        assertThat(failureRow.replace("\\|", "").chars().filter(ch -> ch == '|').count()).isEqualTo(4);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.get("checks").get(0).get("message").asText()).isEqualTo(hostile);
    }

    @Test
    void summaryCapsLongListsSoLargeOrganisationsStayReadable() throws Exception {
        List<CheckResult> checks = new ArrayList<>();
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String id = String.format("%012d", i);
            checks.add(CheckResult.warn("coverage", "account-covered:" + id, "Account " + id + " is not covered."));
            accounts.add(Map.of("account", id, "covered", i % 10 == 0));
        }

        Reports.write(result(checks, Map.of("accounts", accounts)), dir);

        String md = Files.readString(dir.resolve("summary.md"));
        assertThat(md).contains("## Warnings (5000)").contains("… and 4950 more in report.json.");
        // The coverage table lists only the exceptions, capped.
        assertThat(md).contains("500 of 5000 covered; not covered:").contains("… and 4450 more in report.json.");
        assertThat(md).doesNotContain("| 000000000000 | true |");
        assertThat(md.lines().count()).isLessThan(200);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.get("details").get("accounts")).hasSize(5000);
    }
}
