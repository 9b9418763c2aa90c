package hudson.model;

/** Stand-in for Jenkins core's {@code hudson.model.Job}: only the type parameters a {@link Run} needs. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
}
