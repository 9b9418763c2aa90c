package hudson.model;

/** Stand-in for Jenkins core's {@code hudson.model.ModelObject}: something with a name shown to people. */
public interface ModelObject {
    String getDisplayName();
}
