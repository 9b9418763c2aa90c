package io.claudebaseline.aws;

import io.claudebaseline.engine.api.EngineRequest;
import io.claudebaseline.engine.api.Progress;
import io.claudebaseline.secrets.Redactor;

/**
 * Builds the AWS clients of one engine run. The engine hands over the run's redactor (every credential the
 * clients resolve joins it) and its progress (a line per retry of a call that got no answer).
 */
@FunctionalInterface
public interface AwsClientsFactory {
    AwsClients create(EngineRequest request, Redactor secrets, Progress progress);
}
