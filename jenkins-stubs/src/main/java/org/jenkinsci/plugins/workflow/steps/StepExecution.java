package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Stand-in for workflow-step-api's {@code StepExecution}: one running step. */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Not transient in the real class either: a step execution is saved with the Pipeline's program state. */
    private final StepContext context;

    protected StepExecution(StepContext context) {
        this.context = context;
    }

    public StepContext getContext() {
        if (context == null) {
            throw new IllegalStateException("this StepExecution was created without a context");
        }
        return context;
    }

    public abstract boolean start() throws Exception;

    /** As the real default: the step ends with {@code cause}. */
    public void stop(Throwable cause) throws Exception {
        getContext().onFailure(cause);
    }
}
