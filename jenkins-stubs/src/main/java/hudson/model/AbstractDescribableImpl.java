package hudson.model;

/** Stand-in for Jenkins core's {@code hudson.model.AbstractDescribableImpl}. */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
