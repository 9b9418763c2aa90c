package io.jenkins.plugins.claudebaseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theLogLineNamesTheSourceInPrecedenceOrderAndNeverAValue() throws Exception {
        SessionCredentials keys = new SessionCredentials("AKIAJENKINS", "jenkins-secret", null);
        assertThat(NodeIdentity.choose(keys, "aws-org-admin", buildEnv(), false, "arn:aws:iam::111122223333:role/audit").source())
                .isEqualTo("AWS credentials: Jenkins credential 'aws-org-admin' (resolved on the controller, access key handed to"
                        + " this node), then assume role arn:aws:iam::111122223333:role/audit");
        String line = NodeIdentity.choose(null, null, buildEnv(), false, null).source();
        assertThat(line).isEqualTo("AWS credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN from the build environment");
        assertThat(line).doesNotContain(SECRET, TOKEN, "AKIAIOSFODNN7EXAMPLE");
        assertThat(NodeIdentity.choose(null, null, Map.of("AWS_PROFILE", "audit"), false, null).source())
                .isEqualTo("AWS credentials: profile 'audit' (AWS_PROFILE) of this node");
        assertThat(NodeIdentity.choose(null, null, Map.of("AWS_REGION", "us-east-1"), false, null).source())
                .startsWith("AWS credentials: the default credentials chain of this node");
        assertThat(keys.toString()).doesNotContain("AKIAJENKINS", "jenkins-secret");
    }

    @Test
    void onTheControllerNeitherItsProfilesNorItsDefaultChainAreUsed() {
        assertThatThrownBy(() -> NodeIdentity.choose(null, null, Map.of("AWS_PROFILE", "admin"), true, null))
                .hasMessageContaining("profile 'admin' of the controller");
        assertThatThrownBy(() -> NodeIdentity.choose(null, null, Map.of(), true, null))
                .hasMessageContaining("controller's own AWS identity");
    }

    @Test
    void identityVariablesInheritedFromTheControllerProcessAreDropped() {
        Map<String, String> env = AwsEnvironment.select(buildEnv(), false);
        assertThat(AwsEnvironment.withoutInherited(env, Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")))
                .doesNotContainKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN").containsKey("AWS_REGION");
        assertThat(AwsEnvironment.withoutInherited(env, Map.of("AWS_ACCESS_KEY_ID", "AKIAOTHER"))).containsKey("AWS_ACCESS_KEY_ID");
    }
}
