package io.claudebaseline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HtmlReportTest {

    /** The page is polyglot markup: a successful XML parse proves no value opened or closed an element. */
    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    static NodeList xpath(Document doc, String expr) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(expr, doc, XPathConstants.NODESET);
    }

    static String text(Document doc, String expr) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expr, doc);
    }

    @Test
    void hostileNamesStayTextAndThePageHasNoScriptStyleOrForeignAttribute() throws Exception {
        String html = HtmlReport.render(ReportFixtures.verifyWithDrift(), "2026-12-01T00:00:00Z");
        Document doc = parse(html);

        assertThat(xpath(doc, "//script | //style | //img | //iframe | //object | //embed | //form").getLength()).isZero();
        Set<String> allowed = Set.of("class", "id", "href", "open", "lang", "charset", "name", "content", "rel");
        NodeList all = xpath(doc, "//*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attrs = all.item(i).getAttributes();
            for (int j = 0; j < attrs.getLength(); j++) {
                Node a = attrs.item(j);
                assertThat(allowed).as("attribute %s on <%s>", a.getNodeName(), all.item(i).getNodeName()).contains(a.getNodeName());
                if (a.getNodeName().equals("href")) {
                    assertThat(a.getNodeValue()).matches("#[a-z-]+\\d*|report\\.css");
                }
            }
        }
        // The hostile text is shown as text: in the findings, in the tree, in the config warnings.
        assertThat(text(doc, "//section[@id='findings']")).contains("<script>alert(1)</script>");
        assertThat(text(doc, "//section[@id='organization']")).contains(ReportFixtures.HOSTILE_OU);
        assertThat(text(doc, "//section[@id='config-warnings']")).contains("onerror=alert(2)");
        assertThat(html).doesNotContain("\u0001");
    }

    @Test
    void verdictComesFirstAndEveryFailedCheckIsListedWithItsStatusWord() throws Exception {
        EngineResult result = ReportFixtures.verifyWithDrift();
        Document doc = parse(HtmlReport.render(result, "t"));

        Element first = (Element) xpath(doc, "/html/body/*[1]").item(0);
        assertThat(first.getTagName()).isEqualTo("header");
        assertThat(text(doc, "/html/body/header/p[@class='verdict-word']")).isEqualTo("FAIL");
        assertThat(text(doc, "/html/head/title")).isEqualTo("claude-baseline verify: FAIL");
        String findings = text(doc, "//section[@id='findings']");
        for (CheckResult c : result.checks()) {
            if (c.status() != io.claudebaseline.verify.CheckStatus.PASS) {
                assertThat(findings).contains(c.message().replace('\u0001', '\uFFFD'));
            }
        }
        // Findings: FAIL before WARN, each with its status as a word.
        NodeList badges = xpath(doc, "//ol[@class='findings']/li/span[1]");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < badges.getLength(); i++) {
            words.add(badges.item(i).getTextContent());
        }
        assertThat(words).containsExactly("FAIL", "FAIL", "FAIL", "FAIL", "WARN");
        // Controls with a failure are open, and the failing checks' evidence is open too.
        assertThat(xpath(doc, "//details[@class='control'][@open]").getLength()).isGreaterThanOrEqualTo(3);
        assertThat(text(doc, "//tbody/tr[td[1]/a='protect-workspaces']/td[2]")).isEqualTo("FAIL");
    }

    @Test
    void driftShowsTheLiveStatementNextToTheBaselineOnePrettyPrinted() throws Exception {
        Document doc = parse(HtmlReport.render(ReportFixtures.verifyWithDrift(), "t"));

        String before = text(doc, "//section[@id='drift']//div[@class='before']/pre");
        String after = text(doc, "//section[@id='drift']//div[@class='after']/pre");
        assertThat(before).contains("\"Action\" : \"aws-external-anthropic:Nothing\"").contains("\n");
        assertThat(after).contains("\"Action\" : \"aws-external-anthropic:*\"");
        assertThat(text(doc, "//section[@id='drift']//div[@class='before']/p[@class='side-label']")).startsWith("Live now");
    }

    @Test
    void uncoveredAccountsAreInTheAlertAndTheirPathIsOpenWhileCoveredSubtreesAreClosed() throws Exception {
        Document doc = parse(HtmlReport.render(ReportFixtures.verifyWithDrift(), "t"));

        assertThat(text(doc, "//div[@class='alert']/h3")).startsWith("NOT COVERED: 1 account");
        assertThat(text(doc, "//div[@class='alert']//tr[@class='uncovered']/td[1]")).isEqualTo("555566667777");
        // The uncovered OU is open; the covered Workloads subtree is collapsed.
        Element uncoveredOu = (Element) xpath(doc, "//li[details/summary/span[@class='id']='ou-ab12-22222222']/details").item(0);
        assertThat(uncoveredOu.getAttribute("open")).isEqualTo("open");
        Element workloads = (Element) xpath(doc, "//li[details/summary/span[@class='id']='ou-ab12-11111111']/details").item(0);
        assertThat(workloads.hasAttribute("open")).isFalse();
        assertThat(text(doc, "//li[details/summary/span[@class='id']='ou-ab12-11111111']/details/summary"))
                .contains("COVERED").contains("2 accounts");
        // The root lacks the SCP itself, and the management account says SCPs never apply there.
        assertThat(text(doc, "//ul[@class='tree']/li[1]/details/summary")).contains("NOT COVERED").contains("missing claude-baseline-1");
        assertThat(text(doc, "//li[contains(@class,'management')]")).contains("MANAGEMENT ACCOUNT");
    }

    @Test
    void largeOrganisationsStayReadable() throws Exception {
        String html = HtmlReport.render(ReportFixtures.largeOrganisation(5000, 300), "t");
        Document doc = parse(html);

        assertThat(xpath(doc, "//div[@class='alert']//tr[@class='uncovered']").getLength()).isEqualTo(HtmlValues.MAX_ROWS);
        assertThat(text(doc, "//div[@class='alert']/p[@class='note']")).isEqualTo("Showing 200 of 300; report.json lists all 300.");
        Element covered = (Element) xpath(doc, "//li[details/summary/span[@class='id']='ou-big-covered']/details").item(0);
        assertThat(covered.hasAttribute("open")).isFalse();
        assertThat(xpath(doc, "//li[details/summary/span[@class='id']='ou-big-covered']//li[contains(@class,'account')]").getLength())
                .isEqualTo(HtmlOrgTree.COVERED_PER_NODE);
        assertThat(text(doc, "//li[details/summary/span[@class='id']='ou-big-covered']/details/p[@class='note']"))
                .isEqualTo("… and 4980 more covered accounts here; report.json lists all.");
        assertThat(text(doc, "//li[details/summary/span[@class='id']='ou-big-covered']/details/summary")).contains("5000 accounts");
        assertThat(html.length()).isLessThan(400_000);
    }

    @Test
    void anyActionsDetailsRenderGenericallyWithBeforeAndAfter() throws Exception {
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("type", "put-event-selectors");
        change.put("trailName", "org-trail");
        change.put("before", List.of(Map.of("Name", "old")));
        change.put("after", List.of(Map.of("Name", "new <b>")));
        EngineResult plan = new EngineResult(Action.PLAN, false, 1, List.of(), List.of(), List.of(), null, "1 change",
                Map.of("plan", Map.of("changes", List.of(change)), "window", Map.of("days", 7)));
        Document doc = parse(HtmlReport.render(plan, "t"));

        assertThat(text(doc, "/html/body/header/p[@class='verdict-word']")).isEqualTo("DRIFT");
        assertThat(text(doc, "//section[@id='details']//div[@class='before']")).contains("\"Name\" : \"old\"");
        assertThat(text(doc, "//section[@id='details']//div[@class='after']")).contains("\"Name\" : \"new <b>\"");
        assertThat(text(doc, "//section[@id='details']")).contains("window").contains("days");
        assertThat(text(doc, "//section[@id='findings']")).isEqualTo("Key findingsNo checks ran for this action.");
    }

    @Test
    void scenariosAreGroupedByControlWithFailuresOutsideTheCollapsedPasses() throws Exception {
        Document doc = parse(HtmlReport.render(ReportFixtures.verifyWithDrift(), "t"));

        assertThat(text(doc, "//section[@id='scenarios']/h3[1]")).isEqualTo("protect-workspaces");
        assertThat(text(doc, "//section[@id='scenarios']/h3[2]")).isEqualTo("deny-long-term-key-use");
        assertThat(text(doc, "//section[@id='scenarios']/div[@class='scroll']//td[3]")).startsWith("NOT as expected");
        assertThat(text(doc, "//section[@id='scenarios']/details/summary")).isEqualTo("1 scenario PASS");
        // Scenario checks are not repeated among the control's own checks.
        assertThat(text(doc, "//section[@id='controls']")).doesNotContain("unlisted:aws-external-anthropic:CreateInference");
    }
}
