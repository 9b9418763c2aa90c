package io.claudebaseline.aws;

import io.claudebaseline.secrets.Redactor;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Credentials whose secret parts join the run's {@link Redactor} when they are resolved, whatever provided them
 * (environment, profile, Jenkins credentials, an assumed role, the default chain), so no output of the run can
 * show them. It never logs or returns them anywhere else.
 */
final class RecordingCredentials implements AwsCredentialsProvider {
    private final AwsCredentialsProvider delegate;
    private final Redactor secrets;
    private volatile AwsCredentials lastRecorded;

    RecordingCredentials(AwsCredentialsProvider delegate, Redactor secrets) {
        this.delegate = delegate;
        this.secrets = secrets;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials credentials = delegate.resolveCredentials();
        if (credentials != lastRecorded) {
            secrets.add(credentials.secretAccessKey());
            if (credentials instanceof AwsSessionCredentials session) {
                secrets.add(session.sessionToken());
            }
            lastRecorded = credentials;
        }
        return credentials;
    }

    @Override
    public String toString() {
        return "RecordingCredentials(" + delegate.getClass().getSimpleName() + ")";
    }
}
