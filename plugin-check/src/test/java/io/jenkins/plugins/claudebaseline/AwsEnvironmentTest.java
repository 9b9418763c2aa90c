package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEnvironmentTest {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";

    static EnvVars buildEnv() {
        EnvVars env = new EnvVars();
        env.put("PATH", "/usr/bin");
        env.put("BUILD_NUMBER", "7");
        env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", SECRET);
        env.put("AWS_SESSION_TOKEN", TOKEN);
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:5000");
        env.put("AWS_PROFILE", "");
        return env;
    }

    @Test
    void passesOnlyNonEmptyAwsVariables() {
        assertThat(AwsEnvironment.select(buildEnv(), false)).containsOnly(
                Map.entry("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
                Map.entry("AWS_SECRET_ACCESS_KEY", SECRET),
                Map.entry("AWS_SESSION_TOKEN", TOKEN),
                Map.entry("AWS_REGION", "eu-west-1"),
                Map.entry("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));
    }

    @Test
    void anExplicitCredentialIsTheOnlyIdentityButRegionAndEndpointStillApply() {
        assertThat(AwsEnvironment.select(buildEnv(), true)).containsOnly(
                Map.entry("AWS_REGION", "eu-west-1"),
                Map.entry("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));
    }

    @Test
    void namesAreNormalisedToUpperCase() {
        assertThat(AwsEnvironment.select(Map.of("aws_region", "us-east-1"), false)).containsOnly(Map.entry("AWS_REGION", "us-east-1"));
        assertThat(AwsEnvironment.select(null, false)).isEmpty();
    }

    @Test
    void theLogLineNamesTheSourceInPrecedenceOrderAndNeverAValue() {
        Map<String, String> fromEnv = AwsEnvironment.select(buildEnv(), false);
        assertThat(AwsEnvironment.describeSource("aws-org-admin", Map.of(), "arn:aws:iam::111122223333:role/audit"))
                .isEqualTo("AWS credentials: Jenkins credential 'aws-org-admin', then assume role arn:aws:iam::111122223333:role/audit");
        String line = AwsEnvironment.describeSource(null, fromEnv, null);
        assertThat(line).isEqualTo("AWS credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN from the build environment");
        assertThat(line).doesNotContain(SECRET, TOKEN, "AKIAIOSFODNN7EXAMPLE");
        assertThat(AwsEnvironment.describeSource(null, Map.of("AWS_PROFILE", "audit"), null))
                .isEqualTo("AWS credentials: profile 'audit' (AWS_PROFILE)");
        assertThat(AwsEnvironment.describeSource(null, Map.of("AWS_REGION", "us-east-1"), null))
                .isEqualTo("AWS credentials: the controller's default AWS credentials chain");
    }
}
