package io.jenkins.plugins.claudebaseline;

import hudson.model.Action;

/** On the job page: the verdicts of the last build's {@code claudeBaseline} calls ({@code jobMain.jelly}). */
public final class ClaudeBaselineProjectAction implements Action {

    private final ClaudeBaselineAction last;

    ClaudeBaselineProjectAction(ClaudeBaselineAction last) {
        this.last = last;
    }

    public ClaudeBaselineAction getLast() {
        return last;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return last.getDisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
