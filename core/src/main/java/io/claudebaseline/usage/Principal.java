package io.claudebaseline.usage;

/**
 * A caller as {@code aws:PrincipalArn} sees it, i.e. what the allow-lists in the config are compared with.
 *
 * @param arn  the role ARN with its path (never the STS session ARN), the IAM user or root ARN, the federated-user
 *             ARN, or, for calls AWS services made themselves, the service's name
 * @param kind what kind of principal this is
 */
public record Principal(String arn, Kind kind) {
    public enum Kind {
        ROLE, USER,
        /** An IAM user named like the ones the console creates behind long-term API keys ({@code AeaApiKey-*}). */
        SHADOW_USER,
        ROOT, FEDERATED_USER, SERVICE, UNKNOWN
    }

    /** True for the principals behind long-term API keys. */
    public boolean isShadowUser() {
        return kind == Kind.SHADOW_USER;
    }
}
