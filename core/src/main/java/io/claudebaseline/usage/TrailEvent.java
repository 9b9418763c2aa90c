package io.claudebaseline.usage;

import java.time.Instant;
import java.util.List;

/**
 * The fields of one CloudTrail record that the usage analysis needs, and nothing else (no request or response
 * payloads, no access key ids, no session tokens).
 *
 * @param eventTime       when the call was made
 * @param eventSource     e.g. {@code aws-external-anthropic.amazonaws.com}
 * @param eventName       the API action, e.g. {@code CreateInference}
 * @param awsRegion       where the call was made
 * @param sourceIp        {@code sourceIPAddress}
 * @param userAgent       {@code userAgent}
 * @param errorCode       null when the call succeeded
 * @param errorMessage    null when the call succeeded
 * @param identity        who made the call, as CloudTrail recorded it
 * @param workspaceArns   the workspace ARNs in {@code resources[].ARN}; empty for resource-less actions
 * @param bearerTokenType {@code requestParameters.bearerTokenType} (LONG_TERM for a long-term API key), or null
 */
public record TrailEvent(
        Instant eventTime,
        String eventSource,
        String eventName,
        String awsRegion,
        String sourceIp,
        String userAgent,
        String errorCode,
        String errorMessage,
        Identity identity,
        List<String> workspaceArns,
        String bearerTokenType) {

    public TrailEvent {
        workspaceArns = workspaceArns == null ? List.of() : List.copyOf(workspaceArns);
        identity = identity == null ? Identity.UNKNOWN : identity;
    }

    /**
     * {@code userIdentity} as recorded.
     *
     * @param type       AssumedRole, IAMUser, Root, FederatedUser, AWSService, ...
     * @param arn        for a role session the STS ARN {@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION}
     * @param accountId  the account of the identity
     * @param userName   IAM user name (IAMUser)
     * @param issuerType {@code sessionContext.sessionIssuer.type} (Role), or null
     * @param issuerArn  {@code sessionContext.sessionIssuer.arn}: the role ARN with its path, or null
     * @param invokedBy  the AWS service that made the call on the caller's behalf, or null
     */
    public record Identity(String type, String arn, String accountId, String userName, String issuerType, String issuerArn,
                           String invokedBy) {
        public static final Identity UNKNOWN = new Identity(null, null, null, null, null, null, null);
    }
}
