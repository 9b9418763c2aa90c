package io.claudebaseline.usage;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.EngineResult;
import io.claudebaseline.testing.FaultInjector;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The example config's organisation as far as usage sees it: trail {@code org-trail} in us-east-1 delivering to
 * bucket {@code org-trail-logs} under prefix {@code cloudtrail} (an organization trail: {@code AWSLogs/o-…/}), and
 * optionally to a CloudWatch Logs group; plus a day of synthetic deliveries in the documented record format.
 */
final class UsageWorld implements AutoCloseable {
    static final String TRAIL = "org-trail";
    static final String REGION = "us-east-1";
    static final String BUCKET = "org-trail-logs";
    static final String PREFIX = "cloudtrail";
    static final String ORG = "o-abcdefghij";
    static final String ACCOUNT = "111122223333";
    static final String LOG_GROUP = "CloudTrail/org-trail";
    static final String PROD = SyntheticTrail.workspaceArn("us-east-1", ACCOUNT, "wrkspc_01AbCdEf23GhIj");
    static final String RESEARCH = SyntheticTrail.workspaceArn("eu-west-1", ACCOUNT, "wrkspc_09ZyXwVu87TsRq");
    static final String UNLISTED = SyntheticTrail.workspaceArn("us-east-1", ACCOUNT, "wrkspc_UNLISTED1");
    static final String APP = SyntheticTrail.assumedRole(ACCOUNT, "/", "claude-prod-app", "i-0abc");
    static final String DEVELOPER = SyntheticTrail.assumedRole(ACCOUNT, "/", "developer", "alice");
    static final String SHADOW = SyntheticTrail.iamUser(ACCOUNT, "AeaApiKey-3f9a");
    static final String NOTEBOOKS = SyntheticTrail.assumedRole(ACCOUNT, "/", "claude-research-notebooks", "nb-1");
    static final String SSO = SyntheticTrail.assumedRole(ACCOUNT, "/aws-reserved/sso.amazonaws.com/", "AWSReservedSSO_DataScience_0a1b2c3d", "bob@example.com");

    final MotoServer server;
    final Path dir;
    final Path config;
    /** The window the tests read: [from, to). Events sit between them, one just before. */
    final Instant base;
    final Instant from;
    final Instant to;
    final List<String> progress = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();

    /** The records and config only, without moto (local files, Athena results). */
    UsageWorld(Path dir) throws Exception {
        this.server = null;
        this.dir = dir;
        this.base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.HOURS);
        this.from = base.minus(1, ChronoUnit.HOURS);
        this.to = Instant.now().plus(1, ChronoUnit.MINUTES);
        this.config = dir.resolve("claude-baseline.yaml");
        Files.copy(examples().resolve("claude-baseline.yaml"), config);
    }

    UsageWorld(MotoServer server, MotoFixtures moto, Path dir, boolean withLogGroup) throws Exception {
        this.server = server;
        this.dir = dir;
        this.base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.HOURS);
        this.from = base.minus(1, ChronoUnit.HOURS);
        this.to = Instant.now().plus(1, ChronoUnit.MINUTES);
        this.config = dir.resolve("claude-baseline.yaml");
        Files.copy(examples().resolve("claude-baseline.yaml"), config);
        moto.createBucket(BUCKET, REGION);
        String groupArn = null;
        if (withLogGroup) {
            logs().createLogGroup(r -> r.logGroupName(LOG_GROUP));
            groupArn = "arn:aws:logs:" + REGION + ":" + MotoServer.DEFAULT_ACCOUNT_ID + ":log-group:" + LOG_GROUP + ":*";
        }
        String group = groupArn;
        try (CloudTrailClient ct = moto.cloudTrail(REGION)) {
            ct.createTrail(r -> r.name(TRAIL).s3BucketName(BUCKET).s3KeyPrefix(PREFIX).isMultiRegionTrail(true)
                    .isOrganizationTrail(true).cloudWatchLogsLogGroupArn(group)
                    .cloudWatchLogsRoleArn(group == null ? null : "arn:aws:iam::" + MotoServer.DEFAULT_ACCOUNT_ID + ":role/CloudTrailToLogs"));
        }
    }

    static Path examples() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("examples/claude-baseline.yaml"))) {
                return d.resolve("examples");
            }
        }
        throw new IllegalStateException("examples/claude-baseline.yaml not found");
    }

    /** The prod workspace's records (us-east-1): used, denied, long-term key, resource-less, unlisted, other services. */
    List<String> prodRecords() {
        return List.of(
                SyntheticTrail.claude(APP, base, "CreateInference", PROD, false, "10.1.0.5", "anthropic-sdk/1", null),
                SyntheticTrail.otherService(base.plusSeconds(10), "s3.amazonaws.com", "GetObject", false),
                SyntheticTrail.claude(APP, base.plusSeconds(60), "CreateInference", PROD, false, "10.1.0.5", "anthropic-sdk/1", null),
                SyntheticTrail.claude(APP, base.plusSeconds(120), "CreateInference", PROD, false, "10.1.0.5", "anthropic-sdk/1", null),
                SyntheticTrail.claude(APP, base.plusSeconds(130), "CountTokens", PROD, false, "10.1.0.5", "anthropic-sdk/1", null),
                SyntheticTrail.claude(APP, base.plusSeconds(140), "ListWorkspaces", null, false, "10.1.0.5", "anthropic-sdk/1", null),
                SyntheticTrail.otherService(base.plusSeconds(150), "iam.amazonaws.com", "CreateServiceSpecificCredential", true),
                SyntheticTrail.claude(DEVELOPER, base.plusSeconds(200), "CreateInference", PROD, true, "203.0.113.7", "python-httpx/0.28.1", null),
                SyntheticTrail.claude(DEVELOPER, base.plusSeconds(260), "CreateInference", PROD, true, "203.0.113.9", "python-httpx/0.28.1", null),
                SyntheticTrail.claude(SHADOW, base.plusSeconds(300), "CreateInference", PROD, true, "198.51.100.20", "curl/8.5", "LONG_TERM"),
                SyntheticTrail.claude(APP, base.plusSeconds(320), "CreateInference", UNLISTED, false, "10.1.0.5", "anthropic-sdk/1", null),
                // before the window: read, but not counted
                SyntheticTrail.claude(APP, from.minusSeconds(600), "CreateInference", PROD, false, "10.1.0.5", "anthropic-sdk/1", null));
    }

    List<String> researchRecords() {
        return List.of(
                SyntheticTrail.claude(NOTEBOOKS, base.plusSeconds(30), "CreateInference", RESEARCH, false, "10.2.0.9", "jupyter", null),
                SyntheticTrail.claude(NOTEBOOKS, base.plusSeconds(90), "CreateInference", RESEARCH, false, "10.2.0.9", "jupyter", null),
                SyntheticTrail.claude(SSO, base.plusSeconds(400), "CreateBatch", RESEARCH, true, "192.0.2.44", "Mozilla/5.0", null));
    }

    /** Delivers the records to S3 as CloudTrail would (plus a truncated object and another account's file). */
    void deliverToS3() {
        Instant fileTime = base.plus(10, ChronoUnit.MINUTES);
        put(SyntheticTrail.key(PREFIX, ORG, ACCOUNT, "us-east-1", fileTime, "a1"), SyntheticTrail.gzip(SyntheticTrail.logFileJson(prodRecords())));
        put(SyntheticTrail.key(PREFIX, ORG, ACCOUNT, "eu-west-1", fileTime, "b2"), SyntheticTrail.gzip(SyntheticTrail.logFileJson(researchRecords())));
        byte[] whole = SyntheticTrail.gzip(SyntheticTrail.logFileJson(prodRecords()));
        put(SyntheticTrail.key(PREFIX, ORG, ACCOUNT, "us-east-1", fileTime.plusSeconds(300), "cut"), java.util.Arrays.copyOf(whole, whole.length - 40));
        put(SyntheticTrail.key(PREFIX, ORG, "444455556666", "us-east-1", fileTime, "d4"), SyntheticTrail.gzip(SyntheticTrail.logFileJson(prodRecords())));
    }

    /** Sends the same records to the log group (one log event each, as CloudTrail does), plus a message that is no record. */
    void deliverToLogs() {
        List<String> all = new ArrayList<>(prodRecords());
        all.addAll(researchRecords());
        List<InputLogEvent> events = new ArrayList<>();
        for (String r : all) {
            Instant t = Instant.parse(r.replaceFirst("^.*?\"eventTime\":\"([^\"]+)\".*$", "$1"));
            events.add(InputLogEvent.builder().timestamp(t.toEpochMilli()).message(r).build());
        }
        events.add(InputLogEvent.builder().timestamp(base.plusSeconds(500).toEpochMilli()).message("{\"eventSource\":\"" + SyntheticTrail.CLAUDE + "\", broken").build());
        events.sort(Comparator.comparing(InputLogEvent::timestamp));
        String stream = ACCOUNT + "_CloudTrail_" + REGION;
        logs().createLogStream(r -> r.logGroupName(LOG_GROUP).logStreamName(stream));
        logs().putLogEvents(r -> r.logGroupName(LOG_GROUP).logStreamName(stream).logEvents(events));
    }

    void put(String key, byte[] body) {
        s3().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
    }

    EngineRequest.Builder request(Action action) {
        return server.request(action, config).reportDir(dir.resolve("reports"))
                .usage(new EngineRequest.UsageWindow(null, from, to, null, null, null, null));
    }

    EngineResult run(EngineRequest request) throws Exception {
        return server.engine().run(request, progress::add);
    }

    EngineResult run(EngineRequest request, FaultInjector faults) throws Exception {
        return server.engine(faults).run(request, progress::add);
    }

    synchronized S3Client s3() {
        S3Client c = S3Client.builder().region(Region.of(REGION)).endpointOverride(URI.create(server.endpoint())).forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(credentials()).build();
        clients.add(c);
        return c;
    }

    synchronized CloudWatchLogsClient logs() {
        CloudWatchLogsClient c = CloudWatchLogsClient.builder().region(Region.of(REGION)).endpointOverride(URI.create(server.endpoint()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(credentials()).build();
        clients.add(c);
        return c;
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY));
    }

    @Override
    public void close() {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception ignored) {
                // test teardown
            }
        }
    }
}
