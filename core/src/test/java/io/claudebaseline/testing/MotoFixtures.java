package io.claudebaseline.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds test worlds in moto: an organisation with OUs and accounts, a trail with its bucket, foreign SCPs,
 * shadow users and long-term keys. Uses its own plain SDK clients (not the code under test), with fake
 * static credentials and no retries so that an unsupported call fails at once.
 */
public final class MotoFixtures implements AutoCloseable {

    private final MotoServer server;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private OrganizationsClient organizations;
    private IamClient iam;
    private StsClient sts;

    MotoFixtures(MotoServer server) {
        this.server = server;
    }

    /** The organisation moto created: its id, root id and management account id. */
    public record Org(String id, String rootId, String managementAccountId) {}

    // ------------------------------------------------------------------ clients

    public synchronized OrganizationsClient organizations() {
        if (organizations == null) {
            organizations = track(OrganizationsClient.builder().region(Region.US_EAST_1).applyMutation(this::configure).build());
        }
        return organizations;
    }

    public synchronized IamClient iam() {
        if (iam == null) {
            iam = track(IamClient.builder().region(Region.AWS_GLOBAL).applyMutation(this::configure).build());
        }
        return iam;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = track(StsClient.builder().region(Region.US_EAST_1).applyMutation(this::configure).build());
        }
        return sts;
    }

    /** A CloudTrail client in {@code region} (moto keeps trails per region). */
    public synchronized CloudTrailClient cloudTrail(String region) {
        return track(CloudTrailClient.builder().region(Region.of(region)).applyMutation(this::configure).build());
    }

    private void configure(software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?> builder) {
        builder.endpointOverride(URI.create(server.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(60)).build());
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
    }

    private <T extends AutoCloseable> T track(T client) {
        opened.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception ignored) {
                // test teardown: nothing useful to do
            }
        }
        opened.clear();
        organizations = null;
        iam = null;
        sts = null;
    }

    // ------------------------------------------------------------------ Organizations

    /** Creates an organisation with all features; moto attaches FullAWSAccess to the root. */
    public Org createOrganization() {
        var org = organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL)).organization();
        String rootId = organizations().listRoots().roots().get(0).id();
        return new Org(org.id(), rootId, org.masterAccountId());
    }

    /** Enables SCPs on the root (as a fresh AWS organisation would not have them). */
    public void enableScps(String rootId) {
        organizations().enablePolicyType(r -> r.rootId(rootId).policyType(PolicyType.SERVICE_CONTROL_POLICY));
    }

    /** Creates an OU under {@code parentId} and returns its id. */
    public String createOu(String parentId, String name) {
        return organizations().createOrganizationalUnit(r -> r.parentId(parentId).name(name)).organizationalUnit().id();
    }

    /** Creates a member account (moto: synchronously), moves it under {@code parentId} unless that is the root, returns its id. */
    public String createAccount(String name, String parentId) {
        CreateAccountStatus status = organizations().createAccount(r -> r.accountName(name).email(name + "@example.com"))
                .createAccountStatus();
        String accountId = organizations().describeCreateAccountStatus(r -> r.createAccountRequestId(status.id()))
                .createAccountStatus().accountId();
        String rootId = organizations().listRoots().roots().get(0).id();
        if (!parentId.equals(rootId)) {
            organizations().moveAccount(r -> r.accountId(accountId).sourceParentId(rootId).destinationParentId(parentId));
        }
        return accountId;
    }

    /** Creates an SCP the tool does not own (no ownership tag) and attaches it to {@code targets}; returns its id. */
    public String createForeignScp(String name, String content, Map<String, String> tags, String... targets) {
        String id = organizations().createPolicy(r -> r.name(name).description("not ours").content(content)
                .type(PolicyType.SERVICE_CONTROL_POLICY)
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()))
                .policy().policySummary().id();
        for (String target : targets) {
            organizations().attachPolicy(r -> r.policyId(id).targetId(target));
        }
        return id;
    }

    /** Policy content as moto stores it (verbatim). */
    public String policyContent(String policyId) {
        return organizations().describePolicy(r -> r.policyId(policyId)).policy().content();
    }

    /** Ids of the SCPs directly attached to {@code targetId}. */
    public List<String> scpIdsAttachedTo(String targetId) {
        return organizations().listPoliciesForTargetPaginator(r -> r.targetId(targetId).filter(PolicyType.SERVICE_CONTROL_POLICY))
                .stream().flatMap(p -> p.policies().stream()).map(p -> p.id()).toList();
    }

    // ------------------------------------------------------------------ S3 + CloudTrail

    /**
     * Creates an S3 bucket. Done over plain HTTP (moto picks the service from the SigV4 credential scope and does
     * not check signatures) so core needs no S3 SDK module just for tests.
     */
    public void createBucket(String bucket, String region) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/" + bucket))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + MotoServer.ACCESS_KEY_ID + "/20260101/"
                        + region + "/s3/aws4_request, SignedHeaders=host, Signature=00")
                .PUT(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = server.send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto refused CreateBucket " + bucket + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** Creates a bucket and an organization trail writing to it in {@code homeRegion}, and starts logging. */
    public void createTrail(String trailName, String homeRegion, boolean multiRegion, boolean logFileValidation) {
        createTrail(trailName, homeRegion, multiRegion, logFileValidation, true);
    }

    /** As above; {@code organizationTrail} false makes a trail that logs only the management account. */
    public void createTrail(String trailName, String homeRegion, boolean multiRegion, boolean logFileValidation,
                            boolean organizationTrail) {
        String bucket = (trailName + "-logs").toLowerCase(java.util.Locale.ROOT);
        createBucket(bucket, homeRegion);
        try (CloudTrailClient ct = cloudTrail(homeRegion)) {
            ct.createTrail(r -> r.name(trailName).s3BucketName(bucket).isMultiRegionTrail(multiRegion)
                    .enableLogFileValidation(logFileValidation).isOrganizationTrail(organizationTrail));
            ct.startLogging(r -> r.name(trailName));
        }
    }

    /** Replaces the trail's selectors with {@code selectors} (e.g. a foreign one the tool must keep). */
    public void putAdvancedSelectors(String trailName, String homeRegion, List<AdvancedEventSelector> selectors) {
        try (CloudTrailClient ct = cloudTrail(homeRegion)) {
            ct.putEventSelectors(r -> r.trailName(trailName).advancedEventSelectors(selectors));
        }
    }

    public List<AdvancedEventSelector> advancedSelectors(String trailName, String homeRegion) {
        try (CloudTrailClient ct = cloudTrail(homeRegion)) {
            return ct.getEventSelectors(r -> r.trailName(trailName)).advancedEventSelectors();
        }
    }

    public void stopLogging(String trailName, String homeRegion) {
        try (CloudTrailClient ct = cloudTrail(homeRegion)) {
            ct.stopLogging(r -> r.name(trailName));
        }
    }

    public boolean isLogging(String trailName, String homeRegion) {
        try (CloudTrailClient ct = cloudTrail(homeRegion)) {
            return ct.getTrailStatus(r -> r.name(trailName)).isLogging();
        }
    }

    // ------------------------------------------------------------------ IAM

    /** Creates an IAM user (e.g. a shadow user {@code AeaApiKey-1a2b}) under {@code path}. */
    public void createUser(String userName, String path) {
        iam().createUser(r -> r.userName(userName).path(path));
    }

    /** Creates a long-term key (service-specific credential) for {@code serviceName}; returns its id, never the secret. */
    public String createServiceSpecificCredential(String userName, String serviceName) {
        return iam().createServiceSpecificCredential(r -> r.userName(userName).serviceName(serviceName))
                .serviceSpecificCredential().serviceSpecificCredentialId();
    }
}
