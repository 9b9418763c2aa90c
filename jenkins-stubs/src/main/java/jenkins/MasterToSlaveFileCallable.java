package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/** Stand-in for Jenkins core's {@code jenkins.MasterToSlaveFileCallable}: the usual base of work sent to an agent. */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
    private static final long serialVersionUID = 1L;
}
