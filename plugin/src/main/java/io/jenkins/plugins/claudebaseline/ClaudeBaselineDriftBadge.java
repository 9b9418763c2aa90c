package io.jenkins.plugins.claudebaseline;

import hudson.model.BuildBadgeAction;

/** The badge beside a build in the build history when a {@code claudeBaseline} call in it found drift. */
public final class ClaudeBaselineDriftBadge implements BuildBadgeAction {

    public String getText() {
        return "Claude baseline drift";
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return getText();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
