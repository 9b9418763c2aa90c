package hudson.model;

/**
 * Stand-in for Jenkins core's {@code hudson.model.Run}. {@link #setResult} keeps the real rule that a result can only
 * get worse, because the step relies on it (UNSTABLE never hides an earlier FAILURE).
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    private Result result;

    public Result getResult() {
        return result;
    }

    public void setResult(Result r) {
        if (result == null || r.isWorseThan(result)) {
            result = r;
        }
    }
}
