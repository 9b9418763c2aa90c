package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;
import java.io.Serializable;

/**
 * Stand-in for workflow-step-api's {@code StepContext}. The real class implements Guava's
 * {@code FutureCallback<Object>}; its two methods are declared here directly so this module needs no Guava.
 */
public abstract class StepContext implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The context object of type {@code key} (TaskListener, Run, EnvVars, FilePath, …), or null if none. */
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    public abstract void onSuccess(Object result);

    public abstract void onFailure(Throwable t);
}
