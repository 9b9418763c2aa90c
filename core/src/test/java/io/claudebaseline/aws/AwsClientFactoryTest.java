package io.claudebaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.testing.MotoFixtures;
import io.claudebaseline.testing.MotoServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Credentials, region and endpoint resolution; role assumption and member-account clients against moto. */
@ExtendWith(MotoServer.class)
class AwsClientFactoryTest {

    private static EngineRequest.Builder request() {
        return EngineRequest.builder(Action.VERIFY, Path.of("x.yaml"));
    }

    @Test
    void regionComesFromTheRequestThenAwsRegionThenAwsDefaultRegionThenUsEast1() {
        assertThat(AwsClientFactory.region(request().region("eu-west-1").environment(Map.of("AWS_REGION", "us-west-2")).build()))
                .isEqualTo("eu-west-1");
        assertThat(AwsClientFactory.region(request().environment(Map.of("AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "ap-south-1")).build()))
                .isEqualTo("us-west-2");
        assertThat(AwsClientFactory.region(request().environment(Map.of("AWS_DEFAULT_REGION", "ap-south-1")).build())).isEqualTo("ap-south-1");
        assertThat(AwsClientFactory.region(request().build())).isEqualTo("us-east-1");
    }

    @Test
    void endpointComesFromTheRequestThenAwsEndpointUrlAndMustBeHttp() {
        assertThat(AwsClientFactory.endpoint(request().endpointUrl("http://127.0.0.1:5000")
                .environment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:6000")).build())).hasToString("http://127.0.0.1:5000");
        assertThat(AwsClientFactory.endpoint(request().environment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:6000")).build()))
                .hasToString("http://127.0.0.1:6000");
        assertThat(AwsClientFactory.endpoint(request().build())).isNull();
        assertThatThrownBy(() -> AwsClientFactory.endpoint(request().endpointUrl("127.0.0.1:5000").build()))
                .hasMessageContaining("http:// or https://");
    }

    @Test
    void credentialsPrecedence() {
        var explicit = AnonymousCredentialsProvider.create();
        Map<String, String> keys = Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "s3cr3t", "AWS_SESSION_TOKEN", "tok",
                "AWS_PROFILE", "ops");
        assertThat(AwsClientFactory.baseCredentials(request().credentials(explicit).environment(keys).build())).isSameAs(explicit);

        // An explicit --profile beats keys left in the environment (as in the AWS CLI); AWS_PROFILE does not.
        assertThat(AwsClientFactory.baseCredentials(request().environment(keys).profile("other").build()))
                .isInstanceOf(ProfileCredentialsProvider.class);
        var fromEnv = AwsClientFactory.baseCredentials(request().environment(keys).build());
        assertThat(fromEnv).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(fromEnv.resolveCredentials()).isInstanceOf(AwsSessionCredentials.class);
        assertThat(fromEnv.toString()).doesNotContain("s3cr3t").doesNotContain("tok");

        assertThat(AwsClientFactory.baseCredentials(request().profile("ops").build())).isInstanceOf(ProfileCredentialsProvider.class);
        assertThat(AwsClientFactory.baseCredentials(request().environment(Map.of("AWS_PROFILE", "ops")).build()))
                .isInstanceOf(ProfileCredentialsProvider.class);
        assertThat(AwsClientFactory.baseCredentials(request().build())).isInstanceOf(DefaultCredentialsProvider.class);
        assertThatThrownBy(() -> AwsClientFactory.baseCredentials(request().environment(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")).build()))
                .hasMessageContaining("must be set together").hasMessageNotContaining("AKIAEXAMPLE");
    }

    @Test
    void aRegionThatIsNoRegionNameIsRejectedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> AwsClientFactory.region(request().region("us east 1").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--region 'us east 1' is not a region name");
        assertThatThrownBy(() -> AwsClientFactory.region(request().environment(Map.of("AWS_REGION", "EU-WEST-1")).build()))
                .hasMessageContaining("AWS_REGION 'EU-WEST-1'");
        assertThat(AwsClientFactory.region(request().environment(Map.of("AWS_DEFAULT_REGION", "us-gov-west-1")).build()))
                .isEqualTo("us-gov-west-1");
    }

    @Test
    void aMalformedRoleArnIsRejectedBeforeAnyCall() {
        assertThat(AwsClientFactory.roleArn(request().roleArn(" arn:aws:iam::123456789012:role/ops/claude-baseline ").build()))
                .isEqualTo("arn:aws:iam::123456789012:role/ops/claude-baseline");
        assertThat(AwsClientFactory.roleArn(request().roleArn("arn:aws-us-gov:iam::123456789012:role/x").build())).isNotNull();
        assertThat(AwsClientFactory.roleArn(request().build())).isNull();
        assertThatThrownBy(() -> AwsClientFactory.create(request().roleArn("bogus").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--role-arn 'bogus' is not an IAM role ARN")
                .hasMessageContaining("arn:aws:iam::<12-digit account>:role/");
        assertThatThrownBy(() -> AwsClientFactory.roleArn(request().roleArn("arn:aws:sts::123456789012:assumed-role/ops/s").build()))
                .hasMessageContaining("STS session ARN");
        assertThatThrownBy(() -> AwsClientFactory.roleArn(request().roleArn("arn:aws:iam::123456789012:user/alice").build()))
                .hasMessageContaining("not an IAM role ARN");
    }

    @Test
    void assumesTheRoleFirstAndActsInMemberAccounts(MotoServer server, MotoFixtures moto) {
        MotoFixtures.Org org = moto.createOrganization();
        String member = moto.createAccount("prod", org.rootId());
        EngineRequest req = server.request(Action.VERIFY, Path.of("x.yaml"))
                .roleArn("arn:aws:iam::" + MotoServer.DEFAULT_ACCOUNT_ID + ":role/claude-baseline-deployer").externalId("ext-1").build();
        try (AwsClients aws = AwsClientFactory.create(req, AwsClientSettings.forTests())) {
            assertThat(aws.sts().getCallerIdentity().arn()).contains("assumed-role/claude-baseline-deployer/claude-baseline");
            assertThat(aws.organizations().describeOrganization().organization().id()).isEqualTo(org.id());
            try (AwsClients inMember = aws.forAccount(member, "OrganizationAccountAccessRole", null)) {
                assertThat(inMember.sts().getCallerIdentity().account()).isEqualTo(member);
                inMember.iam().createUser(r -> r.userName("AeaApiKey-member"));
                assertThat(inMember.iam().listUsers().users()).extracting(u -> u.userName()).containsExactly("AeaApiKey-member");
                assertThat(aws.iam().listUsers().users()).as("management account unaffected").isEmpty();
            }
            assertThat(aws.callStats().calls("sts:AssumeRole")).isEqualTo(2);
            assertThat(aws.callStats().calls("organizations:DescribeOrganization")).isEqualTo(1);
        }
    }

    @Test
    void aRoleThatCannotBeAssumedFailsAtOnceNamingStsAssumeRole(MotoServer server) {
        io.claudebaseline.testing.FaultInjector faults = new io.claudebaseline.testing.FaultInjector()
                .always("sts:AssumeRole", io.claudebaseline.testing.FaultInjector.Fault.ACCESS_DENIED);
        EngineRequest req = server.request(Action.VERIFY, Path.of("x.yaml")).roleArn("arn:aws:iam::123456789012:role/nope").build();
        assertThatThrownBy(() -> AwsClientFactory.create(req, AwsClientSettings.forTests().withHttpClientDecorator(faults)))
                .isInstanceOf(AwsOperationException.class)
                .hasMessageContaining("sts:AssumeRole on arn:aws:iam::123456789012:role/nope")
                .hasMessageContaining("lacks the IAM permission sts:AssumeRole");
    }

    @Test
    void theRateLimiterSeesEveryOrganizationsAttemptAndNothingElse(MotoServer server, MotoFixtures moto) {
        moto.createOrganization();
        io.claudebaseline.testing.FaultInjector faults = new io.claudebaseline.testing.FaultInjector()
                .once("organizations:ListRoots", io.claudebaseline.testing.FaultInjector.Fault.THROTTLE);
        // A large scale keeps the (real-time) limiter from ever waiting here; what is checked is the wiring.
        AwsClientSettings settings = AwsClientSettings.forTests().withOrganizationsRateScale(1000).withHttpClientDecorator(faults);
        try (AwsClients aws = AwsClientFactory.create(server.request(Action.VERIFY, Path.of("x.yaml")).build(), settings)) {
            aws.organizations().describeOrganization();
            aws.organizations().listRoots();
            aws.iam().listUsers();
            assertThat(((DefaultAwsClients) aws).shared().limiter().permitsTaken())
                    .containsExactly(Map.entry("DescribeOrganization", 1L), Map.entry("ListRoots", 2L));
            assertThat(aws.callStats().snapshot().get("organizations:ListRoots"))
                    .isEqualTo(new CallStats.OperationStats(1, 1, 1, 0));
            assertThat(aws.callStats().calls("iam:ListUsers")).isEqualTo(1);
        }
    }

    @Test
    void aMalformedSharedCredentialsFileIsNamedWithTheLineTheSdkObjectedTo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = java.nio.file.Files.writeString(dir.resolve("credentials"), "[default]\naws_access_key_id = AKIAEXAMPLE\n= no-name\n");
        Map<String, String> env = Map.of("AWS_SHARED_CREDENTIALS_FILE", bad.toString(), "AWS_CONFIG_FILE", dir.resolve("none").toString());
        for (EngineRequest r : java.util.List.of(request().environment(env).profile("default").build(),
                request().environment(Map.of("AWS_SHARED_CREDENTIALS_FILE", bad.toString(), "AWS_PROFILE", "default")).build(),
                request().environment(env).build())) {
            assertThatThrownBy(() -> AwsClientFactory.baseCredentials(r)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the AWS credentials file " + bad + " (AWS_SHARED_CREDENTIALS_FILE) cannot be parsed")
                    .hasMessageContaining("line 3").hasMessageNotContaining("AKIAEXAMPLE");
        }
        // A well-formed file given through the run's environment is the one read.
        Path good = java.nio.file.Files.writeString(dir.resolve("good"), "[ops]\naws_access_key_id = AKIAOPS\naws_secret_access_key = x\n");
        assertThat(AwsClientFactory.baseCredentials(request().environment(Map.of("AWS_SHARED_CREDENTIALS_FILE", good.toString(),
                "AWS_CONFIG_FILE", dir.resolve("none").toString())).profile("ops").build()).resolveCredentials().accessKeyId()).isEqualTo("AKIAOPS");
    }
}
