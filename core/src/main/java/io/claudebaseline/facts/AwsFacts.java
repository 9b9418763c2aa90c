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

    /**
     * Workspace ARN: arn:aws:aws-external-anthropic:{region}:{account}:workspace/{id} (iam-actions.html; the Service
     * Authorization Reference gives arn:${Partition}:aws-external-anthropic:${Region}:${Account}:workspace/${ResourceId}).
     */
    public static final String WORKSPACE_ARN_FORMAT = "arn:%s:" + SERVICE_PREFIX + ":%s:%s:workspace/%s";

    /**
     * Condition key on CallWithBearerToken, of type String: confirmed by the Service Authorization Reference
     * ({@link ServiceReference}, data of 2026-09-26: "Filters access by the Short-term or Long-term bearer tokens").
     * The reference gives no values; LONG_TERM / SHORT_TERM mirror Bedrock's documented key (UNCONFIRMED for this
     * service).
     */
    public static final String BEARER_TOKEN_TYPE_KEY = SERVICE_PREFIX + ":BearerTokenType";
    public static final String BEARER_TOKEN_LONG_TERM = "LONG_TERM";
    public static final String BEARER_TOKEN_SHORT_TERM = "SHORT_TERM";

    /**
     * Condition key naming the service of a service-specific credential. The Service Authorization Reference
     * ({@link ServiceReference}) lists it on iam:CreateServiceSpecificCredential, ResetServiceSpecificCredential and
     * UpdateServiceSpecificCredential.
     */
    public static final String SSC_SERVICE_NAME_KEY = "iam:ServiceSpecificCredentialServiceName";

    /** Resource type of every workspace-scoped action (Service Authorization Reference, {@link ServiceReference}). */
    public static final String WORKSPACE_RESOURCE = "workspace";

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

    /**
     * Largest page Organizations serves for ListAccounts, ListAccountsForParent and
     * ListOrganizationalUnitsForParent (MaxResults 1-20, Organizations API reference); asking for it keeps a tree
     * walk to the fewest calls.
     */
    public static final int ORGANIZATIONS_MAX_PAGE_SIZE = 20;

    /** A throttling limit: sustained requests per second and burst, per calling account. */
    public record ApiRate(double perSecond, int burst) {}

    /**
     * AWS Organizations throttling per operation and account (Organizations user guide, orgs_reference_limits.html,
     * "Throttling limits for Organizations"). The client-side limiter keeps every run under these, so a large
     * organisation never needs to be rescued by TooManyRequestsException retries.
     */
    public static final java.util.Map<String, ApiRate> ORGANIZATIONS_RATES = java.util.Map.ofEntries(
            java.util.Map.entry("CreatePolicy", new ApiRate(2, 3)),
            java.util.Map.entry("DeletePolicy", new ApiRate(2, 3)),
            java.util.Map.entry("AttachPolicy", new ApiRate(2, 3)),
            java.util.Map.entry("DetachPolicy", new ApiRate(2, 3)),
            java.util.Map.entry("UpdatePolicy", new ApiRate(2, 3)),
            java.util.Map.entry("DescribePolicy", new ApiRate(2, 2)),
            java.util.Map.entry("ListPolicies", new ApiRate(5, 8)),
            java.util.Map.entry("ListPoliciesForTarget", new ApiRate(5, 8)),
            java.util.Map.entry("ListTargetsForPolicy", new ApiRate(5, 8)),
            java.util.Map.entry("EnablePolicyType", new ApiRate(1, 1)));

    /** Organizations read operations (Describe*, List*) the page above does not list: UNCONFIRMED, assumed like ListPolicies. */
    public static final ApiRate ORGANIZATIONS_DEFAULT_READ_RATE = new ApiRate(5, 8);

    /** Organizations write operations the page above does not list: UNCONFIRMED, the most conservative documented rate. */
    public static final ApiRate ORGANIZATIONS_DEFAULT_WRITE_RATE = new ApiRate(1, 1);

    /** The documented rate of an Organizations operation, or the conservative default for unlisted ones. */
    public static ApiRate organizationsRate(String operation) {
        ApiRate listed = ORGANIZATIONS_RATES.get(operation);
        if (listed != null) {
            return listed;
        }
        return operation.startsWith("List") || operation.startsWith("Describe")
                ? ORGANIZATIONS_DEFAULT_READ_RATE : ORGANIZATIONS_DEFAULT_WRITE_RATE;
    }

    /**
     * The partition of a region: {@code aws-us-gov} for us-gov-*, {@code aws-cn} for cn-*, else {@code aws}
     * (AWS General Reference, "AWS partitions").
     */
    public static String partitionOf(String region) {
        if (region != null && region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region != null && region.startsWith("cn-")) {
            return "aws-cn";
        }
        return "aws";
    }

    /**
     * Region that serves Organizations in a partition (AWS General Reference, "AWS Organizations endpoints and
     * quotas"): us-east-1 in the commercial partition, us-gov-west-1 in GovCloud, cn-northwest-1 in China.
     */
    public static String organizationsHomeRegion(String anyRegionOfThePartition) {
        return switch (partitionOf(anyRegionOfThePartition)) {
            case "aws-us-gov" -> "us-gov-west-1";
            case "aws-cn" -> "cn-northwest-1";
            default -> ORGANIZATIONS_HOME_REGION;
        };
    }

    /** Region used when neither the request nor AWS_REGION / AWS_DEFAULT_REGION names one. */
    public static final String DEFAULT_REGION = "us-east-1";

    /** Session name of every role this tool assumes, so CloudTrail shows who made a change. */
    public static final String ROLE_SESSION_NAME = "claude-baseline";

    /** IAM action that creates a service-specific credential, i.e. a long-term API key (IAM API reference). */
    public static final String ACTION_CREATE_SERVICE_SPECIFIC_CREDENTIAL = "iam:CreateServiceSpecificCredential";

    /**
     * IAM actions that keep an existing service-specific credential alive: Reset gives it a new secret, Update sets
     * its status (Inactive → Active re-activates a revoked key; IAM has no condition key on the status, so denying
     * Update also denies deactivating). Both take {@link #SSC_SERVICE_NAME_KEY} (Service Authorization Reference,
     * iam, data of 2026-09-26).
     */
    public static final String ACTION_RESET_SERVICE_SPECIFIC_CREDENTIAL = "iam:ResetServiceSpecificCredential";
    public static final String ACTION_UPDATE_SERVICE_SPECIFIC_CREDENTIAL = "iam:UpdateServiceSpecificCredential";

    /** What the key-creation control denies: creating a long-term key, and resetting or re-activating one. */
    public static final java.util.List<String> KEY_LIFECYCLE_ACTIONS = java.util.List.of(
            ACTION_CREATE_SERVICE_SPECIFIC_CREDENTIAL, ACTION_RESET_SERVICE_SPECIFIC_CREDENTIAL, ACTION_UPDATE_SERVICE_SPECIFIC_CREDENTIAL);

    /**
     * Condition key on CreateServiceSpecificCredential: the days until the new credential expires (its
     * {@code CredentialAgeDays}); absent from the request when the credential never expires (Service Authorization
     * Reference, iam). {@code CredentialAgeDays} is documented for Bedrock API keys, 1–36600 days; that Claude keys
     * honour it is UNCONFIRMED.
     */
    public static final String SSC_AGE_DAYS_KEY = "iam:ServiceSpecificCredentialAgeDays";
    public static final int SSC_AGE_DAYS_MIN = 1;
    public static final int SSC_AGE_DAYS_MAX = 36_600;

    /**
     * Whether a Claude key was one that {@code denyLongTermKeyCreation.maxAgeDays} lets be created: it has an expiry at
     * most that many days after its creation (IAM sets ExpirationDate = CreateDate + CredentialAgeDays; a minute of
     * slack for the two timestamps being taken apart). A key that never expires never qualifies, nor does any key
     * when maxAgeDays is null (every new key is denied).
     */
    public static boolean keyWithinMaxAge(java.time.Instant created, java.time.Instant expires, Integer maxAgeDays) {
        if (maxAgeDays == null || expires == null || created == null) {
            return false;
        }
        return !expires.isAfter(created.plus(java.time.Duration.ofDays(maxAgeDays)).plusSeconds(60));
    }

    /**
     * Account-level administration actions of Claude Platform, none of which takes a resource (so a workspace deny
     * cannot reach them, and a deny needs {@code "Resource": "*"}): creating workspaces and registering, updating or
     * disabling the external encryption keys (Service Authorization Reference, aws-external-anthropic, 2026-09-26).
     */
    public static final java.util.List<String> PLATFORM_ADMIN_ACTIONS =
            java.util.List.of("CreateWorkspace", "RegisterKey", "UpdateKey", "DisableKey");

    /** Console sign-in to Claude Platform; resource-less, filtered by {@link #CONSOLE_CAPABILITY_KEY} (reference). */
    public static final String ACTION_ASSUME_CONSOLE = SERVICE_PREFIX + ":AssumeConsole";

    /**
     * String key on AssumeConsole: "the Claude Platform role used for the console session" (reference). Values
     * {@code developer} and {@code admin} (aws-facts; the reference lists no values).
     */
    public static final String CONSOLE_CAPABILITY_KEY = SERVICE_PREFIX + ":Capability";
    public static final String CONSOLE_CAPABILITY_ADMIN = "admin";
    public static final String CONSOLE_CAPABILITY_DEVELOPER = "developer";
    public static final java.util.List<String> CONSOLE_CAPABILITIES = java.util.List.of(CONSOLE_CAPABILITY_ADMIN, CONSOLE_CAPABILITY_DEVELOPER);

    /** Tagging actions of Claude Platform; their workspace resource is optional (reference). */
    public static final String ACTION_TAG_RESOURCE = SERVICE_PREFIX + ":TagResource";
    public static final String ACTION_UNTAG_RESOURCE = SERVICE_PREFIX + ":UntagResource";

    /**
     * Global condition keys: a resource's tag by key ({@code aws:ResourceTag/<key>}, single-valued; the key part
     * matches case-insensitively) and the tag keys a request sets or removes ({@code aws:TagKeys}, multivalued)
     * (IAM user guide, reference_policies_condition-keys.html).
     */
    public static final String RESOURCE_TAG_KEY_PREFIX = "aws:ResourceTag/";
    public static final String TAG_KEYS_KEY = "aws:TagKeys";

    /** IAM action that creates a user, such as the shadow user behind a console-made long-term key (IAM API reference). */
    public static final String ACTION_CREATE_USER = "iam:CreateUser";

    /** Action authorising every call made with a bearer token (API key); resource-less (iam-actions.html). */
    public static final String ACTION_CALL_WITH_BEARER_TOKEN = SERVICE_PREFIX + ":CallWithBearerToken";

    /**
     * Actions of the service, from the Service Authorization Reference ({@link ServiceReference}): those that take a
     * workspace (required or optional) are the ones the workspace deny can reach; the others take no resource
     * ({@code "Resource": "*"}) and need a control of their own.
     */
    public static java.util.List<ServiceReference.ActionInfo> workspaceActions() {
        return ServiceReference.bundled().actions(SERVICE_PREFIX).stream().filter(a -> a.takes(WORKSPACE_RESOURCE)).toList();
    }

    /** The actions of the service that take no workspace, so that no workspace deny can reach them (reference data). */
    public static java.util.List<ServiceReference.ActionInfo> actionsWithoutWorkspace() {
        return ServiceReference.bundled().actions(SERVICE_PREFIX).stream().filter(a -> !a.takes(WORKSPACE_RESOURCE)).toList();
    }

    /**
     * Another service that issues service-specific credentials (CodeCommit HTTPS Git credentials; IAM user guide,
     * id_credentials_ssh-keys.html): a blanket deny of CreateServiceSpecificCredential breaks it.
     */
    public static final String CODECOMMIT_SERVICE_NAME = "codecommit.amazonaws.com";

    // ---- Identifier formats and limits checked by ConfigValidator --------------------------------------------

    /** Workspace ids: {@code wrkspc_} + letters and digits (claude-platform userguide, workspaces.html). */
    public static final String WORKSPACE_ID_PATTERN = "wrkspc_[A-Za-z0-9]+";

    /** Organizations ids (Organizations API reference: AttachPolicy TargetId pattern). */
    public static final String ROOT_ID_PATTERN = "r-[0-9a-z]{4,32}";
    public static final String OU_ID_PATTERN = "ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}";
    public static final String ACCOUNT_ID_PATTERN = "\\d{12}";

    /** SCP names: 1-128 characters of {@code [\w+=,.@-]} (Organizations API reference, CreatePolicy Name). */
    public static final int SCP_NAME_MAX_LENGTH = 128;
    public static final String SCP_NAME_PATTERN = "[\\w+=,.@-]+";

    /** SCP descriptions: up to 512 characters (Organizations API reference, CreatePolicy Description). */
    public static final int SCP_DESCRIPTION_MAX_LENGTH = 512;

    /**
     * Tags on Organizations resources (Organizations API reference, Tag): key 1-128 and value 0-256 characters of
     * {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]}, the {@code aws:} prefix reserved for AWS, at most 50 tags per resource.
     */
    public static final int TAG_KEY_MAX_LENGTH = 128;
    public static final int TAG_VALUE_MAX_LENGTH = 256;
    public static final String TAG_RESERVED_PREFIX = "aws:";
    public static final String TAG_CHARACTERS_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    public static final int MAX_TAGS_PER_RESOURCE = 50;

    /** IAM user names: 1-64 characters of {@code [\w+=,.@-]} (IAM API reference, CreateUser UserName). */
    public static final int IAM_USER_NAME_MAX_LENGTH = 64;
    public static final String IAM_NAME_CHARACTERS = "[\\w+=,.@-]";

    /** Trail names: 3-128 characters, letters, digits, '.', '_' and '-', starting with a letter or digit (CreateTrail). */
    public static final String TRAIL_NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{2,127}";

    /** S3 bucket names (S3 user guide, bucketnamingrules.html), for a trail the Terraform module creates. */
    public static final String S3_BUCKET_PATTERN = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";

    /** Region names, e.g. us-east-1, eu-central-2, us-gov-west-1, ap-southeast-7. */
    public static final String REGION_PATTERN = "[a-z]{2}(-[a-z]+)+-\\d{1,2}";

    /** ARN partitions (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-eusc, ...). */
    public static final String PARTITION_PATTERN = "aws(-[a-z]+)*";

    // ---- Reading the trail back (usage) ---------------------------------------------------------------------

    /**
     * CloudTrail {@code eventSource} of every Claude Platform call, data and management alike. AWS's monitoring page
     * (claude-platform userguide, monitoring.html) names no example record; the value follows CloudTrail's
     * {@code <service>.amazonaws.com} convention and a published capture of a ListWorkspaces management event
     * (third-party test fixture of 2026-05-29) carries exactly this string. Change it here if AWS documents another.
     */
    public static final String CLAUDE_EVENT_SOURCE = "aws-external-anthropic.amazonaws.com";

    /**
     * Where an {@code errorMessage} says the request met an explicit deny in an SCP (IAM user guide,
     * troubleshoot_access-denied.html: "... with an explicit deny in a service control policy").
     */
    public static final String SCP_EXPLICIT_DENY_PHRASE = "explicit deny in a service control policy";

    /** {@code errorCode} values CloudTrail records for a refused request (CloudTrail record contents). */
    public static final java.util.Set<String> ACCESS_DENIED_ERROR_CODES = java.util.Set.of("AccessDenied", "AccessDeniedException");

    /**
     * {@code requestParameters.bearerTokenType} of a call made with an API key: LONG_TERM for a long-term key
     * (same published capture as {@link #CLAUDE_EVENT_SOURCE}; UNCONFIRMED by AWS).
     */
    public static final String BEARER_TOKEN_TYPE_PARAMETER = "bearerTokenType";

    /**
     * Path of the roles IAM Identity Center creates for permission sets: {@code /aws-reserved/sso.amazonaws.com/},
     * optionally followed by a region (IAM Identity Center user guide, referencingpermissionsets.html). A session
     * record without its sessionIssuer names only the role, so the path is put back from this.
     */
    public static final String SSO_ROLE_PATH = "/aws-reserved/sso.amazonaws.com/";
    public static final String SSO_ROLE_NAME_PREFIX = "AWSReservedSSO_";

    /**
     * Key layout of CloudTrail log files in S3 (CloudTrail user guide, get-and-view-cloudtrail-log-files.html /
     * cloudtrail-find-log-files.html): {@code [prefix/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/
     * ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz}, each file {@code {"Records": [...]}}.
     */
    public static final String CLOUDTRAIL_S3_ROOT = "AWSLogs/";
    public static final String CLOUDTRAIL_S3_SERVICE_DIR = "CloudTrail/";

    /**
     * A CloudWatch Logs filter pattern keeping only Claude Platform records (CloudWatch Logs user guide,
     * FilterAndPatternSyntax.html, "Using metric filters to match terms in JSON log events").
     */
    public static final String CLAUDE_LOGS_FILTER_PATTERN = "{ $.eventSource = \"" + CLAUDE_EVENT_SOURCE + "\" }";

    // ---- The trail's own history (usage: was the data selector in place during the window?) ----------------

    /**
     * CloudTrail event history: LookupEvents returns the management events of one region from the last 90 days,
     * whatever trails exist (CloudTrail API reference, API_LookupEvents.html, https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html;
     * user guide, view-cloudtrail-events.html). Older changes cannot be seen, so a window reaching further back is
     * partly unknown.
     */
    public static final int EVENT_HISTORY_DAYS = 90;

    /** LookupEvents: "Currently the list can contain only one item" (LookupAttributes), so one call per event name. */
    public static final int LOOKUP_EVENTS_MAX_ATTRIBUTES = 1;

    /** LookupEvents MaxResults: 1 to 50 (API_LookupEvents.html). */
    public static final int LOOKUP_EVENTS_MAX_RESULTS = 50;

    /**
     * LookupEvents is limited to two requests per second per account and region (API_LookupEvents.html); the SDK's
     * retry backs off on the ThrottlingException past that. Calls are made one after another.
     */
    public static final int LOOKUP_EVENTS_PER_SECOND = 2;

    /** {@code eventSource} of CloudTrail's own API calls. */
    public static final String CLOUDTRAIL_EVENT_SOURCE = "cloudtrail.amazonaws.com";

    /**
     * The calls that change whether a trail logs a workspace's data events: its selectors (PutEventSelectors), its
     * existence (CreateTrail, DeleteTrail), whether it logs at all (StartLogging, StopLogging; a trail created
     * through the API does not log until StartLogging, CreateTrail in the API reference), and UpdateTrail, which
     * can move delivery to another bucket or log group (the events before then are where it delivered then).
     */
    public static final java.util.List<String> TRAIL_CHANGE_EVENT_NAMES = java.util.List.of("PutEventSelectors", "CreateTrail",
            "DeleteTrail", "StartLogging", "StopLogging", "UpdateTrail");

    /**
     * Where a CloudTrail record of those calls names the trail: {@code requestParameters.trailName}
     * (PutEventSelectors) or {@code requestParameters.name} (the others), as a name or an ARN, and
     * {@code responseElements.trailARN}. Record keys are the API's member names with a lower-case first letter
     * ({@code advancedEventSelectors[].fieldSelectors[].field/equals/startsWith...}), as in published captures of
     * real PutEventSelectors records (Stratus Red Team's detonation logs,
     * https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.cloudtrail-event-selectors/);
     * responseElements holds the selectors as applied.
     */
    public static final java.util.List<String> TRAIL_NAME_PARAMETERS = java.util.List.of("trailName", "name");
    public static final String TRAIL_ARN_RESPONSE_ELEMENT = "trailARN";

    /** Builds a workspace ARN; region and account may be '*' (wildcards are legal in SCP Resource elements). */
    public static String workspaceArn(String partition, String region, String account, String workspaceId) {
        // Concatenation, not String.format(WORKSPACE_ARN_FORMAT, ...): the same text, built once per workspace.
        return "arn:" + partition + ":" + SERVICE_PREFIX + ":" + region + ":" + account + ":workspace/" + workspaceId;
    }
}
