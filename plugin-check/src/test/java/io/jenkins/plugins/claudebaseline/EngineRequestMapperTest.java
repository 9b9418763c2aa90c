package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

class EngineRequestMapperTest {

    @Test
    void everyArgumentMapsOntoTheRequestWithLocalPaths() throws Exception {
        StepParameters p = new StepParameters("apply", "cfg/prod.yaml", "build/baseline", "build/reports", "ci/templates",
                "eu-west-1", null, "arn:aws:iam::111122223333:role/deployer", "ext-42", "http://127.0.0.1:5000", true,
                "fail", "111122223333");
        try (LocalWorkArea area = LocalWorkArea.create(p)) {
            EngineRequest r = EngineRequestMapper.map(p, area, AwsEnvironmentTest.buildEnv(), null);
            assertThat(r.action()).isEqualTo(Action.APPLY);
            assertThat(r.configPath()).isEqualTo(area.root().resolve("config/prod.yaml"));
            assertThat(r.outputDir()).isEqualTo(area.root().resolve("output"));
            assertThat(r.reportDir()).isEqualTo(area.root().resolve("reports"));
            assertThat(r.templatesDir()).isEqualTo(area.root().resolve("templates"));
            assertThat(r.region()).isEqualTo("eu-west-1");
            assertThat(r.endpointUrl()).isEqualTo("http://127.0.0.1:5000");
            assertThat(r.roleArn()).isEqualTo("arn:aws:iam::111122223333:role/deployer");
            assertThat(r.externalId()).isEqualTo("ext-42");
            assertThat(r.dryRun()).isTrue();
            assertThat(r.account()).isEqualTo("111122223333");
            assertThat(r.profile()).isNull();
            assertThat(r.planFile()).isNull();
            assertThat(r.credentials()).isNull();
            // No Jenkins credential: the build's AWS_* identity goes to the engine (withAWS / withCredentials).
            assertThat(r.environment()).containsEntry("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
                    .containsEntry("AWS_SECRET_ACCESS_KEY", AwsEnvironmentTest.SECRET)
                    .doesNotContainKeys("PATH", "BUILD_NUMBER");
        }
    }

    @Test
    void aJenkinsCredentialWinsOverTheEnvironmentIdentity() throws Exception {
        StepParameters p = new StepParameters("verify", null, null, null, null, null, "aws-org-admin", null, null, null,
                false, null, null);
        AwsCredentialsProvider jenkinsCredential = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAJENKINS", "s3cr3t"));
        try (LocalWorkArea area = LocalWorkArea.create(p)) {
            EngineRequest r = EngineRequestMapper.map(p, area, AwsEnvironmentTest.buildEnv(), jenkinsCredential);
            assertThat(r.credentials()).isSameAs(jenkinsCredential);
            assertThat(r.environment()).doesNotContainKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")
                    .containsEntry("AWS_REGION", "eu-west-1");
            // verify writes no output but always reports (the CLI's default directory); config keeps the default name.
            assertThat(r.outputDir()).isNull();
            assertThat(r.reportDir()).isEqualTo(area.root().resolve("reports"));
            assertThat(r.templatesDir()).isNull();
            assertThat(r.configPath().getFileName().toString()).isEqualTo("claude-baseline.yaml");
        }
    }

    @Test
    void renderAlwaysGetsAnOutputDirectory() throws Exception {
        StepParameters p = StepParametersTest.params("render");
        try (LocalWorkArea area = LocalWorkArea.create(p)) {
            assertThat(EngineRequestMapper.map(p, area, null, null).outputDir()).isEqualTo(area.root().resolve("output"));
        }
    }
}
