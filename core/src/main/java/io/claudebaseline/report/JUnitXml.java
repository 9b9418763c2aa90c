package io.claudebaseline.report;

import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: one test suite per control, one test case per check, so Jenkins' {@code junit} step shows a
 * drift as a failed test with its message. A FAIL is a {@code <failure>}; a WARN passes but says so in
 * {@code <system-out>} (JUnit has no "warning" outcome, and a skipped test would hide it).
 *
 * <p>Times are measured, never made up. A check that was timed on its own (a simulated scenario: its evaluation)
 * has its {@code time}, and a suite of such checks their sum. Verify's other checks are comparisons that all rest
 * on one read of the organisation, so they have no separable duration: their test cases carry no {@code time}
 * (readers take 0) and the whole run's time, config to reports, is on {@code <testsuites>}.
 */
final class JUnitXml {
    private JUnitXml() {}

    /** The document as a string (tests; the reports are written with {@link #write}). */
    static String render(EngineResult result, java.time.Duration elapsed) throws XMLStreamException {
        StringWriter sw = new StringWriter();
        try {
            write(result, elapsed, sw);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return sw.toString();
    }

    /**
     * Writes the document and a final newline to {@code out} (not closed). Streamed into the file as it goes: a
     * simulate run has tens of thousands of test cases, and the whole document as one string was the largest
     * object of the run.
     */
    static void write(EngineResult result, java.time.Duration elapsed, java.io.Writer out) throws XMLStreamException, java.io.IOException {
        Map<String, List<CheckResult>> byControl = new LinkedHashMap<>();
        for (CheckResult c : result.checks()) {
            byControl.computeIfAbsent(c.control(), k -> new java.util.ArrayList<>()).add(c);
        }
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "claude-baseline " + result.action().id());
        xml.writeAttribute("tests", Integer.toString(result.checks().size()));
        xml.writeAttribute("failures", Long.toString(result.count(CheckStatus.FAIL)));
        xml.writeAttribute("skipped", Long.toString(result.count(CheckStatus.EXCEPTED)));
        if (elapsed != null) {
            xml.writeAttribute("time", seconds(elapsed));
        }
        for (Map.Entry<String, List<CheckResult>> suite : byControl.entrySet()) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "claude-baseline." + clean(suite.getKey()));
            xml.writeAttribute("tests", Integer.toString(suite.getValue().size()));
            xml.writeAttribute("failures", Long.toString(suite.getValue().stream().filter(c -> c.status() == CheckStatus.FAIL).count()));
            xml.writeAttribute("errors", "0");
            // An EXCEPTED finding is a test skipped with the exception's reason: Jenkins shows it, the build stays green.
            xml.writeAttribute("skipped", Long.toString(suite.getValue().stream().filter(c -> c.status() == CheckStatus.EXCEPTED).count()));
            if (suite.getValue().stream().allMatch(c -> c.duration() != null)) {
                xml.writeAttribute("time", seconds(suite.getValue().stream().map(CheckResult::duration)
                        .reduce(java.time.Duration.ZERO, java.time.Duration::plus)));
            }
            for (CheckResult c : suite.getValue()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "claude-baseline." + clean(c.control()));
                xml.writeAttribute("name", clean(c.check()));
                if (c.duration() != null) {
                    xml.writeAttribute("time", seconds(c.duration()));
                }
                String message = c.message(); // once: a deferred check builds it on every call
                if (c.status() == CheckStatus.FAIL) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", clean(message));
                    xml.writeAttribute("type", "drift");
                    xml.writeCharacters(clean(message + evidenceText(c)));
                    xml.writeEndElement();
                } else {
                    if (c.status() == CheckStatus.EXCEPTED) {
                        xml.writeStartElement("skipped");
                        xml.writeAttribute("message", clean(message));
                        xml.writeEndElement();
                    }
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(clean(c.status() + ": " + message + evidenceText(c)));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        // close() ends the writer's use of out but does not close out itself.
        xml.close();
        out.write('\n');
    }

    /**
     * A run that an error stopped before any check: one test case in error, carrying the error's message, so
     * Jenkins' {@code junit} step shows the failure instead of "no test reports found".
     */
    static String renderError(io.claudebaseline.engine.api.Action action, String message, java.time.Duration elapsed)
            throws XMLStreamException {
        StringWriter sw = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(sw);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "claude-baseline " + action.id());
        xml.writeAttribute("tests", "1");
        xml.writeAttribute("errors", "1");
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "claude-baseline.run");
        xml.writeAttribute("tests", "1");
        xml.writeAttribute("failures", "0");
        xml.writeAttribute("errors", "1");
        xml.writeAttribute("skipped", "0");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "claude-baseline.run");
        xml.writeAttribute("name", action.id());
        if (elapsed != null) {
            xml.writeAttribute("time", seconds(elapsed)); // the run until the error stopped it
        }
        xml.writeStartElement("error");
        xml.writeAttribute("message", clean(message));
        xml.writeAttribute("type", "error");
        xml.writeCharacters(clean(message));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return sw + "\n";
    }

    /** JUnit's unit: seconds, with the microseconds a fast check needs to be distinguishable from 0. */
    static String seconds(java.time.Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos() / 1000, 6).toPlainString();
    }

    /** True when every char is legal in XML 1.0 on its own (no surrogates: those take the code-point path). */
    private static boolean allLegal(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 ? c != 0x9 && c != 0xA && c != 0xD : c >= 0xD800 && (c <= 0xDFFF || c >= 0xFFFE)) {
                return false;
            }
        }
        return true;
    }

    private static String evidenceText(CheckResult c) {
        Map<String, Object> evidence = c.evidence(); // once: a deferred check builds it on every call
        if (evidence.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n\nEvidence:");
        evidence.forEach((k, v) -> sb.append("\n  ").append(k).append(": ").append(v));
        return sb.toString();
    }

    /** XML 1.0 cannot carry most control characters even escaped; drop them rather than write a broken file. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        if (allLegal(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            sb.appendCodePoint(legal ? cp : 0xFFFD);
        });
        return sb.toString();
    }
}
