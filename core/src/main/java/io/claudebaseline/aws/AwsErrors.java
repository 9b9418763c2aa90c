package io.claudebaseline.aws;

import io.claudebaseline.aws.AwsOperationException.Kind;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationExceptionReason;

/**
 * Turns an SDK exception into an {@link AwsOperationException} whose message is one sentence: the operation, the
 * resource, what happened and what to do. AWS's own message text is never copied (it can echo request details
 * such as principal ARNs or parameters); only its error code and request id are quoted, and only when they have
 * the shape AWS gives them ({@link #ERROR_CODE}, {@link #REQUEST_ID}). The run's {@code secrets.Redactor} then
 * checks every message again before it leaves the engine.
 */
public final class AwsErrors {
    private AwsErrors() {}

    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "AccessDeniedForDependencyException", "UnauthorizedException");
    private static final Set<String> BAD_CREDENTIALS = Set.of("ExpiredToken", "ExpiredTokenException",
            "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "InvalidAccessKeyId",
            "IncompleteSignature", "MissingAuthenticationToken", "RequestExpired");
    private static final Set<String> THROTTLED = Set.of("TooManyRequestsException", "Throttling", "ThrottlingException",
            "ThrottledException", "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException",
            "SlowDown", "PriorRequestNotComplete");
    private static final Set<String> NOT_FOUND = Set.of("PolicyNotFoundException", "TargetNotFoundException",
            "RootNotFoundException", "AccountNotFoundException", "OrganizationalUnitNotFoundException",
            "ParentNotFoundException", "ChildNotFoundException", "TrailNotFoundException", "NoSuchEntity",
            "PolicyNotAttachedException", "NoSuchBucket", "NoSuchKey", "ResourceNotFoundException");
    private static final Set<String> CONFLICT = Set.of("ConcurrentModificationException", "DuplicatePolicyException",
            "DuplicatePolicyAttachmentException", "PolicyInUseException", "PolicyTypeAlreadyEnabledException",
            "PolicyChangesInProgressException", "EntityAlreadyExists", "DeleteConflict", "ConflictException");
    private static final Set<String> LIMIT = Set.of("ConstraintViolationException", "LimitExceeded",
            "LimitExceededException", "MaximumNumberOfTrailsExceededException");

    /** AWS error codes are identifiers such as {@code AccessDeniedException} or {@code Throttling}. */
    static final java.util.regex.Pattern ERROR_CODE = java.util.regex.Pattern.compile("[A-Z][A-Za-z0-9]{1,99}");
    /**
     * AWS request ids: a UUID (Organizations, CloudTrail, IAM, STS and most services) or 16 upper-case hex digits
     * (S3 and older services). Anything else (an emulator's own format, reflected request text) is not quoted.
     */
    static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9A-F]{16}");

    /** {@code value} when it has the shape, else null. */
    static String awsShaped(java.util.regex.Pattern shape, String value) {
        return value != null && shape.matcher(value).matches() ? value : null;
    }

    /** The translated exception for a failed call of {@code operation} on {@code resource}. */
    public static AwsOperationException translate(AwsOperation operation, String resource, SdkException e) {
        String op = operation.iamAction();
        String on = resource == null || resource.isBlank() ? op : op + " on " + resource;
        if (e instanceof AwsServiceException service) {
            return translateService(operation, on, resource, service);
        }
        return translateClient(op, on, resource, e);
    }

    private static AwsOperationException translateService(AwsOperation operation, String on, String resource, AwsServiceException e) {
        String op = operation.iamAction();
        // Quoted only when they have the shape AWS gives them: an endpoint that reflects the request can put the
        // Authorization header or the session token where the code or the request id should be.
        String code = awsShaped(ERROR_CODE, e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode());
        String requestId = awsShaped(REQUEST_ID, e.requestId());
        String codeOrStatus = code == null ? "HTTP " + e.statusCode() : code;
        String ref = " (AWS error " + codeOrStatus + (requestId == null ? "" : ", request id " + requestId) + ")";
        String c = code == null ? "" : code;

        if (ACCESS_DENIED.contains(c) || e.statusCode() == 403 && !BAD_CREDENTIALS.contains(c)) {
            return new AwsOperationException(op, resource, Kind.ACCESS_DENIED, on + " was denied: the caller lacks the IAM permission "
                    + op + " (or an SCP or permissions boundary denies it); grant it — " + permissionsHint(operation) + ref + ".", e);
        }
        if (BAD_CREDENTIALS.contains(c)) {
            return new AwsOperationException(op, resource, Kind.ACCESS_DENIED, on + " was rejected because the AWS credentials are invalid or expired;"
                    + " refresh them (new session, new role credentials or the right --profile) and run again" + ref + ".", e);
        }
        if (THROTTLED.contains(c) || e.isThrottlingException()) {
            return new AwsOperationException(op, resource, Kind.THROTTLED, on + " was throttled by AWS after "
                    + attempts(e) + "; wait a few minutes and run again, or lower the client-side rate with"
                    + " CLAUDE_BASELINE_ORG_RATE_LIMIT if other tools share this account's quota" + ref + ".", e);
        }
        if (e instanceof ConstraintViolationException cve) {
            return constraintViolation(op, on, resource, cve.reason(), ref, e);
        }
        if ("ConcurrentModificationException".equals(c) || "PolicyChangesInProgressException".equals(c)) {
            return new AwsOperationException(op, resource, Kind.CONFLICT, on + " collided with another change to the organisation"
                    + " in progress; wait a minute and run apply again (it picks up where it stopped)" + ref + ".", e);
        }
        if ("DuplicatePolicyException".equals(c)) {
            return new AwsOperationException(op, resource, Kind.CONFLICT, on + " failed because a policy with that name already exists;"
                    + " run plan to see whether it is ours (tagged " + io.claudebaseline.facts.AwsFacts.OWNERSHIP_TAG_KEY + "="
                    + io.claudebaseline.facts.AwsFacts.OWNERSHIP_TAG_VALUE + ") or rename it, then run apply again" + ref + ".", e);
        }
        if ("DuplicatePolicyAttachmentException".equals(c)) {
            return new AwsOperationException(op, resource, Kind.CONFLICT, on + " failed because the policy is already attached there;"
                    + " run apply again, which reads the attachments afresh" + ref + ".", e);
        }
        if (CONFLICT.contains(c)) {
            return new AwsOperationException(op, resource, Kind.CONFLICT, on + " conflicts with the current state of the resource;"
                    + " run plan to see the state and run apply again" + ref + ".", e);
        }
        if ("AWSOrganizationsNotInUseException".equals(c)) {
            return new AwsOperationException(op, resource, Kind.NOT_FOUND, on + " failed because these credentials' account is not in an"
                    + " organization; use credentials of the organization's management account (or a delegated administrator)" + ref + ".", e);
        }
        if ("PolicyTypeNotEnabledException".equals(c)) {
            return new AwsOperationException(op, resource, Kind.INVALID_REQUEST, on + " failed because service control policies are not"
                    + " enabled on the root; run apply, which enables them first" + ref + ".", e);
        }
        if ("InvalidHomeRegionException".equals(c)) {
            return new AwsOperationException(op, resource, Kind.INVALID_REQUEST, on + " must be called in the trail's home region;"
                    + " set controls.cloudTrailDataEvents.homeRegion to the region the trail was created in" + ref + ".", e);
        }
        if ("TrailNotFoundException".equals(c)) {
            return new AwsOperationException(op, resource, Kind.NOT_FOUND, on + " failed because the trail does not exist in that region;"
                    + " create it (the Terraform module does with controls.cloudTrailDataEvents.createTrail) or fix trailName/homeRegion" + ref + ".", e);
        }
        if ("MalformedPolicyDocumentException".equals(c)) {
            return new AwsOperationException(op, resource, Kind.INVALID_REQUEST, on + " was refused because AWS considers the policy"
                    + " document malformed; run `claude-baseline validate` and check custom templates" + ref + ".", e);
        }
        if (NOT_FOUND.contains(c)) {
            return new AwsOperationException(op, resource, Kind.NOT_FOUND, on + " failed because the resource does not exist (any more);"
                    + " check the ids in the config and run plan again" + ref + ".", e);
        }
        if (LIMIT.contains(c)) {
            return new AwsOperationException(op, resource, Kind.LIMIT_EXCEEDED, on + " hit an AWS limit; see the AWS quotas for "
                    + operation.service().sdkServiceId() + " and reduce what the config asks for" + ref + ".", e);
        }
        if (c.isEmpty() && requestId == null && e.statusCode() >= 400) {
            // AWS always answers with an error code or a request id; without either, something else answered
            // (a proxy, a captive portal, an --endpoint-url that is not an AWS-compatible service).
            return new AwsOperationException(op, resource, Kind.UNAVAILABLE, on + " got HTTP " + e.statusCode()
                    + " without an AWS error code or request id, so the answer did not come from AWS; check --endpoint-url /"
                    + " AWS_ENDPOINT_URL and any proxy settings, then run again.", e);
        }
        if (e.statusCode() >= 500 || "ServiceUnavailableException".equals(c) || "ServiceException".equals(c)) {
            return new AwsOperationException(op, resource, Kind.UNAVAILABLE, on + " failed on AWS's side after " + attempts(e)
                    + "; run again later (apply resumes where it stopped)" + ref + ".", e);
        }
        return new AwsOperationException(op, resource, c.startsWith("Invalid") || c.endsWith("ValidationException")
                ? Kind.INVALID_REQUEST : Kind.OTHER, on + " failed; check the config values it used and run plan again" + ref + ".", e);
    }

    private static AwsOperationException constraintViolation(String op, String on, String resource,
                                                           ConstraintViolationExceptionReason reason, String ref, Throwable e) {
        String what;
        if (reason == ConstraintViolationExceptionReason.MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED) {
            what = " failed because the target already has the most SCPs AWS allows directly attached; detach one it does not need,"
                    + " or set limits.scpMaxPerTarget to your organisation's real limit (5 before May 2026) so plan catches it first";
        } else if (reason == ConstraintViolationExceptionReason.POLICY_CONTENT_LIMIT_EXCEEDED) {
            what = " failed because the policy is larger than this organisation's SCP size limit; set limits.scpMaxCharacters to it"
                    + " (5120 before May 2026 and in some partitions) so render packs smaller SCPs";
        } else if (reason == ConstraintViolationExceptionReason.MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED) {
            what = " failed because a target must keep at least one SCP attached; attach FullAWSAccess (or another SCP) there first";
        } else if (reason == ConstraintViolationExceptionReason.POLICY_NUMBER_LIMIT_EXCEEDED) {
            what = " failed because the organisation has the most SCPs AWS allows; delete unused SCPs or use layout: combined";
        } else {
            what = " violated an Organizations constraint (" + (reason == null ? "no reason given" : reason.toString())
                    + "); see the Organizations quotas page for that reason and adjust the config";
        }
        return new AwsOperationException(op, resource, Kind.LIMIT_EXCEEDED, on + what + ref + ".", e);
    }

    private static AwsOperationException translateClient(String op, String on, String resource, SdkException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || causedBy(e, SocketTimeoutException.class)
                || causedBy(e, InterruptedIOException.class)) {
            return new AwsOperationException(op, resource, Kind.UNAVAILABLE, on + " timed out after " + attempts(e)
                    + "; check the network path to AWS (proxy, VPC endpoint, --endpoint-url) and run again.", e);
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)) {
            return new AwsOperationException(op, resource, Kind.UNAVAILABLE, on + " could not reach the AWS endpoint; check the network,"
                    + " proxy settings and --endpoint-url / AWS_ENDPOINT_URL, then run again.", e);
        }
        String raw = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof SdkClientException && raw.contains("credential")) {
            // Also reached with a profile that does not exist or holds no credentials: say where profiles live.
            return new AwsOperationException(op, resource, Kind.ACCESS_DENIED, on + " could not start because no usable AWS credentials"
                    + " were found; set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, name a profile that exists in ~/.aws/config or"
                    + " ~/.aws/credentials (--profile or AWS_PROFILE), pass a credentials id (Jenkins), or run where the default"
                    + " chain finds a role (instance profile, container or web identity).", e);
        }
        return new AwsOperationException(op, resource, Kind.UNAVAILABLE, on + " failed before AWS answered (" + e.getClass().getSimpleName()
                + "); check the network and the endpoint, then run again.", e);
    }

    private static String attempts(SdkException e) {
        Integer n = e.numAttempts();
        return n == null || n <= 1 ? "1 attempt" : n + " attempts";
    }

    /**
     * Where the whole least-privilege policy comes from. The translation happens below the engine and does not know
     * which command is running, so an operation several commands need names all of them rather than guessing one
     * (a usage run told to grant verify's policy would grant far more than it needs).
     */
    private static String permissionsHint(AwsOperation operation) {
        java.util.List<String> ids = operation.commands().stream().map(AwsOperation.Command::id).toList();
        if (ids.size() == 1) {
            return "`claude-baseline permissions --for " + ids.get(0) + "` prints the whole least-privilege policy";
        }
        return "`claude-baseline permissions --for <command>` (the one you ran: " + String.join(", ", ids.subList(0, ids.size() - 1))
                + " or " + ids.get(ids.size() - 1) + ") prints the whole least-privilege policy";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
