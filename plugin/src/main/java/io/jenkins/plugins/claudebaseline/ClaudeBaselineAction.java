package io.jenkins.plugins.claudebaseline;

import hudson.model.Action;
import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;

/**
 * The build page's record of every {@code claudeBaseline} call in one build, one entry per call in the order they
 * finished (parallel branches included), as the junit plugin keeps one action per build and merges each call into it.
 * Shown by {@code summary.jelly} (verdict, per-control status, counts, link to the archived {@code report.html}); the
 * drift badge beside the build comes from {@link ClaudeBaselineDriftBadge}. No URL of its own: nothing to dispatch to.
 */
public final class ClaudeBaselineAction implements RunAction2, SimpleBuildStep.LastBuildAction {

    private final List<BuildSummary> entries = new ArrayList<>();
    private transient Run<?, ?> run;

    /** Adds {@code summary} to the run's action (creating it on the first call) and the badge on the first drift. */
    static void record(Run<?, ?> run, BuildSummary summary) {
        synchronized (run) {
            ClaudeBaselineAction action = run.getAction(ClaudeBaselineAction.class);
            if (action == null) {
                action = new ClaudeBaselineAction();
                run.addAction(action);
            }
            action.add(summary);
            if (summary.isDrift() && run.getAction(ClaudeBaselineDriftBadge.class) == null) {
                run.addAction(new ClaudeBaselineDriftBadge());
            }
        }
    }

    synchronized void add(BuildSummary summary) {
        entries.add(summary);
    }

    /** The calls, in the order they finished. */
    public synchronized List<BuildSummary> getEntries() {
        return List.copyOf(entries);
    }

    /**
     * The archived copy of the entry's {@code report.html}, relative to the build's URL, or null when the report was
     * not written or not archived ({@code archiveArtifacts}). Jenkins serves archived files under its
     * Content-Security-Policy, so the report's own markup cannot run scripts on the Jenkins page.
     */
    public String archivedReport(BuildSummary entry) {
        if (entry.getHtmlReport() == null || run == null) {
            return null;
        }
        try {
            return run.getArtifactManager().root().child(entry.getHtmlReport()).isFile() ? "artifact/" + entry.getHtmlReport() : null;
        } catch (IOException e) {
            return null; // the artifact store is unreachable: show the entry without the link
        }
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** The job page shows the last build's verdict. */
    @Override
    public Collection<? extends Action> getProjectActions() {
        return List.of(new ClaudeBaselineProjectAction(this));
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Claude Platform security baseline";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
