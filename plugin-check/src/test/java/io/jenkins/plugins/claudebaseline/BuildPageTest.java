package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.verify.CheckResult;
import io.jenkins.plugins.claudebaseline.Fakes.FakeContext;
import io.jenkins.plugins.claudebaseline.Fakes.FakeRun;
import io.jenkins.plugins.claudebaseline.Fakes.RecordingEngine;
import io.jenkins.plugins.claudebaseline.Fakes.RecordingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build page: one entry per claudeBaseline call, the drift badge, the archived report link, safe views. */
class BuildPageTest {

    @TempDir
    Path workspace;
    @TempDir
    Path buildDir;

    FakeRun run;

    Fakes.FakeContext context() {
        run = run == null ? new FakeRun(buildDir.toFile()) : run;
        return new FakeContext().with(TaskListener.class, new RecordingListener()).with(Run.class, run)
                .with(EnvVars.class, AwsEnvironmentTest.buildEnv()).with(FilePath.class, Fakes.onAgent(workspace));
    }

    static EngineResult verify(io.claudebaseline.engine.api.EngineRequest request, boolean compliant, boolean html) throws Exception {
        Files.createDirectories(request.reportDir());
        List<Path> files = new ArrayList<>();
        if (html) {
            Files.writeString(request.reportDir().resolve("report.html"), "<html></html>");
            files.add(Path.of("report.html"));
        }
        List<CheckResult> checks = new ArrayList<>(List.of(
                CheckResult.pass("protect-workspaces", "scp-exists:a", "Exists."),
                CheckResult.pass("deny-long-term-key-use", "scp-exists:b", "Exists.")));
        if (!compliant) {
            checks.add(CheckResult.fail("protect-workspaces", "scp-attached:a:r-ab12", "Not attached."));
        }
        return new EngineResult(Action.VERIFY, compliant, 0, checks, List.of(), files, request.reportDir(),
                compliant ? "Compliant." : "Not compliant: 1 of 3 checks failed.");
    }

    Object runStep(String onDrift, RecordingEngine engine) throws Exception {
        ClaudeBaselineStep s = new ClaudeBaselineStep();
        s.setOnDrift(onDrift);
        s.setReportDir("reports");
        return new ClaudeBaselineExecution(s, context(), Fakes.factoryFor(engine), new ClaudeBaselineExecution.CredentialsLookup() {
            @Override
            public software.amazon.awssdk.auth.credentials.AwsCredentialsProvider aws(String id, Run<?, ?> r) {
                return null;
            }

            @Override
            public String secretText(String id, Run<?, ?> r) {
                return null;
            }
        }, java.util.Map.of()).run();
    }

    @Test
    void everyCallAddsOneEntryAndDriftAddsTheBadgeOnce() throws Exception {
        Files.writeString(workspace.resolve("claude-baseline.yaml"), "version: 1\n");
        runStep("ignore", new RecordingEngine((r, p) -> verify(r, true, true)));
        assertThat(run.getAction(ClaudeBaselineDriftBadge.class)).isNull();
        runStep("ignore", new RecordingEngine((r, p) -> verify(r, false, false)));
        runStep("ignore", new RecordingEngine((r, p) -> verify(r, false, false)));

        ClaudeBaselineAction action = run.getAction(ClaudeBaselineAction.class);
        assertThat(action.getRun()).isSameAs(run);
        assertThat(action.getEntries()).extracting(BuildSummary::getVerdict).containsExactly("PASS", "DRIFT", "DRIFT");
        BuildSummary drift = action.getEntries().get(1);
        assertThat(drift.getControls()).containsExactly(java.util.Map.entry("protect-workspaces", "FAIL"),
                java.util.Map.entry("deny-long-term-key-use", "PASS"));
        assertThat(drift.getCounts()).containsEntry("PASS", 2).containsEntry("FAIL", 1).containsEntry("WARN", 0);
        assertThat(drift.getNonZeroCounts()).extracting(java.util.Map.Entry::getKey).containsExactly("PASS", "FAIL");
        assertThat(drift.getHeadline()).isEqualTo("Not compliant: 1 of 3 checks failed.");
        assertThat(run.getAction(ClaudeBaselineDriftBadge.class)).isNotNull();
        assertThat(action.getProjectActions()).singleElement().isInstanceOf(ClaudeBaselineProjectAction.class);
        assertThat(action.getUrlName()).as("no URL: nothing to dispatch to").isNull();
    }

    @Test
    void theHtmlReportIsLinkedOnlyOnceArchived() throws Exception {
        Files.writeString(workspace.resolve("claude-baseline.yaml"), "version: 1\n");
        runStep(null, new RecordingEngine((r, p) -> verify(r, true, true)));
        ClaudeBaselineAction action = run.getAction(ClaudeBaselineAction.class);
        BuildSummary entry = action.getEntries().get(0);
        assertThat(entry.getHtmlReport()).isEqualTo("reports/report.html");
        assertThat(action.archivedReport(entry)).isNull();
        Files.createDirectories(buildDir.resolve("archive/reports"));
        Files.writeString(buildDir.resolve("archive/reports/report.html"), "<html></html>");
        assertThat(action.archivedReport(entry)).isEqualTo("artifact/reports/report.html");
    }

    @Test
    void theSummaryTravelsAndIsSavedAsPlainValues() throws Exception {
        Files.writeString(workspace.resolve("claude-baseline.yaml"), "version: 1\n");
        runStep("ignore", new RecordingEngine((r, p) -> verify(r, false, false)));
        BuildSummary entry = run.getAction(ClaudeBaselineAction.class).getEntries().get(0);
        try (var out = new java.io.ObjectOutputStream(new java.io.ByteArrayOutputStream())) {
            out.writeObject(entry);
        }
        assertThat(entry.getHtmlReport()).isNull();
    }

    @Test
    void everyViewEscapesByDefaultAndHasNoScript() throws Exception {
        Path views = Path.of(System.getProperty("claudebaseline.pluginResources"));
        List<Path> jelly;
        try (Stream<Path> walk = Files.walk(views)) {
            jelly = walk.filter(p -> p.toString().endsWith(".jelly")).toList();
        }
        assertThat(jelly).extracting(p -> p.getFileName().toString()).contains("summary.jelly", "badge.jelly", "jobMain.jelly", "config.jelly");
        for (Path p : jelly) {
            String text = Files.readString(p);
            assertThat(text).as(p.toString()).startsWith("<?jelly escape-by-default='true'?>");
            assertThat(text.toLowerCase(java.util.Locale.ROOT)).as(p.toString()).doesNotContain("<script", "onclick=", "javascript:", "<st:script");
        }
    }
}
