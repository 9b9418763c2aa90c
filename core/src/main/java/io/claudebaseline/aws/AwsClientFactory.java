package io.claudebaseline.aws;

import io.claudebaseline.engine.EngineRequest;

/** Builds the clients for one run from the request (credentials, region, endpoint, role, retries). STUB. */
public final class AwsClientFactory {
    private AwsClientFactory() {}

    public static AwsClients create(EngineRequest request) {
        throw new UnsupportedOperationException("AwsClientFactory not implemented yet");
    }
}
