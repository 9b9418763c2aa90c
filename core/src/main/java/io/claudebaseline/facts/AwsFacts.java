package io.claudebaseline.facts;

/**
 * Every AWS fact the baseline depends on, in one place, each with the page it comes from.
 *
 * <p>When AWS changes one of these (SCP limits changed on 15 May 2026), this is the one edit. Values that
 * AWS has changed before are also overridable from the config ({@code limits:}), so users need not wait for
 * a release. Sources are the public AWS documentation pages named beside each constant.
 */
public final class AwsFacts {
    private AwsFacts() {}

    /** IAM service prefix of Claude Platform on AWS (docs.aws.amazon.com/claude-platform/latest/userguide/iam-actions.html). */
    public static final String SERVICE_PREFIX = "aws-external-anthropic";

    /**
     * Service name used for long-term API keys, i.e. IAM service-specific credentials
     * (IAM user guide, id_credentials_api_keys_for_aws_services.html).
     */
    public static final String SERVICE_NAME = "aws-external-anthropic.amazonaws.com";

    /** CloudTrail resource type for Claude Platform data events (claude-platform userguide, monitoring.html). */
    public static final String WORKSPACE_RESOURCE_TYPE = "AWS::AWSExternalAnthropic::Workspace";

    /** Workspace ARN: arn:aws:aws-external-anthropic:{region}:{account}:workspace/{id} (iam-actions.html). */
    public static final String WORKSPACE_ARN_FORMAT = "arn:%s:" + SERVICE_PREFIX + ":%s:%s:workspace/%s";

    /** Condition key on CallWithBearerToken (mirrors Bedrock's documented key; UNCONFIRMED for this service). */
    public static final String BEARER_TOKEN_TYPE_KEY = SERVICE_PREFIX + ":BearerTokenType";
    public static final String BEARER_TOKEN_LONG_TERM = "LONG_TERM";
    public static final String BEARER_TOKEN_SHORT_TERM = "SHORT_TERM";

    /** Condition key naming the service of a service-specific credential (IAM condition keys reference). */
    public static final String SSC_SERVICE_NAME_KEY = "iam:ServiceSpecificCredentialServiceName";

    /**
     * Name pattern of the IAM user the console creates behind a long-term key. Third-party reports only; the
     * suffix length is UNCONFIRMED, so the default matches any suffix.
     */
    public static final String DEFAULT_SHADOW_USER_PATTERN = "AeaApiKey-*";

    /** Maximum SCP size in characters since 15 May 2026 (orgs_reference_limits.html); 5,120 before and in some partitions. */
    public static final int DEFAULT_SCP_MAX_CHARACTERS = 10_240;
    public static final int LEGACY_SCP_MAX_CHARACTERS = 5_120;

    /** SCPs directly attached per root/OU/account, FullAWSAccess included, since 15 May 2026 (5 before). */
    public static final int DEFAULT_SCP_MAX_PER_TARGET = 10;
    public static final int LEGACY_SCP_MAX_PER_TARGET = 5;

    /** Values across all advanced event selector conditions of one trail (WhatIsCloudTrail-Limits.html). */
    public static final int CLOUDTRAIL_MAX_SELECTOR_VALUES = 500;

    /** SCP document version (orgs_manage_policies_scps_syntax.html). */
    public static final String POLICY_VERSION = "2012-10-17";

    /** AWS's managed SCP that allows everything; it occupies one attachment slot (orgs_manage_policies_scps.html). */
    public static final String FULL_AWS_ACCESS_POLICY_ID = "p-FullAWSAccess";

    /** Organizations is a global service served from us-east-1 in the commercial partition. */
    public static final String ORGANIZATIONS_HOME_REGION = "us-east-1";

    /** Tag that marks an SCP as made by this tool; with the name prefix it decides ownership. */
    public static final String OWNERSHIP_TAG_KEY = "managed-by";
    public static final String OWNERSHIP_TAG_VALUE = "claude-baseline";

    /** Actions that take no resource: a workspace ARN in Resource never matches them (iam-actions.html). */
    public static final java.util.List<String> RESOURCELESS_ACTIONS = java.util.List.of(
            "CreateWorkspace", "ListWorkspaces", "CallWithBearerToken", "AssumeConsole", "GetAccountStatus");

    /** Builds a workspace ARN; region and account may be '*' (wildcards are legal in SCP Resource elements). */
    public static String workspaceArn(String partition, String region, String account, String workspaceId) {
        return String.format(WORKSPACE_ARN_FORMAT, partition, region, account, workspaceId);
    }
}
