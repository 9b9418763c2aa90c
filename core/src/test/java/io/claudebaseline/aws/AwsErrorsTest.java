package io.claudebaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.aws.AwsOperationException.Kind;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationExceptionReason;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;

/** Every translated message: one sentence naming operation, resource and fix; AWS's text never echoed. */
class AwsErrorsTest {

    private static final String REQUEST_ID = "0b6c4c5e-2f1a-4d9e-9a43-5b8d2e7c1f00";
    private static final String AWS_TEXT = "User: arn:aws:sts::111122223333:assumed-role/x/secret-session is not authorized";

    private static OrganizationsException orgError(String code, int status) {
        return (OrganizationsException) OrganizationsException.builder().statusCode(status).requestId(REQUEST_ID).message(AWS_TEXT)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(AWS_TEXT).build()).build();
    }

    private static void assertOneSentence(AwsOperationException e) {
        assertThat(e.getMessage()).doesNotContain(AWS_TEXT).doesNotContain("secret-session").endsWith(".");
        assertThat(e.getMessage().substring(0, e.getMessage().length() - 1)).doesNotContain(". ");
    }

    @ParameterizedTest
    @CsvSource({
            "AccessDeniedException, 400, ACCESS_DENIED, lacks the IAM permission organizations:AttachPolicy",
            "TooManyRequestsException, 400, THROTTLED, throttled by AWS",
            "ConcurrentModificationException, 400, CONFLICT, run apply again",
            "DuplicatePolicyAttachmentException, 400, CONFLICT, already attached",
            "DuplicatePolicyException, 400, CONFLICT, already exists",
            "PolicyNotFoundException, 400, NOT_FOUND, does not exist",
            "TargetNotFoundException, 400, NOT_FOUND, check the ids in the config",
            "AWSOrganizationsNotInUseException, 400, NOT_FOUND, management account",
            "PolicyTypeNotEnabledException, 400, INVALID_REQUEST, not enabled on the root",
            "MalformedPolicyDocumentException, 400, INVALID_REQUEST, claude-baseline validate",
            "ExpiredTokenException, 400, ACCESS_DENIED, invalid or expired",
            "ServiceException, 500, UNAVAILABLE, AWS's side",
            "InvalidInputException, 400, INVALID_REQUEST, check the config values"})
    void organizationsErrors(String code, int status, Kind kind, String fix) {
        AwsOperationException e = AwsErrors.translate(AwsOperation.ATTACH_POLICY, "p-1 → ou-1", orgError(code, status));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.operation()).isEqualTo("organizations:AttachPolicy");
        assertThat(e.resource()).isEqualTo("p-1 → ou-1");
        assertThat(e.getMessage()).startsWith("organizations:AttachPolicy on p-1 → ou-1 ").contains(fix).contains(code).contains(REQUEST_ID);
        assertOneSentence(e);
    }

    @ParameterizedTest
    @CsvSource({
            "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED, limits.scpMaxPerTarget",
            "POLICY_CONTENT_LIMIT_EXCEEDED, limits.scpMaxCharacters",
            "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED, at least one SCP",
            "POLICY_NUMBER_LIMIT_EXCEEDED, delete unused SCPs",
            "OU_DEPTH_LIMIT_EXCEEDED, OU_DEPTH_LIMIT_EXCEEDED"})
    void constraintViolationsNameTheLimit(ConstraintViolationExceptionReason reason, String fix) {
        ConstraintViolationException cve = (ConstraintViolationException) ConstraintViolationException.builder().reason(reason)
                .statusCode(400).message(AWS_TEXT)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ConstraintViolationException").errorMessage(AWS_TEXT).build()).build();
        AwsOperationException e = AwsErrors.translate(AwsOperation.CREATE_POLICY, "claude-baseline-1", cve);
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains(fix);
        assertOneSentence(e);
    }

    @Test
    void queryProtocolAccessDeniedNamesTheIamAction() {
        IamException denied = (IamException) IamException.builder().statusCode(403).message(AWS_TEXT)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage(AWS_TEXT).build()).build();
        AwsOperationException e = AwsErrors.translate(AwsOperation.LIST_SERVICE_SPECIFIC_CREDENTIALS, "account 1", denied);
        assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(e.getMessage()).contains("iam:ListServiceSpecificCredentials", "--for verify");
        assertOneSentence(e);
    }

    @Test
    void theAccessDeniedHintNamesTheCommandsThatNeedThePermissionNotAGuess() {
        CloudTrailException denied = (CloudTrailException) CloudTrailException.builder().statusCode(400).message(AWS_TEXT)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").errorMessage(AWS_TEXT).build()).build();
        // usage needs GetTrailStatus too: a usage run must not be sent to verify's (larger) policy alone.
        assertThat(AwsErrors.translate(AwsOperation.GET_TRAIL_STATUS, "trail t", denied).getMessage())
                .contains("`claude-baseline permissions --for <command>` (the one you ran: plan, apply, verify, usage or destroy) prints");
        assertThat(AwsErrors.translate(AwsOperation.LOOKUP_EVENTS, "trail t", denied).getMessage())
                .contains("`claude-baseline permissions --for usage` prints");
        assertThat(AwsErrors.translate(AwsOperation.CREATE_POLICY, "p", orgError("AccessDeniedException", 400)).getMessage())
                .contains("`claude-baseline permissions --for apply` prints");
    }

    @Test
    void cloudTrailHomeRegionAndMissingTrail() {
        CloudTrailException home = (CloudTrailException) CloudTrailException.builder().statusCode(400).message(AWS_TEXT)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidHomeRegionException").build()).build();
        assertThat(AwsErrors.translate(AwsOperation.PUT_EVENT_SELECTORS, "trail t", home).getMessage())
                .contains("controls.cloudTrailDataEvents.homeRegion");
        CloudTrailException missing = (CloudTrailException) CloudTrailException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TrailNotFoundException").build()).build();
        AwsOperationException e = AwsErrors.translate(AwsOperation.GET_TRAIL_STATUS, "trail t", missing);
        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).contains("createTrail");
    }

    @Test
    void clientSideFailures() {
        SdkClientException timeout = SdkClientException.builder().message("Unable to execute HTTP request: Read timed out")
                .cause(new SocketTimeoutException("Read timed out")).numAttempts(3).build();
        AwsOperationException t = AwsErrors.translate(AwsOperation.LIST_POLICIES, null, timeout);
        assertThat(t.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(t.getMessage()).isEqualTo("organizations:ListPolicies timed out after 3 attempts; check the network path to AWS"
                + " (proxy, VPC endpoint, --endpoint-url) and run again.");

        SdkClientException noCreds = SdkClientException.builder()
                .message("Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain").build();
        AwsOperationException c = AwsErrors.translate(AwsOperation.DESCRIBE_ORGANIZATION, null, noCreds);
        assertThat(c.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(c.getMessage()).contains("no usable AWS credentials", "AWS_PROFILE");
        // A CLI user with a misspelt --profile lands here too: name the option and where profiles are read from.
        assertThat(c.getMessage()).contains("--profile", "~/.aws/config", "~/.aws/credentials");
    }
    @org.junit.jupiter.api.Test
    void anAnswerWithoutAwsErrorCodeOrRequestIdIsNotBlamedOnAws() {
        // e.g. --endpoint-url pointing at a web server that is not an AWS-compatible service (HTTP 501, HTML body)
        OrganizationsException notAws = (OrganizationsException) OrganizationsException.builder().statusCode(501)
                .message("<html>Unsupported method</html>").build();
        AwsOperationException t = AwsErrors.translate(AwsOperation.DESCRIBE_ORGANIZATION, null, notAws);
        assertThat(t.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(t.getMessage()).contains("HTTP 501", "did not come from AWS", "--endpoint-url").doesNotContain("AWS's side")
                .doesNotContain("Unsupported method");
        assertOneSentence(t);
        // A real AWS 5xx carries a request id and is still AWS's side.
        assertThat(AwsErrors.translate(AwsOperation.DESCRIBE_ORGANIZATION, null, orgError("ServiceException", 500)).getMessage())
                .contains("failed on AWS's side");
    }

    @Test
    void aReflectedCodeOrRequestIdIsNotQuoted() {
        // An endpoint that reflects the request puts the Authorization header where the code goes and the session
        // token where the request id goes: neither has AWS's shape, so neither is quoted.
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIAREFLECTED0000000/20261201/us-east-1/organizations/aws4_request,"
                + " SignedHeaders=host;x-amz-date, Signature=0123456789abcdef";
        OrganizationsException reflected = (OrganizationsException) OrganizationsException.builder().statusCode(400)
                .requestId("TOKENSECRET456").message(AWS_TEXT)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(authorization).errorMessage(AWS_TEXT).build()).build();
        AwsOperationException e = AwsErrors.translate(AwsOperation.DESCRIBE_ORGANIZATION, null, reflected);
        assertThat(e.getMessage()).doesNotContain("TOKENSECRET456", "AKIAREFLECTED", "Signature", "Credential", "AWS4-HMAC")
                .contains("HTTP 400");
        assertOneSentence(e);
        // AWS's own shapes still are.
        assertThat(AwsErrors.translate(AwsOperation.ATTACH_POLICY, "p-1", orgError("AccessDeniedException", 400)).getMessage())
                .contains("AWS error AccessDeniedException, request id " + REQUEST_ID);
        assertThat(AwsErrors.awsShaped(AwsErrors.REQUEST_ID, "4442587FB7D0A2F9")).isEqualTo("4442587FB7D0A2F9");
        assertThat(AwsErrors.awsShaped(AwsErrors.ERROR_CODE, "Throttling")).isEqualTo("Throttling");
        assertThat(AwsErrors.awsShaped(AwsErrors.ERROR_CODE, "X-Amz-Security-Token: abc")).isNull();
    }
}
