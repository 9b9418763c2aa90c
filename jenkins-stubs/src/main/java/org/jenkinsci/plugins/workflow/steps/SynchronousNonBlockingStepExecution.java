package org.jenkinsci.plugins.workflow.steps;

/**
 * Stand-in for workflow-step-api's {@code SynchronousNonBlockingStepExecution}. The real {@link #start()} runs
 * {@link #run()} on a thread pool (so network I/O never blocks the CPS thread) and reports to the context; this
 * stand-in runs it on the calling thread, which is what a unit test wants.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        try {
            getContext().onSuccess(run());
        } catch (Throwable t) {
            getContext().onFailure(t);
        }
        return false;
    }
}
