package io.claudebaseline.engine.api;

/**
 * The engine as the adapters see it: one request in, one result out. {@link io.claudebaseline.engine.BaselineEngine} is the real one;
 * adapter tests substitute a fake to check argument mapping and result handling without AWS.
 */
@FunctionalInterface
public interface Engine {
    /**
     * @throws io.claudebaseline.config.ConfigException     the config is invalid (nothing was called)
     * @throws io.claudebaseline.aws.AwsOperationException  an AWS call failed
     */
    EngineResult run(EngineRequest request, Progress progress) throws Exception;
}
