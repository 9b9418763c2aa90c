package io.claudebaseline.aws;

import io.claudebaseline.facts.AwsFacts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The clients of one run (or of one member account): built lazily, cached, all sharing one HTTP client, one
 * retry policy, one Organizations rate limiter and one {@link CallStats}. Closing it closes what it built.
 */
final class DefaultAwsClients implements AwsClients {

    /** What every client of a run shares. */
    record Shared(String region, URI endpoint, AwsClientSettings settings, SdkHttpClient httpClient,
                  CallStats stats, OrganizationsRateLimiter limiter, io.claudebaseline.secrets.Redactor secrets,
                  RetryProgress retries) {}

    private final Shared shared;
    private final AwsCredentialsProvider credentials;
    private final boolean ownsHttpClient;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Map<String, CloudTrailClient> cloudTrails = new ConcurrentHashMap<>();
    private final Map<String, S3Client> s3Clients = new ConcurrentHashMap<>();
    private final Map<String, CloudWatchLogsClient> logsClients = new ConcurrentHashMap<>();
    private OrganizationsClient organizations;
    private IamClient iam;
    private StsClient sts;

    DefaultAwsClients(Shared shared, AwsCredentialsProvider credentials, boolean ownsHttpClient) {
        this.shared = shared;
        // Whatever provides the credentials, their secrets join the run's redactor when they are resolved.
        this.credentials = new RecordingCredentials(credentials, shared.secrets());
        this.ownsHttpClient = ownsHttpClient;
    }

    @Override
    public synchronized OrganizationsClient organizations() {
        if (organizations == null) {
            organizations = track(configure(OrganizationsClient.builder(), AwsFacts.organizationsHomeRegion(shared.region())).build());
        }
        return organizations;
    }

    @Override
    public CloudTrailClient cloudTrail(String region) {
        String r = region == null || region.isBlank() ? shared.region() : region;
        return cloudTrails.computeIfAbsent(r, key -> {
            synchronized (this) {
                return track(configure(CloudTrailClient.builder(), key).build());
            }
        });
    }

    @Override
    public S3Client s3(String region) {
        String r = region == null || region.isBlank() ? shared.region() : region;
        return s3Clients.computeIfAbsent(r, key -> {
            synchronized (this) {
                // Path-style addressing when an endpoint is overridden (moto, VPC endpoints by URL): the
                // virtual-host form would need DNS for <bucket>.<host>.
                return track(configure(S3Client.builder(), key).crossRegionAccessEnabled(true)
                        .forcePathStyle(shared.endpoint() != null).build());
            }
        });
    }

    @Override
    public CloudWatchLogsClient logs(String region) {
        String r = region == null || region.isBlank() ? shared.region() : region;
        return logsClients.computeIfAbsent(r, key -> {
            synchronized (this) {
                return track(configure(CloudWatchLogsClient.builder(), key).build());
            }
        });
    }

    @Override
    public synchronized IamClient iam() {
        if (iam == null) {
            iam = track(configure(IamClient.builder(), globalRegionOf(shared.region())).build());
        }
        return iam;
    }

    @Override
    public synchronized StsClient sts() {
        if (sts == null) {
            sts = track(configure(StsClient.builder(), shared.region()).build());
        }
        return sts;
    }

    /** The shared run settings (tests look at the rate limiter through it). */
    Shared shared() {
        return shared;
    }

    @Override
    public CallStats callStats() {
        return shared.stats();
    }

    @Override
    public AwsClients forAccount(String accountId, String roleName, String externalId) {
        String roleArn = "arn:" + AwsFacts.partitionOf(shared.region()) + ":iam::" + accountId + ":role/" + roleName;
        shared.secrets().add(externalId);
        AwsCredentialsProvider assumed = assumeRole(sts(), roleArn, externalId);
        DefaultAwsClients member = new DefaultAwsClients(shared, assumed, false);
        member.closeables.add((AutoCloseable) assumed);
        return member;
    }

    /**
     * A provider of credentials for {@code roleArn} (session name {@value AwsFacts#ROLE_SESSION_NAME}), resolved once
     * now so a role that cannot be assumed fails here, as {@code sts:AssumeRole on <role>}, not later in some call.
     */
    static AwsCredentialsProvider assumeRole(StsClient sts, String roleArn, String externalId) {
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(AwsFacts.ROLE_SESSION_NAME)
                        .externalId(externalId == null || externalId.isBlank() ? null : externalId))
                .build();
        try {
            provider.resolveCredentials();
        } catch (SdkException e) {
            provider.close();
            throw AwsErrors.translate(AwsOperation.ASSUME_ROLE, roleArn, serviceCause(e));
        }
        return provider;
    }

    private static SdkException serviceCause(SdkException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AwsServiceException s) {
                return s;
            }
        }
        return e;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String region) {
        AwsClientSettings s = shared.settings();
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(s.maxAttempts())
                        .backoffStrategy(BackoffStrategy.exponentialDelay(s.backoffBase(), s.backoffMax()))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(s.backoffBase().multipliedBy(5), s.backoffMax()))
                        // A batch run should keep retrying within its budget rather than trip a shared circuit breaker.
                        .circuitBreakerEnabled(false)
                        .build())
                .apiCallTimeout(s.apiCallTimeout())
                .apiCallAttemptTimeout(s.attemptTimeout())
                .addMetricPublisher(shared.stats());
        if (shared.limiter() != null) {
            override.addExecutionInterceptor(shared.limiter());
        }
        if (shared.retries() != null) {
            override.addExecutionInterceptor(shared.retries());
        }
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(override.build())
                .httpClient(shared.httpClient());
        if (shared.endpoint() != null) {
            builder.endpointOverride(shared.endpoint());
        }
        return builder;
    }

    private static String globalRegionOf(String region) {
        return switch (AwsFacts.partitionOf(region)) {
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL.id();
            case "aws-cn" -> Region.AWS_CN_GLOBAL.id();
            default -> Region.AWS_GLOBAL.id();
        };
    }

    private synchronized <T extends SdkAutoCloseable> T track(T client) {
        closeables.add(client);
        return client;
    }

    /** Registers something to close with these clients (e.g. the role provider of the run). */
    synchronized void closeWith(AutoCloseable closeable) {
        closeables.add(closeable);
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort: nothing the user can act on
            }
        }
        closeables.clear();
        if (ownsHttpClient) {
            shared.httpClient().close();
        }
    }
}
