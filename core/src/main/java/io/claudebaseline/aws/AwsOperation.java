package io.claudebaseline.aws;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every AWS operation the tool calls, with the IAM action that authorises it and the commands that need it.
 *
 * <p>This is the single table behind three things: the calls themselves (each goes through {@link #call}, so a
 * failure is translated naming this operation), the least-privilege policy printed by
 * {@code claude-baseline permissions} ({@link Permissions}), and the call statistics ({@link CallStats}). A test
 * runs plan, apply and verify against moto and checks that every call observed is listed here for that command.
 */
public enum AwsOperation {
    // Organizations: reading the organisation and the SCPs
    DESCRIBE_ORGANIZATION(Service.ORGANIZATIONS, "DescribeOrganization", false, Command.PLAN, Command.APPLY, Command.VERIFY, Command.DESTROY),
    LIST_ROOTS(Service.ORGANIZATIONS, "ListRoots", false, Command.PLAN, Command.APPLY, Command.VERIFY, Command.DESTROY),
    LIST_POLICIES(Service.ORGANIZATIONS, "ListPolicies", false, Command.PLAN, Command.APPLY, Command.VERIFY, Command.DESTROY),
    DESCRIBE_POLICY(Service.ORGANIZATIONS, "DescribePolicy", false, Command.PLAN, Command.APPLY, Command.VERIFY, Command.DESTROY),
    LIST_TAGS_FOR_RESOURCE(Service.ORGANIZATIONS, "ListTagsForResource", false, Command.PLAN, Command.APPLY, Command.VERIFY, Command.DESTROY),
    LIST_TARGETS_FOR_POLICY(Service.ORGANIZATIONS, "ListTargetsForPolicy", false, Command.PLAN, Command.APPLY, Command.VERIFY, Command.DESTROY),
    LIST_POLICIES_FOR_TARGET(Service.ORGANIZATIONS, "ListPoliciesForTarget", false, Command.PLAN, Command.APPLY, Command.VERIFY, Command.DESTROY),
    // Organizations: the tree, for coverage and the member-account audit (verify)
    LIST_ORGANIZATIONAL_UNITS_FOR_PARENT(Service.ORGANIZATIONS, "ListOrganizationalUnitsForParent", false, Command.VERIFY),
    LIST_ACCOUNTS_FOR_PARENT(Service.ORGANIZATIONS, "ListAccountsForParent", false, Command.VERIFY),
    LIST_ACCOUNTS(Service.ORGANIZATIONS, "ListAccounts", false, Command.VERIFY),
    LIST_PARENTS(Service.ORGANIZATIONS, "ListParents", false, Command.VERIFY),
    DESCRIBE_ACCOUNT(Service.ORGANIZATIONS, "DescribeAccount", false, Command.VERIFY),
    // Organizations: changes (apply)
    ENABLE_POLICY_TYPE(Service.ORGANIZATIONS, "EnablePolicyType", true, Command.APPLY),
    CREATE_POLICY(Service.ORGANIZATIONS, "CreatePolicy", true, Command.APPLY),
    UPDATE_POLICY(Service.ORGANIZATIONS, "UpdatePolicy", true, Command.APPLY),
    TAG_RESOURCE(Service.ORGANIZATIONS, "TagResource", true, Command.APPLY),
    ATTACH_POLICY(Service.ORGANIZATIONS, "AttachPolicy", true, Command.APPLY),
    DETACH_POLICY(Service.ORGANIZATIONS, "DetachPolicy", true, Command.APPLY, Command.DESTROY),
    DELETE_POLICY(Service.ORGANIZATIONS, "DeletePolicy", true, Command.APPLY, Command.DESTROY),
    // CloudTrail (in the trail's home region)
    DESCRIBE_TRAILS(Service.CLOUDTRAIL, "DescribeTrails", false, Command.PLAN, Command.APPLY, Command.VERIFY, Command.USAGE, Command.DESTROY),
    GET_TRAIL_STATUS(Service.CLOUDTRAIL, "GetTrailStatus", false, Command.PLAN, Command.APPLY, Command.VERIFY, Command.USAGE, Command.DESTROY),
    GET_EVENT_SELECTORS(Service.CLOUDTRAIL, "GetEventSelectors", false, Command.PLAN, Command.APPLY, Command.VERIFY, Command.USAGE, Command.DESTROY),
    PUT_EVENT_SELECTORS(Service.CLOUDTRAIL, "PutEventSelectors", true, Command.APPLY, Command.DESTROY),
    START_LOGGING(Service.CLOUDTRAIL, "StartLogging", true, Command.APPLY),
    // usage: the trail's own changes in CloudTrail's event history (was the data selector in place during the window?)
    LOOKUP_EVENTS(Service.CLOUDTRAIL, "LookupEvents", false, Command.USAGE),
    // IAM: the long-term key inventory (verify)
    LIST_USERS(Service.IAM, "ListUsers", false, Command.VERIFY),
    LIST_SERVICE_SPECIFIC_CREDENTIALS(Service.IAM, "ListServiceSpecificCredentials", false, Command.VERIFY),
    // STS: --role-arn (every command) and the member-account audit role (verify)
    ASSUME_ROLE(Service.STS, "AssumeRole", false, Command.PLAN, Command.APPLY, Command.VERIFY, Command.USAGE, Command.DESTROY),
    // STS: which account the key inventory belongs to (needs no permission: AWS always allows it)
    GET_CALLER_IDENTITY(Service.STS, "GetCallerIdentity", false, Command.VERIFY),
    // usage (and verify --denied-attempts): reading the trail's events back. ListObjectsV2 is authorised by
    // s3:ListBucket (S3 API reference, "Permissions" of ListObjectsV2); objects encrypted with the trail's KMS key
    // also need kms:Decrypt on that key, which S3 uses on the caller's behalf (docs/usage.md).
    LIST_OBJECTS_V2(Service.S3, "ListObjectsV2", "ListBucket", false, Command.USAGE, Command.VERIFY),
    GET_OBJECT(Service.S3, "GetObject", "GetObject", false, Command.USAGE, Command.VERIFY),
    FILTER_LOG_EVENTS(Service.LOGS, "FilterLogEvents", "FilterLogEvents", false, Command.USAGE, Command.VERIFY);

    /** The AWS services the tool talks to, with their IAM prefix and the SDK's service id. */
    public enum Service {
        ORGANIZATIONS("organizations", "Organizations"),
        CLOUDTRAIL("cloudtrail", "CloudTrail"),
        IAM("iam", "IAM"),
        STS("sts", "STS"),
        S3("s3", "S3"),
        LOGS("logs", "CloudWatch Logs");

        private final String prefix;
        private final String sdkServiceId;

        Service(String prefix, String sdkServiceId) {
            this.prefix = prefix;
            this.sdkServiceId = sdkServiceId;
        }

        public String prefix() {
            return prefix;
        }

        /** The SDK's {@code ServiceId} (what metrics and execution attributes call the service). */
        public String sdkServiceId() {
            return sdkServiceId;
        }

        public static Optional<Service> bySdkServiceId(String serviceId) {
            return Arrays.stream(values()).filter(s -> s.sdkServiceId.equalsIgnoreCase(serviceId)).findFirst();
        }
    }

    /** The live commands; offline ones (render, validate, simulate) call nothing. */
    public enum Command {
        PLAN, APPLY, VERIFY, USAGE, DESTROY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Command parse(String value) {
            for (Command c : values()) {
                if (c.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("'" + value + "' is not one of: "
                    + Arrays.stream(values()).map(Command::id).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    private final Service service;
    private final String operationName;
    private final String iamActionName;
    private final boolean mutating;
    private final Set<Command> commands;

    AwsOperation(Service service, String operationName, boolean mutating, Command first, Command... more) {
        this(service, operationName, operationName, mutating, first, more);
    }

    /** An operation whose IAM action is named differently from the API operation (S3's ListObjectsV2 → ListBucket). */
    AwsOperation(Service service, String operationName, String iamActionName, boolean mutating, Command first, Command... more) {
        this.service = service;
        this.operationName = operationName;
        this.iamActionName = iamActionName;
        this.mutating = mutating;
        this.commands = EnumSet.of(first, more);
    }

    public Service service() {
        return service;
    }

    /** The API operation name, e.g. {@code AttachPolicy}. */
    public String operationName() {
        return operationName;
    }

    /** The IAM action, e.g. {@code organizations:AttachPolicy} (also how errors and statistics name the call). */
    public String iamAction() {
        return service.prefix() + ":" + iamActionName;
    }

    /** True when the call changes something in AWS. */
    public boolean mutating() {
        return mutating;
    }

    public Set<Command> commands() {
        return commands;
    }

    /**
     * Runs one SDK call of this operation; an SDK failure becomes an {@link AwsOperationException} naming this
     * operation, {@code resource} and the fix.
     */
    public <T> T call(String resource, Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (SdkException e) {
            throw AwsErrors.translate(this, resource, e);
        }
    }

    /** {@link #call} for calls whose response is not needed. */
    public void run(String resource, Runnable sdkCall) {
        call(resource, () -> {
            sdkCall.run();
            return null;
        });
    }

    /** The table entry for an IAM action such as {@code organizations:AttachPolicy}. */
    public static Optional<AwsOperation> byIamAction(String iamAction) {
        return Arrays.stream(values()).filter(o -> o.iamAction().equalsIgnoreCase(iamAction)).findFirst();
    }
}
