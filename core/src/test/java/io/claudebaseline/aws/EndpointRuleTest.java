package io.claudebaseline.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointRuleTest {

    @Test
    void httpsGoesAnywhereAndPlainHttpOnlyToLoopback() {
        assertThat(EndpointRule.check("https://organizations.example.com", "endpoint URL", false)).hasHost("organizations.example.com");
        for (String ok : new String[] {"http://127.0.0.1:5000", "http://127.9.8.7", "http://localhost:4566", "http://[::1]:5000"}) {
            assertThat(EndpointRule.check(ok, "endpoint URL", false)).as(ok).hasToString(ok);
            assertThat(EndpointRule.warning(URI.create(ok))).as(ok).isEmpty();
        }
    }

    @Test
    void plainHttpToAnotherHostIsRefusedWithTheReasonAndTheSwitch() {
        for (String bad : new String[] {"http://moto:5000", "http://10.0.0.5:5000", "http://169.254.169.254",
                "http://localhost.attacker.example", "http://127.0.0.1.nip.io"}) {
            assertThatThrownBy(() -> EndpointRule.check(bad, "endpoint URL", false)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("endpoint URL '" + bad + "' is plain http://")
                    .hasMessageContaining("session token")
                    .hasMessageContaining("--allow-insecure-endpoint").hasMessageContaining("allowInsecureEndpoint: true");
        }
    }

    @Test
    void allowedInsecureEndpointsPassButWarn() {
        URI uri = EndpointRule.check("http://moto:5000", "endpoint URL", true);
        assertThat(EndpointRule.warning(uri)).hasValueSatisfying(w -> assertThat(w).startsWith("WARNING:").contains("moto").contains("unencrypted"));
    }

    @Test
    void otherSchemesAndNonUrlsAreRefusedEvenWhenInsecureIsAllowed() {
        assertThatThrownBy(() -> EndpointRule.check("ftp://127.0.0.1", "AWS_ENDPOINT_URL", true)).hasMessageStartingWith("AWS_ENDPOINT_URL 'ftp://127.0.0.1' must be");
        assertThatThrownBy(() -> EndpointRule.check("not a url", "endpoint URL", true)).hasMessageContaining("not a valid URL");
        assertThatThrownBy(() -> EndpointRule.check("127.0.0.1:5000", "endpoint URL", true)).hasMessageContaining("http:// or https://");
    }

    @Test
    void theFactoryAppliesTheRuleToTheRequestAndToAwsEndpointUrl() {
        EngineRequest.Builder b = EngineRequest.builder(Action.VERIFY, Path.of("c.yaml"));
        assertThatThrownBy(() -> AwsClientFactory.endpoint(b.endpointUrl("http://moto:5000").build())).hasMessageContaining("plain http://");
        assertThat(AwsClientFactory.endpoint(b.allowInsecureEndpoint(true).build())).hasHost("moto");
        assertThat(AwsClientFactory.endpointWarning(b.build())).isPresent();
        EngineRequest fromEnv = EngineRequest.builder(Action.VERIFY, Path.of("c.yaml"))
                .environment(Map.of("AWS_ENDPOINT_URL", "http://sidecar:4566")).build();
        assertThatThrownBy(() -> AwsClientFactory.endpoint(fromEnv)).hasMessageStartingWith("AWS_ENDPOINT_URL 'http://sidecar:4566'");
    }
}
