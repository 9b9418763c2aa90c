package io.claudebaseline.testing;

import org.opentest4j.TestAbortedException;

/**
 * What a test does when a tool it needs (moto under python3, Node with tools/hcl) is not installed: it FAILS, naming
 * the tool and how to install it — unless the build explicitly asks to skip such tests with
 * {@code -Dcb.missingTools=skip} (the root pom sets it when the environment variable
 * {@code CLAUDE_BASELINE_MISSING_TOOLS=skip} is present, as the root {@code Jenkinsfile} does for ci.jenkins.io, whose
 * agents may lack Python or Node). {@code .ci/run} never sets it: there every test runs or CI fails.
 */
public final class MissingTool {

    /** System property: {@code skip} turns a missing tool into a skipped test (with the reason); anything else fails. */
    public static final String PROPERTY = "cb.missingTools";

    private MissingTool() {
    }

    /** Whether the build asked to skip tests whose tools are missing. */
    public static boolean skipping() {
        return "skip".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim());
    }

    /**
     * The exception to throw for a missing tool: a {@link TestAbortedException} (JUnit reports the test as skipped,
     * with this message) when skipping was asked for, else an {@link IllegalStateException} that fails the test.
     *
     * @param tool    the tool, e.g. {@code moto (python3 with moto 5.2.1)}
     * @param message what is missing and how to install it
     */
    public static RuntimeException missing(String tool, String message, Throwable cause) {
        if (skipping()) {
            return new TestAbortedException("skipped: " + tool + " is missing (" + message + "); -D" + PROPERTY + "=skip is set", cause);
        }
        return new IllegalStateException(message, cause);
    }
}
