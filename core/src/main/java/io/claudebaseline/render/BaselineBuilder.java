package io.claudebaseline.render;

import io.claudebaseline.config.BaselineConfig;
import io.claudebaseline.config.ConfigException;
import io.claudebaseline.model.Baseline;

/** Config → desired state (SCPs with exact content, targets, selectors). STUB. */
public final class BaselineBuilder {
    private BaselineBuilder() {}

    public static Baseline build(BaselineConfig config, Templates templates) throws ConfigException {
        throw new UnsupportedOperationException("BaselineBuilder not implemented yet");
    }
}
