package io.claudebaseline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** junit.xml's {@code time} attributes are the engine's measurements: per timed check, per suite, for the run. */
class JUnitTimesTest {

    static final Path EXAMPLE = Path.of("..", "examples", "claude-baseline.yaml");

    @TempDir
    Path dir;

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static BigDecimal time(Element e) {
        return new BigDecimal(e.getAttribute("time"));
    }

    @Test
    void simulateTimesEveryScenarioAndEachSuiteIsTheSumOfItsCases() throws Exception {
        long before = System.nanoTime();
        EngineResult result = new BaselineEngine().run(EngineRequest.builder(Action.SIMULATE, EXAMPLE)
                .reportDir(dir).build(), line -> { });
        BigDecimal wall = BigDecimal.valueOf((System.nanoTime() - before) / 1000, 6);
        assertThat(result.checks()).isNotEmpty().allSatisfy(c -> assertThat(c.duration()).isNotNull().isPositive());

        Document xml = parse(dir.resolve(Reports.JUNIT));
        Element all = xml.getDocumentElement();
        BigDecimal total = time(all);
        assertThat(total).isPositive().isLessThanOrEqualTo(wall);

        NodeList suites = xml.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isGreaterThan(1);
        BigDecimal suitesSum = BigDecimal.ZERO;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            NodeList cases = suite.getElementsByTagName("testcase");
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 0; k < cases.getLength(); k++) {
                Element c = (Element) cases.item(k);
                assertThat(c.hasAttribute("time")).as(c.getAttribute("name")).isTrue();
                sum = sum.add(time(c));
            }
            // Each case is rounded down to the microsecond, the suite's sum is taken before rounding.
            assertThat(time(suite)).as(suite.getAttribute("name")).isPositive()
                    .isBetween(sum, sum.add(new BigDecimal("0.000001").multiply(BigDecimal.valueOf(cases.getLength()))));
            suitesSum = suitesSum.add(time(suite));
        }
        // Evaluating the scenarios is part of the run, which also loads, validates, renders and lints.
        assertThat(suitesSum).isLessThan(total);
    }

    @Test
    void checksWithoutTheirOwnDurationCarryNoTimeAndTheRunTotalIsOnTestsuites() throws Exception {
        List<CheckResult> checks = List.of(
                CheckResult.pass("protect-workspaces", "scp-exists:claude-baseline-1", "SCP claude-baseline-1 exists."),
                new CheckResult("protect-workspaces", "scenario:x", io.claudebaseline.verify.CheckStatus.PASS, "As expected.",
                        Map.of(), Duration.ofNanos(1_234_567)));
        EngineResult result = new EngineResult(Action.VERIFY, true, 0, checks, List.of(), List.of(), null, "2 checks");
        Reports.write(result, dir, null, Duration.ofMillis(2_500));

        Document xml = parse(dir.resolve(Reports.JUNIT));
        assertThat(xml.getDocumentElement().getAttribute("time")).isEqualTo("2.500000");
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.hasAttribute("time")).as("a suite with an untimed check has no sum to give").isFalse();
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(((Element) cases.item(0)).hasAttribute("time")).isFalse();
        assertThat(((Element) cases.item(1)).getAttribute("time")).isEqualTo("0.001234");
    }

    @Test
    void theErrorReportCarriesTheTimeUntilTheError() throws Exception {
        Reports.writeError(Action.VERIFY, "AWS refused.", dir, Duration.ofMillis(750));
        Element c = (Element) parse(dir.resolve(Reports.JUNIT)).getElementsByTagName("testcase").item(0);
        assertThat(c.getAttribute("time")).isEqualTo("0.750000");
    }
}
