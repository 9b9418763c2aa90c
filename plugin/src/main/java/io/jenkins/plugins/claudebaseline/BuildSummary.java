package io.jenkins.plugins.claudebaseline;

import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import io.claudebaseline.verify.CheckStatus;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the build page shows for one {@code claudeBaseline} call: the verdict, the status of each control, the count
 * of checks per status and where the HTML report is. Made on the node from the engine's result, plain values only: it
 * travels back over the channel and is saved in the build's {@code build.xml} (a class with getters rather than a
 * record, because build records are read back by XStream, which sets fields reflectively, and views use getters).
 */
public final class BuildSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The file the reports module writes beside report.json; linked from the build page once archived. */
    static final String HTML_REPORT = "report.html";

    /** Worst first: a control shows the worst status among its checks. Statuses not listed rank after these. */
    private static final List<String> SEVERITY = List.of("FAIL", "WARN", "EXCEPTED", "PASS");

    private final String action;
    private final boolean compliant;
    private final int changes;
    private final String headline;
    private final LinkedHashMap<String, String> controls;
    private final LinkedHashMap<String, Integer> counts;
    private final String reportDir;
    private final String htmlReport;

    /**
     * @param action     the action that ran
     * @param compliant  the engine's verdict
     * @param changes    plan/apply: changes pending or made
     * @param headline   the first line of the engine's summary
     * @param controls   control id → its worst check status, in report order
     * @param counts     check status → number of checks, every status listed (zeros included)
     * @param reportDir  the report directory as a workspace path, or null
     * @param htmlReport the workspace path of {@code report.html}, when the engine wrote one
     */
    BuildSummary(String action, boolean compliant, int changes, String headline, LinkedHashMap<String, String> controls,
                 LinkedHashMap<String, Integer> counts, String reportDir, String htmlReport) {
        this.action = action;
        this.compliant = compliant;
        this.changes = changes;
        this.headline = headline;
        this.controls = controls;
        this.counts = counts;
        this.reportDir = reportDir;
        this.htmlReport = htmlReport;
    }

    public String getAction() {
        return action;
    }

    public boolean isCompliant() {
        return compliant;
    }

    public int getChanges() {
        return changes;
    }

    public String getHeadline() {
        return headline;
    }

    /** Control id → worst status of its checks. */
    public Map<String, String> getControls() {
        return java.util.Collections.unmodifiableMap(controls);
    }

    /** Status → number of checks. */
    public Map<String, Integer> getCounts() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    public String getReportDir() {
        return reportDir;
    }

    /** Workspace path of report.html, or null. */
    public String getHtmlReport() {
        return htmlReport;
    }

    /** PASS when compliant, else DRIFT (verify/simulate/plan found something), as the build page shows it. */
    public String getVerdict() {
        return compliant ? "PASS" : "DRIFT";
    }

    static BuildSummary of(EngineResult result, WorkspaceFiles files, StepParameters params) {
        LinkedHashMap<String, String> controls = new LinkedHashMap<>();
        LinkedHashMap<String, Integer> counts = new LinkedHashMap<>();
        for (CheckStatus s : CheckStatus.values()) {
            counts.put(s.name(), 0);
        }
        for (CheckResult c : result.checks()) {
            String status = c.status().name();
            counts.merge(status, 1, Integer::sum);
            controls.merge(c.control(), status, BuildSummary::worse);
        }
        String reportDir = result.reportDir() == null ? null : files.workspacePath(result.reportDir());
        String html = result.reportDir() != null && Files.isRegularFile(files.root().resolve(reportDir).resolve(HTML_REPORT))
                ? reportDir + "/" + HTML_REPORT : null;
        return new BuildSummary(result.action().id(), result.compliant(), result.changes(),
                firstLine(files.workspaceText(result.summary())), controls, counts, reportDir, html);
    }

    /** Drift: the run completed but found the organisation (or the rendered SCPs) out of line, or changes pending. */
    public boolean isDrift() {
        return !compliant;
    }

    /** The counts that are not zero, for a short line such as "12 PASS, 1 FAIL". */
    public List<Map.Entry<String, Integer>> getNonZeroCounts() {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        counts.forEach((k, v) -> {
            if (v > 0) {
                out.add(Map.entry(k, v));
            }
        });
        return out;
    }

    static String worse(String a, String b) {
        return rank(a) <= rank(b) ? a : b;
    }

    private static int rank(String status) {
        int i = SEVERITY.indexOf(status);
        return i < 0 ? SEVERITY.size() : i;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
