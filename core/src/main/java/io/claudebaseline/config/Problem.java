package io.claudebaseline.config;

/**
 * One thing wrong (ERROR) or probably unintended (WARNING) in a config, tied to the field it concerns.
 *
 * @param path    field path as the user wrote it, e.g. {@code workspaces[1].allowedPrincipals[0]}; empty for the whole file
 * @param message what is wrong and how to fix it, as one or two sentences
 */
public record Problem(Severity severity, String path, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String path, String message) {
        return new Problem(Severity.ERROR, path, message);
    }

    public static Problem warning(String path, String message) {
        return new Problem(Severity.WARNING, path, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String where = path == null || path.isEmpty() ? "" : path + ": ";
        return (isError() ? "error: " : "warning: ") + where + message;
    }
}
