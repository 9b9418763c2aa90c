package io.claudebaseline.aws;

import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The only door to AWS. Readers and the applier get their clients here, so tests point everything at moto
 * (endpoint override) or wrap the clients to inject AWS's strict errors. Implementations cache clients and
 * are closed once at the end of a run.
 */
public interface AwsClients extends AutoCloseable {
    /** Organizations, in its home region (us-east-1 in the commercial partition). */
    OrganizationsClient organizations();

    /** CloudTrail in the given region (trail writes must go to the trail's home region). */
    CloudTrailClient cloudTrail(String region);

    /**
     * S3 starting in the given region (usage: the trail's log files). Cross-region access is on, so a bucket in
     * another region is still reached. Implementations that offer no S3 (test stand-ins) keep this default.
     */
    default S3Client s3(String region) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " provides no S3 client");
    }

    /** CloudWatch Logs in the given region (usage: the trail's log group). */
    default CloudWatchLogsClient logs(String region) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " provides no CloudWatch Logs client");
    }

    /** IAM (global). */
    IamClient iam();

    /** STS in the default region. */
    StsClient sts();

    /**
     * Clients acting in a member account, through a role assumed there (for the per-account key audit).
     * The caller closes the returned instance.
     */
    AwsClients forAccount(String accountId, String roleName, String externalId);

    /**
     * Calls made through these clients so far, per operation, with retries and throttled attempts (shared with the
     * clients {@link #forAccount} returns). Implementations that do not count return an empty instance.
     */
    default CallStats callStats() {
        return new CallStats();
    }

    @Override
    void close();
}
