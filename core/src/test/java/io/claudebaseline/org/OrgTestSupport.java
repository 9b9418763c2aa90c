package io.claudebaseline.org;

import io.claudebaseline.aws.AwsClientFactory;
import io.claudebaseline.aws.AwsClientSettings;
import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ConfigLoader;
import io.claudebaseline.engine.api.Action;
import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.model.Baseline;
import io.claudebaseline.model.Control;
import io.claudebaseline.model.ScpDocument;
import io.claudebaseline.testing.MotoServer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared set-up of the organisation tests: a baseline from YAML and the code's own clients pointed at moto. */
final class OrgTestSupport {
    private OrgTestSupport() {}

    /** The config as a user would write it (so new config fields with defaults never break these tests). */
    static BaselineConfig config(String yaml) {
        try {
            return ConfigLoader.parse(yaml, false, "test.yaml");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A baseline whose SCPs are named {@code scpNames}; their content does not matter to coverage. */
    static Baseline baseline(BaselineConfig config, String... scpNames) {
        List<ScpDocument> scps = Arrays.stream(scpNames)
                .map(n -> new ScpDocument(n, "test", List.of(Control.PROTECT_WORKSPACES), List.of(), "{}"))
                .toList();
        return new Baseline(config, scps, config.targets(), Optional.empty(), Map.of());
    }

    /** The production client factory against moto, with the small retry budget of tests. */
    static AwsClients clients(MotoServer server) {
        return clients(server, AwsClientSettings.forTests());
    }

    static AwsClients clients(MotoServer server, AwsClientSettings settings) {
        EngineRequest request = EngineRequest.builder(Action.VERIFY, Path.of("claude-baseline.yaml"))
                .endpointUrl(server.endpoint()).environment(server.environment()).build();
        return AwsClientFactory.create(request, settings);
    }
}
