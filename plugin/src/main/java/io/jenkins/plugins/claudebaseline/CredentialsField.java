package io.jenkins.plugins.claudebaseline;

/**
 * The decisions behind the credential drop-downs and their form checks, following the credentials plugin's consumer
 * guide, as plain code (the Jenkins calls that feed them are in {@link ClaudeBaselineStep.DescriptorImpl}).
 */
final class CredentialsField {

    private CredentialsField() {
    }

    /**
     * Whether the user may see the credentials list: on a job, with Item/ExtendedRead or Credentials/UseItem; outside
     * any job, only an administrator. Everyone else gets just the current value back, so the list reveals nothing
     * (and asks no external credentials store) to people who could not choose from it anyway.
     */
    static boolean mayList(boolean noItem, boolean administer, boolean extendedRead, boolean useItem) {
        return noItem ? administer : extendedRead || useItem;
    }

    /** The outcome of a form check. */
    enum Verdict { OK, WARNING, ERROR }

    /** A form check's verdict and message (null for a plain OK). */
    record Check(Verdict verdict, String message) {
        static final Check OK = new Check(Verdict.OK, null);
    }

    /**
     * @param field        the parameter, for the message
     * @param value        the id typed or chosen
     * @param ofKind       a credential of the expected kind with that id is visible to the job
     * @param ofAnyKind    a credential of any kind with that id is visible to the job
     * @param expectedKind the kind's name as Jenkins shows it, e.g. {@code AWS Credentials}
     */
    static Check check(String field, String value, boolean ofKind, boolean ofAnyKind, String expectedKind) {
        if (value == null || value.isBlank()) {
            return Check.OK;
        }
        if (value.startsWith("${") && value.endsWith("}")) {
            return new Check(Verdict.WARNING, field + " is an expression: it is resolved when the build runs and cannot be checked here");
        }
        if (ofKind) {
            return Check.OK;
        }
        if (ofAnyKind) {
            return new Check(Verdict.ERROR, "'" + value + "' is a credential of another kind: " + field + " needs an '"
                    + expectedKind + "' credential");
        }
        return new Check(Verdict.ERROR, "no credential '" + value + "' is visible to this job: add an '" + expectedKind
                + "' credential with that ID (Manage Jenkins » Credentials, or the folder's credentials)");
    }
}
