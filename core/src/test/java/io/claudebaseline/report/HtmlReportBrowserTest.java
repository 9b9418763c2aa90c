package io.claudebaseline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.testing.CspServer;
import io.claudebaseline.testing.HeadlessChromium;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * report.html in a real browser, served the way Jenkins serves artifacts (with its CSP): no violation is logged,
 * the style sheet applies, the verdict and every failed check are visible text. Screenshots land in
 * {@code core/target/report-screenshots/} for review. Needs Chromium; skipped without it unless CI=true.
 */
// Runs beside the moto tests (core/pom.xml): its time goes to Chromium. Its tests share one browser, so they take
// turns (a class holding a lock runs its tests one after another).
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("HtmlReportBrowserTest.browser")
class HtmlReportBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static HeadlessChromium browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.startOrSkip();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    /** Writes the reports, serves them with Jenkins' CSP and loads report.html. */
    static HeadlessChromium.Page show(EngineResult result, Path dir, String screenshot) throws Exception {
        Reports.write(result, dir);
        try (CspServer server = new CspServer(dir)) {
            HeadlessChromium.Page page = browser.load(server.url(Reports.HTML));
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(screenshot), page.screenshot());
            return page;
        }
    }

    @Test
    void theReportRendersUnderJenkinsCspWithTheVerdictAndEveryFailureVisible() throws Exception {
        EngineResult result = ReportFixtures.verifyWithDrift();
        HeadlessChromium.Page page = show(result, dir, "verify-with-drift.png");

        assertThat(page.problems()).as("console and CSP messages").isEmpty();
        assertThat(page.visibleText()).startsWith("FAIL");
        for (CheckResult c : result.checks()) {
            if (c.status() == CheckStatus.FAIL) {
                assertThat(page.visibleText()).as("failed check %s is visible", c.check())
                        .contains(c.message().replace('\u0001', '\uFFFD'));
            }
        }
        assertThat(page.visibleText()).contains("NOT COVERED: 1 account").contains(ReportFixtures.HOSTILE_OU);
        // report.css applied: the failing verdict's header is tinted (an unstyled header is transparent).
        assertThat(page.headerBackground().asText()).isEqualTo("rgb(253, 231, 230)");
        assertThat(page.screenshot()).hasSizeGreaterThan(10_000);
    }

    @Test
    void collapsedSubtreesAreNotVisibleText() throws Exception {
        HeadlessChromium.Page page = show(ReportFixtures.largeOrganisation(500, 3), dir, "large-organisation.png");

        assertThat(page.problems()).isEmpty();
        assertThat(page.visibleText()).contains("uncovered-2").doesNotContain("100000000000"); // covered-0, inside a closed subtree
        assertThat(page.visibleText()).contains("500 accounts");
    }

    /** The detector itself: an inline style and an inline script under the same CSP are reported. */
    @Test
    void aPageWithInlineStyleAndScriptIsCaught() throws Exception {
        Files.writeString(dir.resolve("bad.html"), "<!DOCTYPE html><html><head><style>body{color:red}</style></head>"
                + "<body><p style=\"color:blue\">x</p><script>document.title='ran'</script></body></html>");
        try (CspServer server = new CspServer(dir)) {
            HeadlessChromium.Page page = browser.load(server.url("bad.html"));
            assertThat(page.problems()).anySatisfy(p -> assertThat(p).containsIgnoringCase("Content Security Policy"));
        }
    }
}
