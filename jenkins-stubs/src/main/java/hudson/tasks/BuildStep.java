package hudson.tasks;

/** Stand-in for Jenkins core's {@code BuildStep}; only the supertype of {@code SimpleBuildStep} is needed. */
public interface BuildStep {
}
