package io.claudebaseline.live;

import io.claudebaseline.aws.AwsClients;
import io.claudebaseline.engine.EngineRequest;
import io.claudebaseline.engine.EngineResult;
import io.claudebaseline.engine.Progress;
import io.claudebaseline.model.Baseline;

/** plan, apply and verify against the live organisation. STUB. */
public final class LiveOperations {
    private LiveOperations() {}

    public static EngineResult plan(Baseline baseline, EngineRequest request, AwsClients aws, Progress progress) throws Exception {
        throw new UnsupportedOperationException("plan not implemented yet");
    }

    public static EngineResult apply(Baseline baseline, EngineRequest request, AwsClients aws, Progress progress) throws Exception {
        throw new UnsupportedOperationException("apply not implemented yet");
    }

    public static EngineResult verify(Baseline baseline, EngineRequest request, AwsClients aws, Progress progress) throws Exception {
        throw new UnsupportedOperationException("verify not implemented yet");
    }
}
