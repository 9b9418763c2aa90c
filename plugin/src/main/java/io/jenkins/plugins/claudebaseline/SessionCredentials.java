package io.jenkins.plugins.claudebaseline;

import java.io.Serializable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The values of a Jenkins AWS credential, resolved on the controller for one run and handed to the node that runs the
 * engine, as {@code withAWS} hands them to {@code sh} steps. A credential with its own IAM role is resolved into the
 * role's session credentials first, so only temporary values travel then. {@link #toString()} never shows a value.
 *
 * @param accessKeyId     access key id
 * @param secretAccessKey secret access key
 * @param sessionToken    session token, or null for long-term keys
 */
public record SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the resolved values (the provider is not serialisable, and must not be: it may hold the STS client). */
    public static SessionCredentials of(AwsCredentials resolved) {
        String token = resolved instanceof AwsSessionCredentials s ? s.sessionToken() : null;
        return new SessionCredentials(resolved.accessKeyId(), resolved.secretAccessKey(), token);
    }

    /** The values as an SDK provider, built on the node. */
    public AwsCredentialsProvider provider() {
        return StaticCredentialsProvider.create(sessionToken == null
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
    }

    /** Whether these are temporary (session) credentials. */
    public boolean temporary() {
        return sessionToken != null;
    }

    @Override
    public String toString() {
        return "SessionCredentials[" + (temporary() ? "temporary" : "long-term") + ", values hidden]";
    }
}
