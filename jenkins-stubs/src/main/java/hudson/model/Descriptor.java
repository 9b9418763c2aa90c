package hudson.model;

/** Stand-in for Jenkins core's {@code hudson.model.Descriptor}: the metadata singleton of a Describable. */
public abstract class Descriptor<T extends Describable<T>> implements jenkins.model.Loadable, Saveable, jenkins.util.io.OnMaster {
    protected Descriptor() {
    }

    /** The real default is the class's simple name; descriptors override it with a human-readable name. */
    public String getDisplayName() {
        return getClass().getSimpleName();
    }
}
