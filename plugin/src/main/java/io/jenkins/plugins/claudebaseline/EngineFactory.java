package io.jenkins.plugins.claudebaseline;

import io.claudebaseline.engine.BaselineEngine;
import io.claudebaseline.engine.api.Engine;
import java.io.Serializable;

/**
 * Makes the engine where the work runs. The callable that goes to the node carries this factory, not an engine:
 * an engine is not serialisable, and it must be built on the node so that its AWS clients, default credentials chain
 * and network position are the node's.
 */
@FunctionalInterface
public interface EngineFactory extends Serializable {

    Engine create();

    /** The bundled engine, talking to AWS (or {@code endpointUrl}) from the node. */
    enum Bundled implements EngineFactory {
        INSTANCE;

        @Override
        public Engine create() {
            return new BaselineEngine();
        }
    }
}
