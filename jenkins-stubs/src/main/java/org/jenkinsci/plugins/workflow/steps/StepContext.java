package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import java.io.IOException;
import java.io.Serializable;

/** Stand-in for workflow-step-api's {@code StepContext}; as the real class, a Guava {@link FutureCallback}. */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    /** The context object of type {@code key} (TaskListener, Run, EnvVars, FilePath, …), or null if none. */
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(Object result);
}
