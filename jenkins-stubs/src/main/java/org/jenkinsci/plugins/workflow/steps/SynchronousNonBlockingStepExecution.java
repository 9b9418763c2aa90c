package org.jenkinsci.plugins.workflow.steps;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stand-in for workflow-step-api's {@code SynchronousNonBlockingStepExecution}, with the real threading: {@link #start()}
 * hands {@link #run()} to a cached pool of daemon threads and returns {@code false} at once (so the CPS thread is never
 * blocked); the outcome reaches the context from that thread. {@link #stop} interrupts the thread ({@code cancel(true)})
 * and ends the step with the cause; a failure after a stop is not reported a second time.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution (stand-in)");
        t.setDaemon(true);
        return t;
    });

    private transient volatile Future<?> task;
    private transient volatile Throwable stopCause;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        task = POOL.submit(() -> {
            try {
                T ret = run();
                getContext().onSuccess(ret);
            } catch (Throwable x) {
                if (stopCause == null) {
                    getContext().onFailure(x);
                } else {
                    stopCause.addSuppressed(x);
                }
            }
        });
        return false;
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        if (task != null) {
            stopCause = cause;
            task.cancel(true);
        }
        super.stop(cause);
    }
}
