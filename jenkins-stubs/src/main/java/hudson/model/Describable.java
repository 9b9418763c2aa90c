package hudson.model;

/** Stand-in for Jenkins core's {@code hudson.model.Describable}. */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("compile-time stand-in: descriptors are looked up by Jenkins");
    }
}
