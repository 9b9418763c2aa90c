package io.claudebaseline.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.aws.AwsOperationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Why a member account could not be audited: one sentence with the fix, never AWS's own text. */
class MemberAuditReasonTest {

    static final String ACCOUNT = "222222222222";
    static final String ROLE = "OrganizationAccountAccessRole";

    @Test
    void translatedFailuresKeepTheirSentence() {
        AwsOperationException e = new AwsOperationException("sts:AssumeRole", "arn:aws:iam::" + ACCOUNT + ":role/" + ROLE,
                AwsOperationException.Kind.ACCESS_DENIED, "sts:AssumeRole on arn:... was denied; allow it.", null);
        assertThat(MemberAudit.reason(ACCOUNT, ROLE, e)).isEqualTo("sts:AssumeRole on arn:... was denied; allow it.");
    }

    @Test
    void rawSdkFailuresAreDescribedFromTheirCodeNotTheirText() {
        StsException denied = (StsException) StsException.builder().statusCode(403)
                .message("User: arn:aws:sts::111111111111:assumed-role/secret-looking-session is not authorized")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build();
        assertThat(MemberAudit.reason(ACCOUNT, ROLE, denied))
                .contains(ROLE, ACCOUNT, "AccessDenied", "audit.roleName").doesNotContain("secret-looking-session");

        IamException iamDenied = (IamException) IamException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build();
        assertThat(MemberAudit.reason(ACCOUNT, ROLE, iamDenied)).contains("iam:ListUsers", "iam:ListServiceSpecificCredentials");

        assertThat(MemberAudit.reason(ACCOUNT, ROLE, ApiCallTimeoutException.create(1000))).startsWith("timed out");
        assertThat(MemberAudit.reason(ACCOUNT, ROLE, SdkClientException.create("connection refused"))).contains("did not reach AWS");
    }
}
