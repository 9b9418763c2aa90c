package io.claudebaseline.engine.api;

/**
 * Where the engine reports what it is doing, one line at a time (the CLI prints to stderr, the Jenkins step to
 * the build log). Never handed a secret.
 */
@FunctionalInterface
public interface Progress {
    void line(String message);

    Progress SILENT = message -> { };
}
